import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import forge from 'node-forge'
import PDFDocument from 'pdfkit'
import { generateAgencyCertificate, generateDemoCa } from '../src/adapters/signing/certificates.ts'
import { certificateParts, pemToDer, readTlv } from '../src/adapters/signing/der.ts'
import { type PdfSigner, signPdf } from '../src/adapters/signing/sign-pdf.ts'
import { verifySignedPdf } from '../src/adapters/signing/verify-pdf.ts'
import { agencySigner, ensureDemoCa } from '../src/app/signing/agency-signer.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { recordIssuedDocument } from '../src/store/signing/issued-documents.ts'
import { requireTools } from './support/debian-tools.ts'
import { declarationFor } from './support/declaration-samples.ts'
import { createTestApp, fixedNow, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

const agencyName = 'Ủy ban nhân dân phường Bắc Nha Trang'
const font = join(
  import.meta.dirname,
  '..',
  'node_modules/@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
)
const details = {
  reason: 'Kết quả giải quyết thủ tục hành chính',
  location: 'Phường Bắc Nha Trang, tỉnh Khánh Hòa',
  signerName: agencyName,
  signedAt: fixedNow,
}

/** A one-page PDF in Vietnamese, as pdfkit writes it. */
async function vietnamesePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: 'Giấy chứng nhận' } })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()))
  doc.font(font).fontSize(14)
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' })
  doc.text('Độc lập - Tự do - Hạnh phúc', { align: 'center' })
  doc.moveDown().text('Giấy khai sinh của Nguyễn Thị Lan, sinh ngày 01 tháng 02 năm 2026 tại Nha Trang.')
  doc.end()
  await ended
  return Buffer.concat(chunks)
}

let scratch: string
async function pdfsig(pdf: Buffer): Promise<string> {
  const file = join(scratch, `${randomUUID()}.pdf`)
  await writeFile(file, pdf)
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8' })
  return `${run.stdout}${run.stderr}`
}

/** The signature's ByteRange: [0, holeStart, holeEnd, tailLength]. */
function byteRange(pdf: Buffer): number[] {
  const m = [...pdf.toString('latin1').matchAll(/\/ByteRange\s*\[([\d\s]+)\]/g)].at(-1)
  return (m?.[1] ?? '').trim().split(/\s+/).map(Number)
}

function flipped(pdf: Buffer, at: number): Buffer {
  const copy = Buffer.from(pdf)
  copy[at] = (copy[at] as number) ^ 0x01
  return copy
}

describe(`signed e-results on ${engineName}`, () => {
  let t: TestApp
  let ca: string
  let signer: PdfSigner
  let unsigned: Buffer
  let signed: Buffer
  before(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'motcua-pdfsig-'))
    t = await createTestApp()
    ca = (await ensureDemoCa(t.database.db, fixedNow)).certificatePem
    signer = await agencySigner(t.database.db, 'xa-22333', fixedNow)
    unsigned = await vietnamesePdf()
    signed = await signPdf(unsigned, signer, details)
  })
  after(async () => {
    await t?.close()
    await rm(scratch, { recursive: true, force: true })
  })

  test('the agency certificate: Vietnamese CN and O as UTF8String, issued byte-exactly by the demo CA, kept', async () => {
    const cert = forge.pki.certificateFromPem(signer.certificatePem)
    const cn = cert.subject.getField('CN') as { value: string; valueTagClass: number }
    assert.equal(cn.valueTagClass, forge.asn1.Type.UTF8)
    assert.equal(forge.util.decodeUtf8(cn.value), agencyName)
    const o = cert.subject.getField('O') as { value: string }
    assert.equal(forge.util.decodeUtf8(o.value), 'Tỉnh Khánh Hòa')
    assert.equal((cert.subject.getField('C') as { value: string }).value, 'VN')
    const usage = cert.getExtension('keyUsage') as { digitalSignature: boolean; nonRepudiation: boolean }
    assert.ok(usage.digitalSignature && usage.nonRepudiation)
    assert.ok(cert.validity.notAfter.getUTCFullYear() >= fixedNow.getUTCFullYear() + 2)
    assert.deepEqual(certificateParts(pemToDer(signer.certificatePem)).issuer, certificateParts(pemToDer(ca)).subject)
    assert.ok(forge.pki.certificateFromPem(ca).verify(cert))
    const again = await agencySigner(t.database.db, 'xa-22333', fixedNow)
    assert.equal(again.certificatePem, signer.certificatePem)
    assert.equal((await ensureDemoCa(t.database.db, fixedNow)).certificatePem, ca)
  })

  const needsPdfsig = { skip: requireTools('pdfsig') }

  test('pdfsig accepts the signature and shows the Vietnamese signer name', needsPdfsig, async () => {
    const out = await pdfsig(signed)
    assert.match(out, /Signature Validation: Signature is Valid/, out)
    assert.match(out, new RegExp(`Signer Certificate Common Name: ${agencyName}`), out)
    assert.match(out, /O=Tỉnh Khánh Hòa,C=VN/, out)
    assert.match(out, /Total document signed/, out)
  })

  test('our verifier: valid, with the signer and the signing time', () => {
    const result = verifySignedPdf(signed, ca)
    assert.deepEqual(
      { ...result, documentSha256: undefined },
      {
        signed: true,
        valid: true,
        signerName: agencyName,
        signedAt: fixedNow.toISOString(),
        problem: null,
        documentSha256: undefined,
      },
    )
    assert.match(result.documentSha256, /^[0-9a-f]{64}$/)
  })

  test('one byte changed inside the signed ranges: pdfsig and our verifier both reject it', needsPdfsig, async () => {
    const [, holeStart, holeEnd] = byteRange(signed) as [number, number, number]
    // In the header's binary comment (first range) and in the signature dictionary's /Reason (second range).
    for (const at of [10, Math.floor(holeStart / 2), holeEnd + 20]) {
      const tampered = flipped(signed, at)
      const out = await pdfsig(tampered)
      assert.doesNotMatch(out, /Signature is Valid/, `byte ${at}: ${out}`)
      const result = verifySignedPdf(tampered, ca)
      assert.equal(result.valid, false, `byte ${at}`)
      assert.equal(result.problem, 'digestMismatch', `byte ${at}`)
    }
  })

  test('a changed signature, a changed ByteRange or bytes appended after signing: invalid', needsPdfsig, async () => {
    const [, holeStart, holeEnd] = byteRange(signed) as [number, number, number]
    // A hex digit of the RSA signature value, the last element of the CMS.
    const cmsLength = readTlv(Buffer.from(signed.subarray(holeStart + 1, holeEnd - 1).toString('latin1'), 'hex'), 0).end
    const at = holeStart + 1 + (cmsLength - 100) * 2
    const badSignature = Buffer.from(signed)
    badSignature[at] = badSignature[at] === 0x30 ? 0x31 : 0x30
    const cms = verifySignedPdf(badSignature, ca)
    assert.deepEqual([cms.valid, cms.problem], [false, 'badSignature'])
    assert.doesNotMatch(await pdfsig(badSignature), /Signature is Valid/)
    const appended = verifySignedPdf(Buffer.concat([signed, Buffer.from('\n% added later\n')]), ca)
    assert.deepEqual([appended.valid, appended.problem], [false, 'byteRangeIncomplete'])
    const text = signed.toString('latin1')
    const shifted = Buffer.from(
      text.replace(/\/ByteRange \[0 (\d+)/, (_m, n: string) => `/ByteRange [0 ${Number(n) - 1}`),
      'latin1',
    )
    assert.equal(verifySignedPdf(shifted, ca).valid, false)
  })

  test('signed by a certificate from another CA (same Vietnamese names): untrusted', needsPdfsig, async () => {
    const otherCa = generateDemoCa(fixedNow)
    const impostor = generateAgencyCertificate(
      otherCa,
      { commonName: agencyName, organization: 'Tỉnh Khánh Hòa', country: 'VN' },
      fixedNow,
    )
    const forged = await signPdf(unsigned, { ...impostor, caPem: otherCa.certificatePem }, details)
    assert.match(await pdfsig(forged), /Signature is Valid/, 'the signature itself is sound')
    const result = verifySignedPdf(forged, ca)
    assert.deepEqual([result.signed, result.valid, result.problem], [true, false, 'untrustedCertificate'])
    assert.equal(verifySignedPdf(forged, otherCa.certificatePem).valid, true)
  })

  test('an unsigned PDF: signed false', () => {
    const result = verifySignedPdf(unsigned, ca)
    assert.deepEqual(
      [result.signed, result.valid, result.problem, result.signerName],
      [false, false, 'notSigned', null],
    )
  })

  describe('POST /api/verify', () => {
    const verify = (payload: Buffer | object, contentType = 'application/pdf') =>
      t.app.inject({ method: 'POST', url: '/api/verify', headers: { 'content-type': contentType }, payload })

    test('a signed result: valid, no dossier until it is recorded as issued', async () => {
      const res = await verify(signed)
      assert.equal(res.statusCode, 200, res.body)
      const body = res.json()
      assert.equal(body.valid, true)
      assert.equal(body.signerName, agencyName)
      assert.equal(body.dossier, null)
    })

    test('a recorded issued document names its dossier; a tampered copy is invalid and names none', async () => {
      const citizen = await signedIn(t, { citizen: { identityNumber: '056190000009', name: 'Nguyễn Thị Lan' } })
      const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
      const submitted = await t.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        headers: { ...citizen, 'idempotency-key': randomUUID() },
        payload: {
          procedureCode: '1.001193',
          ...declarationFor('1.001193'),
          receivingAgencyId: 'ttpvhcc-22333',
          channel: 2,
          applicant: {
            id: 'cd-109',
            kind: 'citizen',
            name: 'Nguyễn Thị Lan',
            identityNumber: '056190000009',
            phone: '0905000009',
            email: null,
            address: null,
          },
          components: [{ name: 'Tờ khai đăng ký khai sinh', fileRef: null }],
        },
      })
      assert.equal(submitted.statusCode, 201, submitted.body)
      const d = submitted.json<DossierView>()
      const received = await t.app.inject({
        method: 'POST',
        url: `/api/dossiers/${d.id}/reception`,
        headers: { ...counter, 'idempotency-key': randomUUID() },
        payload: { expectedVersion: d.version },
      })
      assert.equal(received.statusCode, 200, received.body)
      const dossier = received.json<DossierView>()
      assert.ok(dossier.code)

      const result = await signPdf(unsigned, signer, { ...details, signedAt: new Date(fixedNow.getTime() + 60_000) })
      const sha256 = await recordIssuedDocument(t.database.db, result, {
        dossierId: d.id,
        kind: 'result',
        issuedAt: fixedNow,
      })
      const res = await verify(result)
      assert.equal(res.statusCode, 200, res.body)
      assert.deepEqual(res.json(), {
        signed: true,
        valid: true,
        signerName: agencyName,
        signedAt: new Date(fixedNow.getTime() + 60_000).toISOString(),
        problem: null,
        documentSha256: sha256,
        dossier: { code: dossier.code, status: dossier.status },
      })
      const tampered = (await verify(flipped(result, 10))).json()
      assert.deepEqual([tampered.valid, tampered.problem, tampered.dossier], [false, 'digestMismatch', null])
    })

    test('an unsigned PDF: 200, signed false; JSON instead of a PDF: 415; over 20 MB: 413', async () => {
      const res = await verify(unsigned)
      assert.equal(res.statusCode, 200, res.body)
      assert.equal(res.json().signed, false)
      const json = await verify({ pdf: 'no' }, 'application/json')
      assert.equal(json.statusCode, 415, json.body)
      const huge = await verify(Buffer.alloc(20 * 1024 * 1024 + 1, 0x20))
      assert.equal(huge.statusCode, 413, huge.body)
    })
  })
})
