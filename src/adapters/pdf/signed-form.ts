import type { FormDocument } from '../../domain/forms/form-document.ts'
import type { SignatureField } from '../signing/append-signature.ts'
import { B, contentWidth, drawForm, ensureRoom, newFormPdf, pdfBuffer, size } from './render-form.ts'
import { drawSignatureStamps, type RenderedDocument, type StampText, stampsHeight } from './signature-stamps.ts'

/**
 * A dossier form issued as an official document (form 04, rules.md "Apology and result decision as
 * documents"): the form as printed, its one signer's block carrying the signer's and the agency's
 * stamps in place of the blank space, with the places of both signatures.
 */
export async function renderSignedForm(form: FormDocument, stamp: StampText): Promise<RenderedDocument> {
  const doc = newFormPdf(form)
  let pages = 1
  doc.on('pageAdded', () => {
    pages += 1
  })
  let fields: { signer: SignatureField; seal: SignatureField } | null = null
  await drawForm(doc, form, (pdf, block) => {
    const title = block.blocks[0]?.title ?? ''
    const left = pdf.page.margins.left
    const width = contentWidth(pdf)
    ensureRoom(pdf, stampsHeight + 40)
    const column = { x: left + width / 2, width: width / 2 }
    const y = pdf.y + 10
    pdf.font(B).fontSize(size.body).text(title, column.x, y, { width: column.width, align: 'center' })
    fields = drawSignatureStamps(pdf, { ...column, top: pdf.y + 6 }, stamp, pages - 1)
    pdf.x = left
  })
  if (fields === null) throw new Error(`form ${form.form} has no signature block to sign`)
  return { pdf: await pdfBuffer(doc), ...(fields as { signer: SignatureField; seal: SignatureField }) }
}
