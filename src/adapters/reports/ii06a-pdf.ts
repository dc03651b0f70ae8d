import type PDFDocument from 'pdfkit'
import type { Ii06aReport } from '../../domain/kpi/ii06a-report.ts'
import { newPdf, pdfBuffer } from '../pdf/render-form.ts'
import {
  columnCount,
  columnNumbers,
  headerCells,
  headerRows,
  ii06aFormLabel,
  ii06aTitle,
  periodLines,
  type TableRow,
  tableRows,
} from './ii06a-table.ts'

type Doc = InstanceType<typeof PDFDocument>

const R = 'BeVietnamPro'
const B = 'BeVietnamPro-Bold'
/** Points: STT, field name, then the eleven figures; 742 of landscape A4's 752 usable points. */
const widths = [28, 164, ...Array.from({ length: columnCount - 2 }, () => 50)]
const headerRowHeights = [20, 20, 72]
const numberRowHeight = 14
const pad = 3
const fontSize = 7.5

const xOf = (doc: Doc, col: number) => doc.page.margins.left + widths.slice(0, col).reduce((a, b) => a + b, 0)
const widthOf = (col: number, cols: number) => widths.slice(col, col + cols).reduce((a, b) => a + b, 0)

function cell(doc: Doc, text: string, x: number, y: number, w: number, h: number, align: 'left' | 'center' | 'right') {
  doc.rect(x, y, w, h).stroke()
  const textHeight = doc.heightOfString(text, { width: w - 2 * pad, align })
  doc.text(text, x + pad, y + Math.max(pad, (h - textHeight) / 2), { width: w - 2 * pad, align, lineBreak: true })
}

function header(doc: Doc): void {
  const top = doc.y
  const yOf = (row: number) => top + headerRowHeights.slice(0, row).reduce((a, b) => a + b, 0)
  doc.font(B).fontSize(fontSize)
  for (const h of headerCells)
    cell(doc, h.text, xOf(doc, h.col), yOf(h.row), widthOf(h.col, h.cols), yOf(h.row + h.rows) - yOf(h.row), 'center')
  const numbersTop = yOf(headerRows)
  doc.font(R)
  columnNumbers.forEach((n, i) => {
    cell(doc, n, xOf(doc, i), numbersTop, widths[i] ?? 0, numberRowHeight, 'center')
  })
  doc.y = numbersTop + numberRowHeight
}

function bodyRow(doc: Doc, row: TableRow): void {
  doc.font(row.kind === 'field' ? R : B).fontSize(fontSize)
  const labelWidth = (widths[1] ?? 0) - 2 * pad
  const height = Math.max(16, doc.heightOfString(row.label, { width: labelWidth }) + 2 * pad)
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
    doc.addPage()
    header(doc)
    doc.font(row.kind === 'field' ? R : B).fontSize(fontSize)
  }
  const y = doc.y
  const texts = [row.number, row.label, ...row.figures.map((n) => n.toLocaleString('vi-VN'))]
  texts.forEach((text, i) => {
    const align = i === 0 ? 'center' : i === 1 ? (row.kind === 'total' ? 'center' : 'left') : 'right'
    cell(doc, text, xOf(doc, i), y, widths[i] ?? 0, height, align)
  })
  doc.y = y + height
}

/** Form II.06a as a landscape A4 PDF in Be Vietnam Pro, its heading repeated on every page. */
export async function ii06aPdf(report: Ii06aReport, unitName: string | null, createdAt: Date): Promise<Buffer> {
  const doc = newPdf('landscape', ii06aTitle, createdAt)
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  doc.font(R).fontSize(8).text(ii06aFormLabel, left, doc.y, { width, align: 'right' })
  doc
    .font(B)
    .fontSize(12)
    .text(ii06aTitle, left, doc.y + 4, { width, align: 'center' })
  doc.font(R).fontSize(10)
  for (const line of periodLines(report, unitName)) doc.text(line, left, doc.y + 2, { width, align: 'center' })
  doc.y += 10
  header(doc)
  for (const row of tableRows(report)) bodyRow(doc, row)
  return pdfBuffer(doc)
}
