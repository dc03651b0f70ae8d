import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { renderResultDocument, resultDocumentOf } from '../src/adapters/pdf/result-document.ts'
import { generateAgencyCertificate, generateDemoCa } from '../src/adapters/signing/certificates.ts'
import { signPdf } from '../src/adapters/signing/sign-pdf.ts'
import { requireTools } from './support/debian-tools.ts'
import { marriageData, marriageForm, placeNames } from './support/marriage-declaration.ts'

const agencyName = 'Ủy ban nhân dân phường Bắc Nha Trang'
const issuedAt = new Date('2026-12-02T02:00:00Z')
const facts = {
  agencyName,
  resultName: 'Giấy chứng nhận kết hôn',
  resultNumber: '25/2026',
  applicantName: 'Nguyễn Thị Hồng Nhung',
  procedureName: 'Thủ tục đăng ký kết hôn',
  dossierCode: '000.22.33.H34-261126-0001',
  issuedOn: 'ngày 2 tháng 12 năm 2026',
}
const decision = { registrationNumber: '125', book: '01/2026', registeredOn: '2026-12-02' }

describe('the result document fed by the declaration and the decision', {
  skip: requireTools('pdfsig', 'pdftotext'),
}, () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-result-'))
  let file: string
  before(async () => {
    const ca = generateDemoCa(issuedAt)
    const agency = generateAgencyCertificate(
      ca,
      { commonName: agencyName, organization: 'Tỉnh Khánh Hòa', country: 'VN' },
      issuedAt,
    )
    const document = resultDocumentOf(marriageForm, { data: marriageData }, decision, facts, placeNames)
    const signed = await signPdf(
      await renderResultDocument(document, issuedAt),
      { ...agency, caPem: ca.certificatePem },
      { reason: 'Kết quả giải quyết hồ sơ', location: agencyName, signerName: agencyName, signedAt: issuedAt },
    )
    file = join(dir, 'giay-chung-nhan-ket-hon.pdf')
    writeFileSync(file, signed)
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('the signed marriage certificate states both spouses, their birth dates (dd/mm/yyyy) and the registration number', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    assert.ok(text.includes('GIẤY CHỨNG NHẬN KẾT HÔN'), text)
    assert.ok(text.includes('Họ, chữ đệm, tên bên nữ: Nguyễn Thị Hồng Nhung'), text)
    assert.ok(text.includes('Ngày sinh bên nữ: 09/03/1998'), text)
    assert.ok(text.includes('Họ, chữ đệm, tên bên nam: Kim Min-jun'), text)
    assert.ok(text.includes('Ngày sinh bên nam: 20/11/1995'), text)
    assert.ok(text.includes('Số đăng ký: 125'), text)
    assert.ok(text.includes('Quyển số: 01/2026'), text)
  })

  test('pdfsig still finds the agency’s signature valid', () => {
    const run = spawnSync('pdfsig', [file], { encoding: 'utf8' })
    assert.match(`${run.stdout}${run.stderr}`, /Signature is Valid/)
  })
})
