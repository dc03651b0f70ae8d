import ExcelJS from 'exceljs'
import type { ReformReport } from '../../domain/programme/reform-report.ts'

const font = 'Times New Roman'

/**
 * The reform report as a workbook: one sheet of targets (each figure with its source), one of the
 * plan's tasks. `createdAt` keeps the output reproducible.
 */
export async function reformReportXlsx(report: ReformReport, createdAt: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'motcua'
  book.created = createdAt
  book.modified = createdAt
  const targets = book.addWorksheet('Chỉ tiêu')
  targets.columns = [{ width: 28 }, { width: 40 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 80 }]
  targets.addRow([report.title]).font = { name: font, bold: true, size: 13 }
  targets.addRow([`${report.programmeName} — ${report.period.from} đến ${report.period.to}`]).font = { name: font }
  targets.addRow([])
  const head = targets.addRow(['Nội dung cải cách', 'Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đánh giá', 'Nguồn số liệu'])
  head.font = { name: font, bold: true }
  for (const t of report.targets)
    targets.addRow([t.area, t.title, t.target, t.value, t.met, t.source]).font = { name: font }

  const tasks = book.addWorksheet('Nhiệm vụ')
  tasks.columns = [{ width: 48 }, { width: 36 }, { width: 12 }, { width: 28 }, { width: 10 }, { width: 40 }]
  const c = report.taskCounts
  tasks.addRow([
    `Tổng số nhiệm vụ: ${c.total}; hoàn thành: ${c.done} (trễ hạn: ${c.doneLate}); quá hạn: ${c.overdue}`,
  ]).font = {
    name: font,
    bold: true,
  }
  tasks.addRow(['Nhiệm vụ', 'Cơ quan chủ trì', 'Hạn', 'Trạng thái', 'Tiến độ (%)', 'Minh chứng']).font = {
    name: font,
    bold: true,
  }
  for (const t of report.tasks)
    tasks.addRow([t.title, t.agency, t.deadline, t.status, t.percent, t.evidence]).font = { name: font }
  return Buffer.from(await book.xlsx.writeBuffer())
}
