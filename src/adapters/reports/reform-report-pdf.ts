import type { ReformReport } from '../../domain/programme/reform-report.ts'
import { newPdf, pdfBuffer } from '../pdf/render-form.ts'

const R = 'BeVietnamPro'
const B = 'BeVietnamPro-Bold'

/** The reform report as a portrait A4 PDF in Be Vietnam Pro: targets with their sources, then the tasks. */
export async function reformReportPdf(report: ReformReport, createdAt: Date): Promise<Buffer> {
  const doc = newPdf('portrait', report.title, createdAt)
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  doc.font(B).fontSize(13).text(report.title, left, doc.y, { width, align: 'center' })
  doc
    .font(R)
    .fontSize(10)
    .text(`${report.programmeName} — từ ${report.period.from} đến ${report.period.to}`, { width, align: 'center' })
  doc.moveDown()
  doc.font(B).fontSize(11).text('I. Kết quả thực hiện các chỉ tiêu', { width })
  report.targets.forEach((t, i) => {
    doc
      .font(B)
      .fontSize(9.5)
      .text(`${i + 1}. ${t.title} (${t.area})`, { width })
    doc.font(R).fontSize(9).text(`Mục tiêu ${t.target}; kết quả ${t.value}; đánh giá: ${t.met}.`, { width })
    doc.fontSize(8).fillColor('#333333').text(`Nguồn: ${t.source}`, { width }).fillColor('black')
    doc.moveDown(0.4)
  })
  doc.moveDown()
  const c = report.taskCounts
  doc.font(B).fontSize(11).text('II. Thực hiện kế hoạch cải cách hành chính', { width })
  doc
    .font(R)
    .fontSize(9.5)
    .text(`Tổng số nhiệm vụ: ${c.total}; hoàn thành: ${c.done} (trễ hạn: ${c.doneLate}); quá hạn: ${c.overdue}.`, {
      width,
    })
  doc.moveDown(0.4)
  report.tasks.forEach((t, i) => {
    doc
      .font(R)
      .fontSize(9)
      .text(`${i + 1}. ${t.title} — ${t.agency}; hạn ${t.deadline}; ${t.status}; ${t.percent} %`, { width })
    if (t.evidence !== '') doc.fontSize(8).text(`Minh chứng: ${t.evidence}`, { width })
  })
  return pdfBuffer(doc)
}
