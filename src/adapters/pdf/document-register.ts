import { B, drawTable, newPdf, pdfBuffer, R } from './render-form.ts'

/** One line of a printed register (the columns of Decree 30/2020 Appendix IV's register forms). */
export type RegisterLine = {
  readonly number: string
  readonly date: string
  readonly notation: string
  readonly type: string
  readonly subject: string
  /** Outgoing: the signer; incoming: the issuing agency */
  readonly party: string
  /** Outgoing: the recipients; incoming: the handler and deadline */
  readonly destination: string
  readonly urgency: string
}

/**
 * Sổ đăng ký văn bản đi / đến printed for a year (Decree 30/2020 Art. 16(2)(b), 22(3)(b): a register
 * kept in the system is printed in full and bound). The columns follow Appendix IV's register forms
 * as far as motcua holds their content (an assumption: the form's exact column list was not read).
 */
export function renderRegister(
  register: 'outgoing' | 'incoming',
  agencyName: string,
  year: number,
  lines: readonly RegisterLine[],
  createdAt: Date,
): Promise<Buffer> {
  const title = register === 'outgoing' ? 'SỔ ĐĂNG KÝ VĂN BẢN ĐI' : 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN'
  const pdf = newPdf('landscape', `${title} ${year}`, createdAt)
  pdf.font(B).fontSize(12).text(agencyName.toLocaleUpperCase('vi'), { align: 'left' })
  pdf.fontSize(16).text(title, { align: 'center' })
  pdf.font(R).fontSize(12).text(`Năm ${year}`, { align: 'center' })
  pdf.moveDown()
  const outgoing = register === 'outgoing'
  drawTable(pdf, {
    kind: 'table',
    columns: [
      { title: outgoing ? 'Số' : 'Số đến', width: 0.06 },
      { title: outgoing ? 'Ngày tháng' : 'Ngày đến', width: 0.09 },
      { title: 'Số, ký hiệu', width: 0.13 },
      { title: 'Tên loại', width: 0.09 },
      { title: 'Trích yếu nội dung', width: 0.3 },
      { title: outgoing ? 'Người ký' : 'Nơi gửi', width: 0.13 },
      { title: outgoing ? 'Nơi nhận' : 'Đơn vị, người nhận', width: 0.13 },
      { title: 'Mức độ khẩn', width: 0.07 },
    ],
    rows: lines.map((l) => [l.number, l.date, l.notation, l.type, l.subject, l.party, l.destination, l.urgency]),
  })
  return pdfBuffer(pdf)
}
