import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { renderDeclarationDocument } from '../src/adapters/pdf/declaration-document.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { requireTools } from './support/debian-tools.ts'
import { runCommand } from './support/http-dossier.ts'
import { marriageData, marriageForm, placeNames, submitMarriage } from './support/marriage-declaration.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

describe('the declaration (tờ khai) PDF', { skip: requireTools('pdftotext') }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-declaration-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  const text = async () => {
    const pdf = await renderDeclarationDocument(
      marriageForm,
      { data: marriageData },
      {
        receivingAgency: 'Ủy ban nhân dân phường Bắc Nha Trang',
        place: 'Khánh Hòa',
        declaredAt: Date.parse('2026-11-26T02:30:00Z'),
        declarantName: 'Nguyễn Thị Hồng Nhung',
        dossierCode: '000.22.33.H34-261126-0001',
        names: placeNames,
      },
    )
    const file = join(dir, 'to-khai.pdf')
    writeFileSync(file, pdf)
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  }

  test('prints the motto, the form title and the receiving agency with their diacritics', async () => {
    const t = await text()
    assert.ok(t.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), t)
    assert.ok(t.includes('Độc lập - Tự do - Hạnh phúc'), t)
    assert.ok(t.includes('TỜ KHAI ĐĂNG KÝ KẾT HÔN'), t)
    assert.ok(t.includes('Kính gửi: Ủy ban nhân dân phường Bắc Nha Trang'), t)
  })

  test('prints each section’s labels with the values: dates dd/mm/yyyy, code lists by name, addresses by unit name', async () => {
    const t = await text()
    assert.ok(t.includes('Thông tin bên nữ'), t)
    assert.ok(t.includes('Họ, chữ đệm, tên: Nguyễn Thị Hồng Nhung'), t)
    assert.ok(t.includes('Ngày, tháng, năm sinh: 09/03/1998'), t)
    assert.ok(t.includes('Ngày, tháng, năm sinh: 20/11/1995'), t)
    assert.ok(t.includes('Quốc tịch: Hàn Quốc'), t)
    assert.ok(t.includes('Nơi cư trú: 12 Trần Phú, Phường Bắc Nha Trang, Khánh Hòa'), t)
    assert.ok(!t.includes('1998-03-09'), 'no ISO date is printed')
  })

  test('prints a conditional field only when its condition holds (the groom’s passport, not his identity number)', async () => {
    const t = await text()
    assert.ok(t.includes('Số hộ chiếu: M12345678'), t)
    assert.equal(t.match(/Số định danh cá nhân/g)?.length, 1, t)
  })

  test('ends with the declarant’s signature block, place and date', async () => {
    const t = await text()
    assert.ok(t.includes('Làm tại: Khánh Hòa, ngày 26 tháng 11 năm 2026'), t)
    assert.ok(t.includes('NGƯỜI KHAI'), t)
    assert.ok(t.lastIndexOf('Nguyễn Thị Hồng Nhung') > t.indexOf('NGƯỜI KHAI'), t)
  })
})

describe(`the declaration of a dossier over HTTP on ${engineName}`, { skip: requireTools('pdftotext') }, () => {
  let t: TestApp
  let citizen: Record<string, string>
  let counter: Record<string, string>
  let stranger: Record<string, string>
  let d: DossierView
  const dir = mkdtempSync(join(tmpdir(), 'motcua-declaration-http-'))
  before(async () => {
    t = await createTestApp()
    citizen = await signedIn(t, { citizen: { identityNumber: '056198001234', name: 'Nguyễn Thị Hồng Nhung' } })
    counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    stranger = await signedIn(t, { citizen: { identityNumber: '056190007777', name: 'Người Khác' } })
    d = await runCommand(t, counter, await submitMarriage(t, citizen), 'reception')
  })
  after(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const pdfText = (payload: Buffer) => {
    const file = join(dir, `${randomUUID()}.pdf`)
    writeFileSync(file, payload)
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  }

  test('the counter officer prints the tờ khai, addressed to the receiving unit, with unit names from the tree', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}/declaration.pdf`, headers: counter })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.headers['content-type'], 'application/pdf')
    const text = pdfText(res.rawPayload)
    assert.ok(text.includes('Kính gửi: Trung tâm Phục vụ hành chính công phường Bắc Nha Trang'), text)
    assert.ok(text.includes('Nơi cư trú: 12 Trần Phú, Phường Bắc Nha Trang, Tỉnh Khánh Hòa'), text)
    assert.ok(text.includes(`Mã hồ sơ: ${d.code}`), text)
  })

  test('someone who may not read the dossier gets 403 problem+json, not the declaration', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.id}/declaration.pdf`, headers: stranger })
    assert.equal(res.statusCode, 403)
    assert.match(String(res.headers['content-type']), /application\/problem\+json/)
  })

  test('the officer’s view gets the pinned form and the unit names its addresses hold as codes', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.id}/declaration-form`, headers: counter })
    assert.equal(res.statusCode, 200, res.body)
    const body = res.json<{ form: { version: number }; placeNames: { communes: Record<string, string> } }>()
    assert.equal(body.form.version, d.declaration?.formVersion)
    assert.equal(body.placeNames.communes['22333'], 'Phường Bắc Nha Trang')
  })

  test('receipt 01 lists the declaration’s key facts, label: value', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}/forms/01`, headers: counter })
    assert.equal(res.statusCode, 200, res.body)
    const text = pdfText(res.rawPayload)
    assert.ok(text.includes('Thông tin chính trong tờ khai'), text)
    // pdftotext may set a space before a closing parenthesis after a diacritic ("nữ )").
    assert.match(text, /Họ, chữ đệm, tên \(Thông tin bên nữ ?\): Nguyễn Thị Hồng Nhung/)
    assert.match(text, /Ngày, tháng, năm sinh \(Thông tin bên nam ?\): 20\/11\/1995/)
  })
})
