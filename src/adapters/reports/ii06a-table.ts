import type { Ii06aFigures } from '../../domain/kpi/ii06a.ts'
import type { Ii06aReport } from '../../domain/kpi/ii06a-report.ts'

/**
 * Mẫu số II.06a, Thông tư 01/2020/TT-VPCP: the table both exports draw, as plain rows and columns.
 * The form's own wording is its content, so it lives here with the layout rather than in a catalogue.
 */
export const ii06aTitle =
  'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC'
export const ii06aFormLabel = 'Biểu số II.06a/VPCP/KSTT'

/** A header cell spanning columns `col`…`col + cols − 1` (0-based) and header rows `row`…`row + rows − 1`. */
export type HeaderCell = {
  readonly text: string
  readonly row: number
  readonly col: number
  readonly rows: number
  readonly cols: number
}

export const headerRows = 3
export const columnCount = 13

export const headerCells: readonly HeaderCell[] = [
  { text: 'STT', row: 0, col: 0, rows: 3, cols: 1 },
  { text: 'Lĩnh vực giải quyết', row: 0, col: 1, rows: 3, cols: 1 },
  { text: 'Số hồ sơ nhận giải quyết', row: 0, col: 2, rows: 1, cols: 4 },
  { text: 'Kết quả giải quyết', row: 0, col: 6, rows: 1, cols: 7 },
  { text: 'Tổng số', row: 1, col: 2, rows: 2, cols: 1 },
  { text: 'Trong đó', row: 1, col: 3, rows: 1, cols: 3 },
  { text: 'Số hồ sơ đã giải quyết', row: 1, col: 6, rows: 1, cols: 4 },
  { text: 'Số hồ sơ đang giải quyết', row: 1, col: 10, rows: 1, cols: 3 },
  { text: 'Số kỳ trước chuyển qua', row: 2, col: 3, rows: 1, cols: 1 },
  { text: 'Số mới tiếp nhận trực tuyến', row: 2, col: 4, rows: 1, cols: 1 },
  { text: 'Số mới tiếp nhận trực tiếp và qua dịch vụ bưu chính', row: 2, col: 5, rows: 1, cols: 1 },
  { text: 'Tổng số', row: 2, col: 6, rows: 1, cols: 1 },
  { text: 'Trả trước hạn', row: 2, col: 7, rows: 1, cols: 1 },
  { text: 'Trả đúng thời hạn', row: 2, col: 8, rows: 1, cols: 1 },
  { text: 'Trả quá hạn', row: 2, col: 9, rows: 1, cols: 1 },
  { text: 'Tổng số', row: 2, col: 10, rows: 1, cols: 1 },
  { text: 'Chưa đến hạn', row: 2, col: 11, rows: 1, cols: 1 },
  { text: 'Quá hạn', row: 2, col: 12, rows: 1, cols: 1 },
]

/** The form's column numbers, (1) to (13), printed under the headings. */
export const columnNumbers = Array.from({ length: columnCount }, (_, i) => `(${i + 1})`)

/**
 * The eleven figures of a row, columns (3) to (13). Column (3) is carried over plus newly received,
 * as the form defines it; (7) counts withdrawn and stopped dossiers too (they end the clock,
 * rules.md §6), so (3) = (7) + (11).
 */
export function figureCells(f: Ii06aFigures): number[] {
  return [
    f.carriedOver + f.received,
    f.carriedOver,
    f.receivedOnline,
    f.receivedInPersonOrPost,
    f.resolved,
    f.resolvedEarly,
    f.resolvedOnTime,
    f.resolvedLate,
    f.inProgress,
    f.inProgressWithinDeadline,
    f.inProgressOverdue,
  ]
}

export type TableRow = {
  readonly kind: 'level' | 'field' | 'total'
  readonly number: string
  readonly label: string
  readonly figures: readonly number[]
}

const levels = [
  { level: 'province', number: 'I', label: 'Cấp tỉnh' },
  { level: 'commune', number: 'II', label: 'Cấp xã' },
] as const

const zero = figureCells({
  received: 0,
  receivedOnline: 0,
  receivedInPersonOrPost: 0,
  carriedOver: 0,
  resolved: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  withdrawn: 0,
  stopped: 0,
  inProgress: 0,
  inProgressWithinDeadline: 0,
  inProgressOverdue: 0,
})

/** I. Cấp tỉnh and II. Cấp xã, each with its total and its fields numbered from 1, then Tổng cộng. */
export function tableRows(report: Ii06aReport): TableRow[] {
  const rows: TableRow[] = []
  for (const { level, number, label } of levels) {
    const total = report.levelTotals.find((t) => t.level === level)
    rows.push({ kind: 'level', number, label, figures: total ? figureCells(total.figures) : zero })
    report.rows
      .filter((r) => r.level === level)
      .forEach((r, i) => {
        rows.push({ kind: 'field', number: String(i + 1), label: r.fieldName, figures: figureCells(r.figures) })
      })
  }
  rows.push({ kind: 'total', number: '', label: 'Tổng cộng', figures: figureCells(report.total) })
  return rows
}

/** 'YYYY-MM-DD' as the form writes dates: dd/mm/yyyy. */
export const formDate = (iso: string): string => iso.split('-').reverse().join('/')

/** "Kỳ báo cáo: từ ngày … đến ngày …", with the day the figures were measured when the period has not ended. */
export function periodLines(report: Ii06aReport, unitName: string | null): string[] {
  const w = report.window
  const lines = [
    `Đơn vị báo cáo: ${unitName ?? 'toàn tỉnh (mọi cơ quan, đơn vị trực tiếp giải quyết)'}`,
    `Kỳ báo cáo: từ ngày ${formDate(w.from)} đến ngày ${formDate(w.to)}`,
  ]
  if (w.measuredTo !== w.to) lines.push(`(Số liệu tính đến hết ngày ${formDate(w.measuredTo)})`)
  return lines
}

export const ii06aFileName = (report: Ii06aReport, extension: 'xlsx' | 'pdf'): string =>
  `bao-cao-ii06a-${report.window.from}-${report.window.to}.${extension}`
