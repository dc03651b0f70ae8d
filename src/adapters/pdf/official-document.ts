import type { SignatureField } from '../signing/append-signature.ts'
import { B, contentWidth, type Doc, newPdf, pdfBuffer, R } from './render-form.ts'
import { drawSignatureStamps, type RenderedDocument } from './signature-stamps.ts'

const red = '#d0202a'

/** What an official document states, ready to print (Decree 30/2020 Art. 8, Appendix I). */
export type OfficialDocumentText = {
  readonly agencyName: string
  readonly parentName: string | null
  readonly notation: string
  readonly placeName: string
  /** Ngày ban hành, 'YYYY-MM-DD' */
  readonly issuedOn: string
  /** Tên loại in capitals, or null for a công văn (its subject follows V/v under the number) */
  readonly typeName: string | null
  readonly subject: string
  readonly body: string
  /** Hỏa tốc, Thượng khẩn, Khẩn; null when not urgent */
  readonly urgency: string | null
  /** Mật, Tối mật, Tuyệt mật; null when not secret */
  readonly confidentiality: string | null
  readonly recipients: readonly string[]
  readonly draftingUnit: string
  readonly signerTitle: string
  readonly signerName: string
  /** When the signatures are made, ISO 8601 with +07:00 (Appendix I, II.8.b) */
  readonly signedAt: string
}

function dateLine(place: string, iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${place}, ngày ${d} tháng ${m} năm ${y}`
}

function heading(pdf: Doc, t: OfficialDocumentText): void {
  const left = pdf.page.margins.left
  const width = contentWidth(pdf)
  const leftW = width * 0.42
  const rightW = width - leftW
  const top = pdf.y
  if (t.parentName)
    pdf.font(R).fontSize(12).text(t.parentName.toLocaleUpperCase('vi'), left, top, { width: leftW, align: 'center' })
  pdf.font(B).fontSize(12).text(t.agencyName.toLocaleUpperCase('vi'), left, pdf.y, { width: leftW, align: 'center' })
  pdf
    .moveTo(left + leftW / 3, pdf.y + 1)
    .lineTo(left + (2 * leftW) / 3, pdf.y + 1)
    .lineWidth(0.6)
    .stroke()
  pdf
    .font(R)
    .fontSize(13)
    .text(`Số: ${t.notation}`, left, pdf.y + 6, { width: leftW, align: 'center' })
  if (t.typeName === null) pdf.fontSize(12).text(`V/v ${t.subject}`, left, pdf.y + 4, { width: leftW, align: 'center' })
  const leftEnd = pdf.y
  pdf
    .font(B)
    .fontSize(12)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + leftW, top, { width: rightW, align: 'center' })
  pdf.fontSize(13).text('Độc lập - Tự do - Hạnh phúc', left + leftW, pdf.y, { width: rightW, align: 'center' })
  const mottoW = pdf.widthOfString('Độc lập - Tự do - Hạnh phúc')
  pdf
    .moveTo(left + leftW + (rightW - mottoW) / 2, pdf.y + 1)
    .lineTo(left + leftW + (rightW + mottoW) / 2, pdf.y + 1)
    .stroke()
  pdf
    .font(R)
    .fontSize(13)
    .text(dateLine(t.placeName, t.issuedOn), left + leftW, pdf.y + 6, { width: rightW, align: 'center' })
  pdf.y = Math.max(leftEnd, pdf.y) + 10
  pdf.x = left
}

/** Dấu chỉ mức độ khẩn và độ mật (Appendix I, Part I, III.2): boxed, below the number. */
function marks(pdf: Doc, t: OfficialDocumentText): void {
  const left = pdf.page.margins.left
  for (const mark of [t.confidentiality, t.urgency]) {
    if (mark === null) continue
    const label = mark.toLocaleUpperCase('vi')
    pdf.font(B).fontSize(13)
    const w = pdf.widthOfString(label) + 12
    pdf
      .rect(left + 20, pdf.y, w, 20)
      .lineWidth(1)
      .stroke(red)
    pdf.fillColor(red).text(label, left + 26, pdf.y + 4)
    pdf.fillColor('black').strokeColor('black')
    pdf.y += 6
  }
  pdf.x = left
}

/**
 * Nơi nhận on the left; on the right the signer's title (Appendix I, Part I, II.7) above the two
 * signature stamps and the name.
 */
function signatureBlock(
  pdf: Doc,
  t: OfficialDocumentText,
  pages: () => number,
): { signer: SignatureField; seal: SignatureField } {
  const left = pdf.page.margins.left
  const width = contentWidth(pdf)
  const leftW = width * 0.45
  const rightX = left + leftW
  const rightW = width - leftW
  if (pdf.y + 230 > pdf.page.height - pdf.page.margins.bottom) pdf.addPage()
  const top = pdf.y + 8
  pdf.font(B).fontSize(12).text('Nơi nhận:', left, top, { width: leftW })
  pdf.font(R).fontSize(11)
  for (const r of t.recipients) pdf.text(`- ${r};`, { width: leftW })
  pdf.text(`- Lưu: VT, ${t.draftingUnit}.`, { width: leftW })
  pdf.font(B).fontSize(13).text(t.signerTitle.toLocaleUpperCase('vi'), rightX, top, { width: rightW, align: 'center' })
  return drawSignatureStamps(pdf, { x: rightX, width: rightW, top: pdf.y + 6 }, t, pages() - 1)
}

/** An A4 PDF of an official document per Decree 30/2020 Appendix I, with the places of both signatures. */
export async function renderOfficialDocument(t: OfficialDocumentText, createdAt: Date): Promise<RenderedDocument> {
  const pdf = newPdf('portrait', t.typeName ?? `Công văn ${t.notation}`, createdAt, `Số ${t.notation}`)
  let pages = 1
  pdf.on('pageAdded', () => {
    pages += 1
  })
  pdf.page.margins.left = 85
  pdf.x = 85
  heading(pdf, t)
  marks(pdf, t)
  const left = pdf.page.margins.left
  const width = contentWidth(pdf)
  if (t.typeName !== null) {
    pdf.moveDown(0.5)
    pdf.font(B).fontSize(14).text(t.typeName.toLocaleUpperCase('vi'), left, pdf.y, { width, align: 'center' })
    pdf.fontSize(13).text(t.subject, { width, align: 'center' })
  } else {
    pdf.moveDown(0.5)
    pdf
      .font(R)
      .fontSize(13)
      .text(`Kính gửi: ${t.recipients.join('; ')}.`, left + 60, pdf.y, { width: width - 60 })
  }
  pdf.moveDown()
  pdf.font(R).fontSize(13)
  for (const paragraph of t.body.split(/\n+/))
    pdf.text(paragraph, left, pdf.y, { width, align: 'justify', indent: 28, paragraphGap: 6 })
  const fields = signatureBlock(pdf, t, () => pages)
  return { pdf: await pdfBuffer(pdf), ...fields }
}
