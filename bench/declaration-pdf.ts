import { marriageRegistration } from '../demo/khanh-hoa/forms/marriage-registration.ts'
import { renderDeclarationDocument } from '../src/adapters/pdf/declaration-document.ts'
import { renderResultDocument, resultDocumentOf } from '../src/adapters/pdf/result-document.ts'
import { generateAgencyCertificate, generateDemoCa } from '../src/adapters/signing/certificates.ts'
import { signPdf } from '../src/adapters/signing/sign-pdf.ts'
import type { BenchmarkResult } from './run.ts'

const agencyName = 'Ủy ban nhân dân phường Bắc Nha Trang'
const at = new Date('2026-12-02T02:00:00Z')
const form = marriageRegistration({
  provinceCode: '56',
  communes: [{ code: '22333', name: 'Phường Bắc Nha Trang' }],
  attachments: [],
})
const spouse = (fullName: string, birthDate: string, street: string) => ({
  fullName,
  birthDate,
  ethnicity: '01',
  nationality: 'VN',
  residence: { province: '56', commune: '22333', street },
  identityNumber: '056198001234',
  marriageCount: 1,
})
const declaration = {
  data: {
    wife: spouse('Nguyễn Thị Hồng Nhung', '1998-03-09', '12 Trần Phú'),
    husband: spouse('Lê Văn Minh', '1995-11-20', '7 Lê Thánh Tôn'),
  },
}
const names = { provinces: { '56': 'Khánh Hòa' }, communes: { '22333': 'Phường Bắc Nha Trang' } }
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

type Timing = { perSecond: number; p50: number; p99: number; avgBytes: number }

/**
 * Runs the bodies in turn, one call each per round, for `seconds` in all: each sees the same load, so
 * their ratios hold on a shared machine. Per body: calls per second of its own time, p50/p99 in ms.
 */
async function interleaved(seconds: number, bodies: readonly (() => Promise<Buffer>)[]): Promise<Timing[]> {
  const times = bodies.map(() => [] as number[])
  const bytes = bodies.map(() => 0)
  const start = performance.now()
  while (performance.now() - start < seconds * 1000)
    for (const [i, body] of bodies.entries()) {
      const t0 = performance.now()
      bytes[i] = (bytes[i] ?? 0) + (await body()).length
      times[i]?.push(performance.now() - t0)
    }
  return times.map((ts, i) => {
    ts.sort((a, b) => a - b)
    const pct = (p: number) => ts[Math.min(ts.length - 1, Math.floor(p * ts.length))] as number
    const total = ts.reduce((a, b) => a + b, 0)
    return {
      perSecond: (ts.length * 1000) / total,
      p50: pct(0.5),
      p99: pct(0.99),
      avgBytes: (bytes[i] ?? 0) / ts.length,
    }
  })
}

/**
 * The tờ khai PDF of the marriage form and its signed marriage certificate (result template fed by the
 * declaration and the decision fields), one at a time in memory, against the result PDF as it was
 * before forms (agency, number, applicant, procedure, code) rendered and signed in the same run.
 */
export async function declarationPdfBenchmark(seconds = 20): Promise<BenchmarkResult> {
  const ca = generateDemoCa(at)
  const agency = generateAgencyCertificate(
    ca,
    { commonName: agencyName, organization: 'Tỉnh Khánh Hòa', country: 'VN' },
    at,
  )
  const signer = { ...agency, caPem: ca.certificatePem }
  const sign = (pdf: Buffer) =>
    signPdf(pdf, signer, {
      reason: 'Kết quả giải quyết hồ sơ',
      location: agencyName,
      signerName: agencyName,
      signedAt: at,
    })
  const tokhai = () =>
    renderDeclarationDocument(form, declaration, {
      receivingAgency: agencyName,
      place: 'Khánh Hòa',
      declaredAt: at.getTime(),
      declarantName: facts.applicantName,
      dossierCode: facts.dossierCode,
      names,
    })
  const eResult = async () =>
    sign(await renderResultDocument(resultDocumentOf(form, declaration, decision, facts, names), at))
  const minimal = () => renderResultDocument(resultDocumentOf(null, null, null, facts), at)
  const minimalSigned = async () => sign(await minimal())
  for (let i = 0; i < 20; i++) await Promise.all([tokhai(), eResult(), minimal(), minimalSigned()]) // warm up
  const [declared, signed, base, baseSigned] = (await interleaved(seconds, [
    tokhai,
    eResult,
    minimal,
    minimalSigned,
  ])) as [Timing, Timing, Timing, Timing]
  const f = (n: number) => n.toFixed(1)
  const row = (name: string, m: Timing) =>
    `| ${name} | ${f(m.perSecond)} | ${f(m.p50)} | ${f(m.p99)} | ${Math.round(m.avgBytes / 1024)} KiB |`
  return {
    name: 'declaration-pdf',
    markdown: [
      `Issue 14: the marriage declaration (tờ khai, two sections of eight fields) and its signed marriage certificate,`,
      `rendered in memory one at a time, the four interleaved call by call for ${seconds} s so each sees the same load; baseline: the result's pre-forms content (agency, number, applicant, procedure, code) through the same renderer, in the same run.`,
      'Goal: p99 < 1 s for each.',
      '',
      '| | per second of its own time | p50 ms | p99 ms | size |',
      '|---|---:|---:|---:|---:|',
      row('tờ khai PDF (declaration)', declared),
      row('e-result from the template, signed (RSA 2048, CMS)', signed),
      row('baseline: minimal result PDF', base),
      row('baseline: minimal result PDF, signed', baseSigned),
      '',
      `p99 ratios: the declaration ${f(declared.p99 / base.p99)}× the minimal result PDF; the signed e-result ` +
        `${f(signed.p99 / baseSigned.p99)}× the signed minimal one.`,
    ],
    json: {
      declarationP50Ms: declared.p50,
      declarationP99Ms: declared.p99,
      signedResultP50Ms: signed.p50,
      signedResultP99Ms: signed.p99,
      baselineP99Ms: base.p99,
      baselineSignedP99Ms: baseSigned.p99,
      declarationRatioP99: declared.p99 / base.p99,
      signedResultRatioP99: signed.p99 / baseSigned.p99,
    },
  }
}
