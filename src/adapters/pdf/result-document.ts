import { type PlaceNames, resultLines } from '../../domain/declarations/declared-values.ts'
import type { Declaration, FormDefinition } from '../../domain/declarations/form-definition.ts'
import { B, contentWidth, type Doc, ensureRoom, newPdf, pdfBuffer, R } from './render-form.ts'
import { drawSignatureStamps, type RenderedDocument, type StampText, stampsHeight } from './signature-stamps.ts'

/** What the electronic result (kết quả điện tử) states. */
export type ResultDocument = {
  readonly agencyName: string
  readonly resultName: string
  readonly resultNumber: string
  readonly applicantName: string
  readonly procedureName: string
  readonly dossierCode: string
  /** "ngày dd tháng mm năm yyyy" in Vietnam time */
  readonly issuedOn: string
  /**
   * The content the result certifies, from the form's result template (the declaration and the
   * officer's decision fields); empty for a dossier made before procedures had forms.
   */
  readonly lines: readonly { readonly label: string; readonly value: string }[]
}

/** The facts of a result every procedure states, whatever its form. */
export type ResultFacts = Omit<ResultDocument, 'lines'>

/**
 * The result document of a dossier: the form's result template (its title, each line's value from the
 * declaration or the decision fields) when the dossier has a declaration, else the bare facts.
 */
export function resultDocumentOf(
  form: FormDefinition | null,
  declaration: Pick<Declaration, 'data'> | null,
  decision: Record<string, unknown> | null,
  facts: ResultFacts,
  names: PlaceNames = {},
): ResultDocument {
  if (!form || !declaration) return { ...facts, lines: [] }
  return {
    ...facts,
    resultName: form.result.title.vi,
    lines: resultLines(form, declaration.data, decision, names),
  }
}

const blank = '……………………'

/** The heading, title, content and date of the result, up to where it is signed. */
function drawResult(pdf: Doc, doc: ResultDocument): void {
  pdf.font(B).fontSize(11).text(doc.agencyName.toLocaleUpperCase('vi'), { align: 'left' })
  pdf.moveUp().text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'right' })
  pdf.font(R).text('Độc lập - Tự do - Hạnh phúc', { align: 'right' })
  pdf.text(`Số: ${doc.resultNumber}`, { align: 'left' })
  pdf.moveDown(2)
  pdf.font(B).fontSize(16).text(doc.resultName.toLocaleUpperCase('vi'), { align: 'center' })
  pdf.moveDown()
  pdf.font(R).fontSize(12)
  if (doc.lines.length === 0) {
    pdf.text(`Cấp cho: ${doc.applicantName}`)
    pdf.text(`Thủ tục: ${doc.procedureName}`)
  }
  for (const line of doc.lines) {
    pdf.font(R).text(`${line.label}: `, { continued: true })
    pdf.font(B).text(line.value || blank)
  }
  pdf.font(R).text(`Mã hồ sơ: ${doc.dossierCode}`)
  pdf.moveDown()
  pdf.text(`${doc.issuedOn}`, { align: 'right' })
}

/** An A4 PDF of the result, in Vietnamese with an embedded font; signed afterwards by the agency. */
export function renderResultDocument(doc: ResultDocument, createdAt: Date): Promise<Buffer> {
  const pdf = newPdf('portrait', doc.resultName, createdAt)
  drawResult(pdf, doc)
  pdf.moveDown(2)
  pdf.fontSize(10).text(`Văn bản điện tử có chữ ký số của ${doc.agencyName}.`, { align: 'center' })
  return pdfBuffer(pdf)
}

/**
 * The result issued as a numbered decision (rules.md "Apology and result decision as documents"): the
 * signer's title, then the signer's and the agency's stamps on the right, with the places of both signatures.
 */
export async function renderSignedResultDocument(
  doc: ResultDocument,
  createdAt: Date,
  signerTitle: string,
  stamp: StampText,
): Promise<RenderedDocument> {
  const pdf = newPdf('portrait', doc.resultName, createdAt)
  let pages = 1
  pdf.on('pageAdded', () => {
    pages += 1
  })
  drawResult(pdf, doc)
  ensureRoom(pdf, stampsHeight + 50)
  const width = contentWidth(pdf)
  const column = { x: pdf.page.margins.left + width / 2, width: width / 2 }
  pdf
    .font(B)
    .fontSize(12)
    .text(signerTitle, column.x, pdf.y + 10, { width: column.width, align: 'center' })
  const fields = drawSignatureStamps(pdf, { ...column, top: pdf.y + 6 }, stamp, pages - 1)
  return { pdf: await pdfBuffer(pdf), ...fields }
}
