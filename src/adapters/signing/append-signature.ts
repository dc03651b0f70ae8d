import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib'
import { Signer, SignPdf } from '@signpdf/signpdf'
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRef, PDFString } from 'pdf-lib'
import { detachedCms, type PdfSigner, pdfText, type SignatureDetails } from './sign-pdf.ts'

/** Where the signature's widget sits, in PDF points [x1, y1, x2, y2]. */
export type SignatureField = {
  readonly name: string
  /** 0-based page index */
  readonly page: number
  readonly rect: readonly [number, number, number, number]
}

const signatureBytes = 8192

class CmsSigner extends Signer {
  readonly #signer: PdfSigner
  constructor(signer: PdfSigner) {
    super()
    this.#signer = signer
  }
  override async sign(signedBytes: Buffer, signingTime?: Date): Promise<Buffer> {
    return detachedCms(signedBytes, this.#signer, signingTime ?? new Date())
  }
}

function serialize(ref: PDFRef, object: PDFObject): Buffer {
  const body = new Uint8Array(object.sizeInBytes())
  object.copyBytesInto(body, 0)
  return Buffer.concat([
    Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1'),
    Buffer.from(body),
    Buffer.from('\nendobj\n', 'latin1'),
  ])
}

/**
 * Signs a PDF by an incremental update (ISO 32000-1 §7.5.6): the original bytes stay as they are and
 * the signature field, its widget, the page and the AcroForm that changed are appended with their own
 * cross-reference section. A signature already in the file therefore keeps covering exactly the bytes
 * it signed, so a document can carry the signer's signature and then the agency's seal signature
 * (Decree 30/2020 Art. 13(7), 17(2)). The CMS is the same detached SignedData as `signPdf`'s.
 * The input must use a classic cross-reference table (pdfkit's output, and this function's, do).
 */
export async function appendSignature(
  pdf: Buffer,
  signer: PdfSigner,
  details: SignatureDetails,
  field: SignatureField,
): Promise<Buffer> {
  const original = pdf.subarray(0, pdf.length - (pdf.at(-1) === 0x0a ? 1 : 0))
  const doc = await PDFDocument.load(original, { updateMetadata: false })
  const before = doc.context.largestObjectNumber
  const page = doc.getPages()[field.page]
  if (page === undefined) throw new Error('a PDF without pages cannot be signed')
  pdflibAddPlaceholder({
    pdfPage: page,
    reason: pdfText(details.reason),
    contactInfo: '',
    name: pdfText(details.signerName),
    location: pdfText(details.location),
    signingTime: details.signedAt,
    signatureLength: signatureBytes,
    subFilter: 'adbe.pkcs7.detached',
    widgetRect: [...field.rect],
    appName: 'motcua',
  })
  const acroFormRef = doc.catalog.get(PDFName.of('AcroForm'))
  const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict)
  const fields = acroForm.lookup(PDFName.of('Fields'), PDFArray)
  const widget = fields.lookup(fields.size() - 1, PDFDict)
  widget.set(PDFName.of('T'), PDFString.of(field.name))
  const changed = new Map<string, [PDFRef, PDFObject]>()
  const mark = (ref: unknown) => {
    if (!(ref instanceof PDFRef)) return
    const object = doc.context.lookup(ref)
    if (object !== undefined) changed.set(ref.tag, [ref, object])
  }
  for (const [ref] of doc.context.enumerateIndirectObjects()) if (ref.objectNumber > before) mark(ref)
  mark(doc.context.trailerInfo.Root)
  mark(page.ref)
  mark(acroFormRef)
  mark(page.node.get(PDFName.of('Annots')))
  mark(acroForm.get(PDFName.of('Fields')))
  const startXref = [...original.toString('latin1').matchAll(/startxref\s+(\d+)/g)].at(-1)?.[1]
  if (startXref === undefined) throw new Error('no startxref in the PDF')
  const parts: Buffer[] = [original, Buffer.from('\n', 'latin1')]
  let offset = original.length + 1
  const entries: { number: number; offset: number }[] = []
  for (const [ref, object] of [...changed.values()].sort((x, y) => x[0].objectNumber - y[0].objectNumber)) {
    const bytes = serialize(ref, object)
    entries.push({ number: ref.objectNumber, offset })
    parts.push(bytes)
    offset += bytes.length
  }
  const xref = ['xref', ...entries.flatMap((e) => [`${e.number} 1`, `${String(e.offset).padStart(10, '0')} 00000 n\r`])]
  const info = doc.context.trailerInfo
  const trailer = [
    `/Size ${doc.context.largestObjectNumber + 1}`,
    `/Root ${String(info.Root)}`,
    info.Info === undefined ? '' : `/Info ${String(info.Info)}`,
    info.ID === undefined ? '' : `/ID ${String(info.ID)}`,
    `/Prev ${startXref}`,
  ].join(' ')
  parts.push(Buffer.from(`${xref.join('\n')}\ntrailer\n<< ${trailer} >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'))
  return new SignPdf().sign(Buffer.concat(parts), new CmsSigner(signer), details.signedAt)
}
