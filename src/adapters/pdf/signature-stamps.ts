import type { SignatureField } from '../signing/append-signature.ts'
import { B, type Doc, R } from './render-form.ts'

/** A rendered PDF and where its two signatures go (widget rectangles over the visible stamps). */
export type RenderedDocument = { readonly pdf: Buffer; readonly signer: SignatureField; readonly seal: SignatureField }

/** Who signs and when, as the stamps print it. */
export type StampText = {
  readonly signerName: string
  readonly agencyName: string
  /** When the signatures are made, ISO 8601 with +07:00 (Decree 30/2020 Appendix I, II.8.b) */
  readonly signedAt: string
}

const blue = '#1f3fbf'
const red = '#d0202a'
const stampW = 170
const stampH = 62
const sealR = 46
/** Vertical room the stamps take, the signer's name printed below them included. */
export const stampsHeight = 90

/**
 * Chữ ký số của người có thẩm quyền và của cơ quan (Decree 30/2020 Appendix I, Part I, II.8): the
 * signer's stamp (blue, centred in the column) and the agency's seal (red, over about the left third
 * of the signer's stamp), each carrying who signed and when, then the signer's name. The images are
 * drawn, since motcua holds no scanned signature or seal (rules.md "Electronic documents"). Shared by
 * official documents and the dossier forms issued as documents (form 04).
 */
export function drawSignatureStamps(
  pdf: Doc,
  column: { readonly x: number; readonly width: number; readonly top: number },
  t: StampText,
  page: number,
): { signer: SignatureField; seal: SignatureField } {
  const stampTop = column.top
  const stampX = column.x + (column.width - stampW) / 2
  pdf.rect(stampX, stampTop, stampW, stampH).lineWidth(1).stroke(blue)
  pdf
    .fillColor(blue)
    .font(B)
    .fontSize(12)
    .text(t.signerName, stampX + 4, stampTop + 6, { width: stampW - 8, align: 'center' })
  pdf
    .font(R)
    .fontSize(9)
    .text('Đã ký số', stampX + 4, pdf.y, { width: stampW - 8, align: 'center' })
  pdf.text(t.signedAt, stampX + 4, pdf.y, { width: stampW - 8, align: 'center' })
  const sealX = stampX + stampW / 6
  const sealY = stampTop + stampH / 2
  pdf.circle(sealX, sealY, sealR).lineWidth(2).stroke(red)
  pdf
    .circle(sealX, sealY, sealR - 5)
    .lineWidth(0.8)
    .stroke(red)
  pdf
    .fillColor(red)
    .font(B)
    .fontSize(7)
    .text(t.agencyName.toLocaleUpperCase('vi'), sealX - 34, sealY - 24, { width: 68, align: 'center' })
  pdf
    .font(R)
    .fontSize(6)
    .text(t.signedAt, sealX - 34, sealY + 14, { width: 68, align: 'center' })
  pdf.fillColor('black').strokeColor('black')
  pdf
    .font(B)
    .fontSize(13)
    .text(t.signerName, column.x, stampTop + stampH + 8, { width: column.width, align: 'center' })
  const h = pdf.page.height
  return {
    signer: {
      name: 'ChuKyNguoiCoThamQuyen',
      page,
      rect: [stampX, h - stampTop - stampH, stampX + stampW, h - stampTop],
    },
    seal: { name: 'ChuKySoCoQuan', page, rect: [sealX - sealR, h - sealY - sealR, sealX + sealR, h - sealY + sealR] },
  }
}
