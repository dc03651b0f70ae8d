import ExcelJS from 'exceljs'
import type { Ii06aReport } from '../../domain/kpi/ii06a-report.ts'
import {
  columnCount,
  columnNumbers,
  headerCells,
  headerRows,
  ii06aFormLabel,
  ii06aTitle,
  periodLines,
  tableRows,
} from './ii06a-table.ts'

const thin: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}
const font = 'Times New Roman'
const columnWidths = [6, 36, 11, 11, 12, 14, 11, 10, 10, 10, 11, 10, 10]

/** Form II.06a as a workbook: merged headings, borders, figures as numbers. `createdAt` keeps output reproducible. */
export async function ii06aXlsx(report: Ii06aReport, unitName: string | null, createdAt: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'motcua'
  book.created = createdAt
  book.modified = createdAt
  const sheet = book.addWorksheet('II.06a', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  sheet.columns = columnWidths.map((width) => ({ width }))

  const wide = (row: number, text: string, bold: boolean, size = 11) => {
    sheet.mergeCells(row, 1, row, columnCount)
    const cell = sheet.getCell(row, 1)
    cell.value = text
    cell.font = { name: font, bold, size }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
  }
  sheet.getCell(1, columnCount).value = ii06aFormLabel
  sheet.getCell(1, columnCount).alignment = { horizontal: 'right' }
  sheet.getCell(1, columnCount).font = { name: font, italic: true, size: 10 }
  wide(2, ii06aTitle, true, 13)
  sheet.getRow(2).height = 34
  let row = 3
  for (const line of periodLines(report, unitName)) wide(row++, line, false)
  row++

  const top = row
  for (const h of headerCells) {
    const r = top + h.row
    const c = h.col + 1
    if (h.rows > 1 || h.cols > 1) sheet.mergeCells(r, c, r + h.rows - 1, c + h.cols - 1)
    sheet.getCell(r, c).value = h.text
  }
  for (let r = top; r < top + headerRows; r++) sheet.getRow(r).height = r === top + headerRows - 1 ? 60 : 22
  columnNumbers.forEach((n, i) => {
    sheet.getCell(top + headerRows, i + 1).value = n
  })
  for (let r = top; r <= top + headerRows; r++)
    for (let c = 1; c <= columnCount; c++) {
      const cell = sheet.getCell(r, c)
      cell.border = thin
      cell.font = { name: font, bold: r < top + headerRows, italic: r === top + headerRows, size: 10 }
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    }

  row = top + headerRows + 1
  for (const line of tableRows(report)) {
    const values = [line.number, line.label, ...line.figures]
    values.forEach((v, i) => {
      const cell = sheet.getCell(row, i + 1)
      cell.value = v
      cell.border = thin
      cell.font = { name: font, bold: line.kind !== 'field', size: 10 }
      cell.alignment = {
        horizontal: i === 1 ? (line.kind === 'total' ? 'center' : 'left') : i === 0 ? 'center' : 'right',
        vertical: 'middle',
        wrapText: i === 1,
      }
      if (i >= 2) cell.numFmt = '#,##0'
    })
    row++
  }
  sheet.views = [{ state: 'frozen', ySplit: top + headerRows, xSplit: 2 }]
  return Buffer.from(await book.xlsx.writeBuffer())
}
