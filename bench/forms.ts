import { newPdf, pdfBuffer, renderForm } from '../src/adapters/pdf/render-form.ts'
import { generateAgencyCertificate, generateDemoCa } from '../src/adapters/signing/certificates.ts'
import { signPdf } from '../src/adapters/signing/sign-pdf.ts'
import type { Actor } from '../src/domain/dossier/actor.ts'
import type { DossierEvent } from '../src/domain/dossier/events.ts'
import { applyEvent, type Dossier } from '../src/domain/dossier/state.ts'
import { buildDossierForm, type FormContext } from '../src/domain/forms/build.ts'
import type { BenchmarkResult } from './run.ts'

const counter: Actor = { id: 'mc-01', name: 'Lê Thu Hà', role: 'counter_officer', agencyId: 'ttpvhcc-22333' }
const receivedAt = Date.parse('2026-11-26T03:00:00Z')

/** A received dossier folded from its events by the domain: no database. */
function receivedDossier(): Dossier {
  const events: DossierEvent[] = [
    {
      type: 'submitted',
      at: receivedAt - 60_000,
      actor: counter,
      channel: 1,
      applicant: {
        id: 'cd-001',
        kind: 'citizen',
        name: 'Nguyễn Thị Lan',
        identityNumber: '056190000001',
        phone: '0905000001',
        email: 'lan@example.vn',
        address: 'Phường Bắc Nha Trang, tỉnh Khánh Hòa',
        vneid: true,
      },
      procedure: { code: '1.001193', version: 1 },
      receivingAgencyId: 'ttpvhcc-22333',
      components: [
        { name: 'Tờ khai đăng ký khai sinh theo mẫu', fileRef: null, digitized: false },
        { name: 'Giấy chứng sinh', fileRef: null, digitized: false },
        { name: 'Giấy tờ tùy thân của người đi đăng ký', fileRef: null, digitized: false },
      ],
    },
    {
      type: 'received',
      at: receivedAt,
      actor: counter,
      code: '333.00.01.H34-261126-0001',
      processingAgencyId: 'xa-22333',
      appointmentAt: receivedAt + 86_400_000,
      step: {
        phase: 'reception',
        name: 'Tiếp nhận hồ sơ',
        agencyId: 'ttpvhcc-22333',
        dueAt: receivedAt + 4 * 3_600_000,
      },
    },
  ]
  return events.reduce<Dossier | null>(applyEvent, null) as Dossier
}

const context: FormContext = {
  agencyNames: {
    'ttpvhcc-22333': 'Trung tâm Phục vụ hành chính công phường Bắc Nha Trang',
    'xa-22333': 'Ủy ban nhân dân phường Bắc Nha Trang',
  },
  place: 'Khánh Hòa',
  baseUrl: 'https://motcua.example.vn',
  procedure: {
    name: 'Thủ tục đăng ký khai sinh',
    requiredDocuments: [{ name: 'Giấy chứng sinh', form: 'original', quantity: 1, group: null }],
    fees: [{ name: 'Lệ phí', amountVnd: 0, text: 'Miễn lệ phí' }],
    legalBasis: [],
  },
}

/** Runs `body` for `seconds`: rate per second and p50/p99 of one call in ms. */
async function measure(seconds: number, body: () => Promise<Buffer>) {
  const times: number[] = []
  let bytes = 0
  const start = performance.now()
  while (performance.now() - start < seconds * 1000) {
    const t0 = performance.now()
    bytes += (await body()).length
    times.push(performance.now() - t0)
  }
  const elapsed = (performance.now() - start) / 1000
  times.sort((a, b) => a - b)
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] as number
  return { perSecond: times.length / elapsed, p50: pct(0.5), p99: pct(0.99), avgBytes: bytes / times.length }
}

/**
 * Receipts (form 01: heading, table, Code 128 barcode, QR code, two fonts embedded) rendered per second
 * on one core, against pdfkit writing a one-line PDF with the same font in the same run.
 */
export async function formsBenchmark(seconds = 5): Promise<BenchmarkResult> {
  const dossier = receivedDossier()
  const form = buildDossierForm('01', dossier, context)
  if (!form) throw new Error('the receipt does not apply to the bench dossier')
  const receipt = () => renderForm(form)
  const plain = () => {
    const doc = newPdf('portrait', 'baseline', new Date(receivedAt))
    doc.text('Nguyễn Thị Lan')
    return pdfBuffer(doc)
  }
  const now = new Date(receivedAt)
  const ca = generateDemoCa(now)
  const agency = generateAgencyCertificate(
    ca,
    { commonName: 'Ủy ban nhân dân phường Bắc Nha Trang', organization: 'Tỉnh Khánh Hòa', country: 'VN' },
    now,
  )
  const signer = { ...agency, caPem: ca.certificatePem }
  const signedReceipt = async () =>
    signPdf(await receipt(), signer, {
      reason: 'Giấy tiếp nhận hồ sơ',
      location: 'Bắc Nha Trang',
      signerName: 'UBND phường Bắc Nha Trang',
      signedAt: now,
    })
  for (let i = 0; i < 20; i++) await Promise.all([receipt(), plain(), signedReceipt()]) // warm up fonts, JIT
  const signed = await measure(seconds, signedReceipt)
  const full = await measure(seconds, receipt)
  const base = await measure(seconds, plain)
  const f = (n: number) => n.toFixed(1)
  return {
    name: 'forms',
    markdown: [
      'Form 01 (receipt and appointment slip) rendered to PDF in memory (and signed with an agency certificate), one at a time, for a dossier folded by',
      `the domain (no database), ${seconds} s each; baseline: pdfkit writing a one-line PDF with the same font.`,
      '',
      '| | per second | p50 ms | p99 ms | size |',
      '|---|---:|---:|---:|---:|',
      `| receipt generated and signed (RSA 2048, CMS) | ${f(signed.perSecond)} | ${f(signed.p50)} | ${f(signed.p99)} | ${Math.round(signed.avgBytes / 1024)} KiB |`,
      `| receipt (form 01) | ${f(full.perSecond)} | ${f(full.p50)} | ${f(full.p99)} | ${Math.round(full.avgBytes / 1024)} KiB |`,
      `| baseline: one-line PDF | ${f(base.perSecond)} | ${f(base.p50)} | ${f(base.p99)} | ${Math.round(base.avgBytes / 1024)} KiB |`,
      '',
      `A receipt costs ${f(base.perSecond / full.perSecond)}× the one-line PDF.`,
    ],
    json: {
      signedReceiptsPerSecond: signed.perSecond,
      signedReceiptP50Ms: signed.p50,
      receiptsPerSecond: full.perSecond,
      receiptP50Ms: full.p50,
      receiptP99Ms: full.p99,
      baselinePerSecond: base.perSecond,
      baselineP50Ms: base.p50,
      baselineP99Ms: base.p99,
    },
  }
}
