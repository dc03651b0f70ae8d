import type { EReceipt } from '../../domain/payments/e-receipt.ts'
import { newPdf, pdfBuffer } from '../pdf/render-form.ts'
import { amountInWords } from './amount-in-words.ts'

const labels = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  title: 'BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ',
  number: 'Số biên lai',
  payer: 'Người nộp',
  dossier: 'Mã hồ sơ',
  procedure: 'Thủ tục',
  amount: 'Số tiền',
  words: 'Bằng chữ',
  method: 'Hình thức thanh toán',
  online: 'Trực tuyến qua cổng thanh toán',
  txn: 'Mã giao dịch',
  time: 'Thời gian thanh toán',
  note: 'Biên lai được lập tự động khi cổng thanh toán xác nhận giao dịch.',
} as const

const vnd = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đồng`
/** `HH:mm dd/MM/yyyy`, Vietnam time. */
function vietnamTime(at: Date): string {
  const t = new Date(at.getTime() + 7 * 3_600_000).toISOString()
  return `${t.slice(11, 16)} ngày ${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)}`
}

/** The e-receipt as a PDF: number, payer, dossier, amount in figures and in words, time. */
export function renderEReceipt(r: EReceipt): Promise<Buffer> {
  const doc = newPdf('portrait', `${labels.title} ${r.receiptNo}`, r.paidAt)
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
  doc
    .font('BeVietnamPro-Bold')
    .fontSize(10)
    .text(r.agencyName, { width: width * 0.45 })
  doc.moveUp(1).text(labels.nation, { align: 'right' }).font('BeVietnamPro').text(labels.motto, { align: 'right' })
  doc.moveDown(2).font('BeVietnamPro-Bold').fontSize(14).text(labels.title, { align: 'center' })
  doc.font('BeVietnamPro').fontSize(11).text(`${labels.number}: ${r.receiptNo}`, { align: 'center' }).moveDown(1.5)
  const rows: [string, string][] = [
    [labels.payer, r.payerName],
    [labels.dossier, r.dossierCode],
    [labels.procedure, r.procedureName],
    [labels.amount, vnd(r.amountVnd)],
    [labels.words, amountInWords(r.amountVnd)],
    [labels.method, `${labels.online} ${r.gateway.toUpperCase()}`],
    [labels.txn, r.gatewayTxn ?? '—'],
    [labels.time, vietnamTime(r.paidAt)],
  ]
  for (const [label, value] of rows) {
    doc.font('BeVietnamPro-Bold').text(`${label}: `, { continued: true }).font('BeVietnamPro').text(value)
    doc.moveDown(0.4)
  }
  doc.moveDown(1).fontSize(9).text(labels.note)
  return pdfBuffer(doc)
}
