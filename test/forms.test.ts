import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import jsQRModule from 'jsqr'
import { PNG } from 'pngjs'
import { parseInstant } from '../src/domain/calendar/local-time.ts'
import { timeWording } from '../src/domain/forms/build.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { requireTools } from './support/debian-tools.ts'
import { declarationFor } from './support/declaration-samples.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

// jsqr is CommonJS whose module.exports is the function; its types describe an ES default export.
const jsQR = jsQRModule as unknown as (typeof jsQRModule)['default']
const applicantName = 'Nguyễn Thị Lan'
const newDossier = {
  procedureCode: '1.001193',
  ...declarationFor('1.001193'),
  receivingAgencyId: 'ttpvhcc-22333',
  channel: 2,
  applicant: {
    id: 'x',
    kind: 'citizen',
    name: applicantName,
    identityNumber: null,
    phone: '0905000001',
    email: 'lan@example.vn',
    address: 'Phường Bắc Nha Trang, tỉnh Khánh Hòa',
  },
  components: [
    { name: 'Tờ khai đăng ký khai sinh', fileRef: null },
    { name: 'Giấy chứng sinh', fileRef: null },
  ],
}

describe(`forms as PDF on ${engineName}`, () => {
  let t: TestApp
  let citizen: Record<string, string>
  let otherCitizen: Record<string, string>
  let counter: Record<string, string>
  let specialist: Record<string, string>
  let leader: Record<string, string>
  let dir: string
  let received: DossierView
  let d: DossierView

  const post = async (url: string, who: Record<string, string>, payload: object) => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { ...who, 'idempotency-key': randomUUID() },
    })
    assert.ok(res.statusCode === 200 || res.statusCode === 201, `${url}: ${res.body}`)
    return res.json<DossierView>()
  }
  const get = (url: string, who: Record<string, string>) => t.app.inject({ method: 'GET', url, headers: who })
  /** The PDF as text (pdftotext), checking the HTTP headers on the way. */
  const pdfText = async (url: string, who: Record<string, string>, fileName: string) => {
    const res = await get(url, who)
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.headers['content-type'], 'application/pdf')
    assert.equal(res.headers['content-disposition'], `inline; filename="${fileName}"`)
    assert.equal(res.headers['cache-control'], 'private, no-store')
    assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-')
    const file = join(dir, fileName)
    writeFileSync(file, res.rawPayload)
    const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    // Table cells wrap inside their columns: compare with whitespace collapsed.
    return { file, text: raw.replace(/\s+/g, ' ') }
  }

  before(async () => {
    t = await createTestApp()
    dir = mkdtempSync(join(tmpdir(), 'motcua-forms-'))
    citizen = await signedIn(t, { citizen: { identityNumber: '056190000011', name: applicantName } })
    otherCitizen = await signedIn(t, { citizen: { identityNumber: '056190000012', name: 'Trần Văn Bình' } })
    counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }], name: 'Lê Thu Hà' })
    specialist = await signedIn(t, { grants: [{ role: 'specialist', agencyId: 'xa-22333' }], name: 'Võ Đức Sơn' })
    leader = await signedIn(t, { grants: [{ role: 'leader', agencyId: 'xa-22333' }], name: 'Huỳnh Quốc Nam' })
    const submitted = await post('/api/dossiers', citizen, newDossier)
    received = await post(`/api/dossiers/${submitted.id}/reception`, counter, { expectedVersion: submitted.version })
    d = received
  })
  after(async () => {
    rmSync(dir, { recursive: true, force: true })
    await t.close()
  })

  test('form 01: the receipt in Vietnamese, with the code as text and a QR code of the tracking page', {
    skip: requireTools('pdftotext', 'pdftoppm', 'pdfinfo'),
  }, async () => {
    const code = received.code as string
    assert.ok(code)
    const { file, text } = await pdfText(`/api/dossiers/${code}/forms/01`, citizen, `mau-01-${code}.pdf`)
    for (const expected of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Mẫu số 01',
      `Mã hồ sơ: ${code}`,
      `Ông/Bà: ${applicantName}`,
      'Địa chỉ: Phường Bắc Nha Trang, tỉnh Khánh Hòa',
      'Số điện thoại: 0905000001',
      'Tờ khai đăng ký khai sinh',
      'Giấy chứng sinh',
      '3. Thời gian nhận hồ sơ: 10 giờ 00 phút, ngày 26 tháng 11 năm 2026',
      `4. Thời gian trả kết quả giải quyết hồ sơ: ${timeWording(parseInstant(received.deadlines.appointmentAt as string) as number)}`,
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Lê Thu Hà',
    ])
      assert.ok(text.includes(expected), `missing "${expected}" in:\n${text}`)
    assert.match(text, /\d{2} giờ \d{2} phút, ngày \d{2} tháng \d{2} năm \d{4}/)
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    assert.match(info, /Subject: +Mẫu số 01 ban hành kèm theo Thông tư số 03\/2025\/TT-VPCP/)
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', file, join(dir, 'page')])
    const png = PNG.sync.read(readFileSync(join(dir, 'page-1.png')))
    const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    assert.equal(qr?.data, `http://localhost:3000/tra-cuu?ma=${code}`)
  })

  test('forms that do not apply yet are 404; an unknown form 400; another citizen 403', async () => {
    for (const form of ['02', '03', '04', '05'])
      assert.equal((await get(`/api/dossiers/${d.id}/forms/${form}`, counter)).statusCode, 404, form)
    assert.equal((await get(`/api/dossiers/${d.id}/forms/08`, counter)).statusCode, 400)
    assert.equal((await get(`/api/dossiers/${d.id}/forms/01`, otherCitizen)).statusCode, 403)
    assert.equal((await get('/api/dossiers/999.00.01.H34-000000-0000/forms/01', counter)).statusCode, 404)
  })

  const needsPdftotext = { skip: requireTools('pdftotext') }

  test(
    'forms 02, 04, 05 and 06 as the dossier moves: supplement, apology, stop, control sheet',
    needsPdftotext,
    async () => {
      const code = received.code as string
      d = await post(`/api/dossiers/${d.id}/transfer`, counter, { expectedVersion: d.version })
      d = await post(`/api/dossiers/${d.id}/supplement-requests`, specialist, {
        expectedVersion: d.version,
        items: ['Bản sao Giấy chứng nhận kết hôn của cha, mẹ'],
        reason: 'Thiếu giấy tờ chứng minh quan hệ hôn nhân',
      })
      const supplement = await pdfText(`/api/dossiers/${d.id}/forms/02`, citizen, `mau-02-${code}.pdf`)
      for (const expected of [
        'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
        `Hồ sơ của: ${applicantName}`,
        'Bản sao Giấy chứng nhận kết hôn của cha, mẹ',
        'Thiếu giấy tờ chứng minh quan hệ hôn nhân',
        `Số: ${code}/YCBS-1`,
      ])
        assert.ok(supplement.text.includes(expected), `missing "${expected}" in:\n${supplement.text}`)

      d = await post(`/api/dossiers/${d.id}/apologies`, leader, {
        expectedVersion: d.version,
        reason: 'Chờ xác minh thông tin hộ tịch',
        newAppointmentAt: '2026-12-10T16:00:00+07:00',
      })
      const apology = await pdfText(`/api/dossiers/${d.id}/forms/04`, citizen, `mau-04-${code}.pdf`)
      for (const expected of [
        'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
        `Kính gửi: ${applicantName}`,
        'Chờ xác minh thông tin hộ tịch',
        'Thời gian trả kết quả đề nghị gia hạn đến: 16 giờ 00 phút, ngày 10 tháng 12 năm 2026',
        'THỦ TRƯỞNG CƠ QUAN',
      ])
        assert.ok(apology.text.includes(expected), `missing "${expected}" in:\n${apology.text}`)

      d = await post(`/api/dossiers/${d.id}/stop`, leader, {
        expectedVersion: d.version,
        reason: 'Người nộp không bổ sung hồ sơ',
        legalBasis: 'Khoản 2 Điều 19 Nghị định 61/2018/NĐ-CP',
      })
      const stop = await pdfText(`/api/dossiers/${d.id}/forms/05`, counter, `mau-05-${code}.pdf`)
      for (const expected of [
        'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
        'Người nộp không bổ sung hồ sơ',
        'Nghị định 61/2018/NĐ-CP',
      ])
        assert.ok(stop.text.includes(expected), `missing "${expected}" in:\n${stop.text}`)

      const sheet = await pdfText(`/api/dossiers/${d.id}/forms/06`, leader, `mau-06-${code}.pdf`)
      for (const expected of ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'Tiếp nhận hồ sơ', 'Lê Thu Hà', code])
        assert.ok(sheet.text.includes(expected), `missing "${expected}" in:\n${sheet.text}`)
    },
  )

  test('form 03: a rejection at reception prints the reason and legal basis', needsPdftotext, async () => {
    const other = await post('/api/dossiers', citizen, newDossier)
    const rejected = await post(`/api/dossiers/${other.id}/reception-rejection`, counter, {
      expectedVersion: other.version,
      reason: 'Thủ tục không thuộc thẩm quyền tiếp nhận',
      legalBasis: 'Điều 19 Nghị định 61/2018/NĐ-CP',
    })
    const res = await get(`/api/dossiers/${rejected.id}/forms/03`, citizen)
    assert.equal(res.statusCode, 200, res.body)
    const file = join(dir, 'mau-03.pdf')
    writeFileSync(file, res.rawPayload)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    for (const expected of [
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      'Thủ tục không thuộc thẩm quyền tiếp nhận',
      applicantName,
    ])
      assert.ok(text.includes(expected), `missing "${expected}" in:\n${text}`)
  })

  test(
    'form 07: the tracking book of the unit for the day lists the dossier; other units 403',
    needsPdftotext,
    async () => {
      const code = received.code as string
      const book = await pdfText(
        '/api/tracking-book?agency=ttpvhcc-22333&from=2026-11-26&to=2026-11-26',
        counter,
        'mau-07-ttpvhcc-22333-26112026.pdf',
      )
      for (const expected of ['SỔ THEO DÕI HỒ SƠ', code, applicantName, 'Từ 26/11/2026 đến 26/11/2026'])
        assert.ok(book.text.includes(expected), `missing "${expected}" in:\n${book.text}`)
      assert.equal((await get('/api/tracking-book?agency=ttpvhcc-22366', counter)).statusCode, 403)
      assert.equal((await get('/api/tracking-book?agency=ttpvhcc-22333', citizen)).statusCode, 403)
      assert.equal(
        (await get('/api/tracking-book?agency=ttpvhcc-22333&from=2026-11-27&to=2026-11-26', counter)).statusCode,
        400,
      )
    },
  )
})
