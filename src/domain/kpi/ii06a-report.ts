import type { Ii06aFigures } from './ii06a.ts'

/** A report window as measured: stocks at the end of `measuredTo` ('YYYY-MM-DD', `to` inclusive). */
export type MeasuredWindow = { readonly from: string; readonly to: string; readonly measuredTo: string }

export type Ii06aRow = {
  readonly level: 'province' | 'commune'
  readonly fieldId: string
  readonly fieldName: string
  readonly figures: Ii06aFigures
}

/** Báo cáo II.06a: figures per level and field for the window, with totals (what the exports print). */
export type Ii06aReport = {
  readonly window: MeasuredWindow
  readonly agencyId: string | null
  readonly rows: readonly Ii06aRow[]
  readonly levelTotals: readonly { level: 'province' | 'commune'; figures: Ii06aFigures }[]
  readonly total: Ii06aFigures
}
