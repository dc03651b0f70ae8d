import { instantAt, isoDate, parseIsoDate } from '../../domain/calendar/local-time.ts'
import {
  type AgencyDocumentIndicators,
  type DocumentIndicators,
  documentReport,
} from '../../domain/documents/indicators.ts'
import type { MeasuredWindow } from '../../domain/kpi/ii06a-report.ts'
import type { Db } from '../../store/database.ts'
import { agencyNamesOn, documentCounts } from '../../store/documents/document-indicators.ts'
import type { WindowQuery } from '../../store/kpi/indicator-report.ts'

export type DocumentIndicatorReport = {
  readonly window: MeasuredWindow
  /** The agency asked for; null for the province */
  readonly agencyId: string | null
  readonly total: DocumentIndicators
  readonly agencies: readonly AgencyDocumentIndicators[]
}

/**
 * Chỉ số văn bản (rules.md "Document indicators"): the province's (or one agency's) document figures
 * over a window, measured up to today when the window has not ended, and each agency with any.
 */
export async function documentIndicatorReport(
  db: Db,
  q: WindowQuery & { readonly agencyId?: string },
): Promise<DocumentIndicatorReport> {
  const from = parseIsoDate(q.from)
  const to = parseIsoDate(q.to)
  const today = parseIsoDate(q.today)
  if (from === null || to === null || today === null || from > to) throw new RangeError(`bad window ${q.from}..${q.to}`)
  const measured = Math.max(from, Math.min(to, today))
  const window = { from: q.from, to: q.to, measuredTo: isoDate(measured) }
  const counts = await documentCounts(db, {
    from: q.from,
    to: window.measuredTo,
    start: new Date(instantAt(from, 0)),
    end: new Date(instantAt(measured + 1, 0)),
    agencyId: q.agencyId,
  })
  const names = await agencyNamesOn(db, [...counts.keys()], window.measuredTo)
  const report = documentReport(
    [...counts].map(([agencyId, c]) => ({ agencyId, agencyName: names.get(agencyId) ?? agencyId, counts: c })),
  )
  return { window, agencyId: q.agencyId ?? null, ...report }
}
