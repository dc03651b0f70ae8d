import { sql } from 'kysely'
import { instantAt, parseIsoDate } from '../../domain/calendar/local-time.ts'
import { factsTimeliness } from '../../domain/kpi/facts.ts'
import type { Db } from '../database.ts'
import { factsOfRow } from './facts-rows.ts'

/** Which dossiers of a window a drill-down lists (the same definitions as the counters). */
export const DossierSet = {
  Received: 'received',
  Resolved: 'resolved',
  Late: 'late',
  InProgress: 'in_progress',
  Overdue: 'overdue',
} as const
export type DossierSet = (typeof DossierSet)[keyof typeof DossierSet]

export type IndicatorDossier = {
  readonly code: string
  readonly origin: string
  readonly status: number
  readonly procedureCode: string
  readonly fieldId: string
  readonly channel: number
  readonly receivedAt: string
  readonly deadlineAt: string | null
  readonly endedAt: string | null
  readonly endKind: string | null
  readonly supplementRequests: number
  readonly timeliness: 'early' | 'on_time' | 'late' | null
}

export type DossierListQuery = {
  readonly from: string
  readonly to: string
  readonly today: string
  readonly agencyId: string
  readonly fieldId?: string
  readonly procedureCode?: string
  readonly set: DossierSet
  readonly limit: number
  readonly offset: number
}

/**
 * The dossiers behind a figure: codes, dates and timeliness only (no applicant data), newest first.
 * Stocks are measured at the end of the window's last day or of today, whichever is earlier.
 */
export async function listIndicatorDossiers(
  db: Db,
  q: DossierListQuery,
): Promise<{ total: number; dossiers: IndicatorDossier[] }> {
  const fromDay = parseIsoDate(q.from) ?? 0
  const toDay = Math.max(fromDay, Math.min(parseIsoDate(q.to) ?? 0, parseIsoDate(q.today) ?? 0))
  const start = new Date(instantAt(fromDay, 0))
  const end = new Date(instantAt(toDay + 1, 0))
  const late = sql<boolean>`(second_supplement_at IS NOT NULL OR ended_at > deadline_at)`
  const open = sql<boolean>`(received_at < ${end} AND (ended_at IS NULL OR ended_at >= ${end}))`
  const conditions = {
    received: sql<boolean>`received_at >= ${start} AND received_at < ${end}`,
    resolved: sql<boolean>`ended_at >= ${start} AND ended_at < ${end}`,
    late: sql<boolean>`ended_at >= ${start} AND ended_at < ${end} AND ${late}`,
    in_progress: open,
    overdue: sql<boolean>`${open} AND least(deadline_at, second_supplement_at) < ${end}
      AND NOT (second_supplement_at IS NULL AND pending_supplement_since IS NOT NULL AND pending_supplement_since <= deadline_at)`,
  } satisfies Record<DossierSet, unknown>
  let query = db.selectFrom('kpi_dossiers').where('agency_id', '=', q.agencyId).where(conditions[q.set])
  if (q.fieldId !== undefined) query = query.where('field_id', '=', q.fieldId)
  if (q.procedureCode !== undefined) query = query.where('procedure_code', '=', q.procedureCode)
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    query.selectAll().orderBy('received_at', 'desc').orderBy('code').limit(q.limit).offset(q.offset).execute(),
  ])
  return {
    total: Number(count.n),
    dossiers: rows.map((r) => ({
      code: r.code,
      origin: r.origin,
      status: r.status,
      procedureCode: r.procedure_code,
      fieldId: r.field_id,
      channel: r.channel,
      receivedAt: r.received_at.toISOString(),
      deadlineAt: r.deadline_at?.toISOString() ?? null,
      endedAt: r.ended_at?.toISOString() ?? null,
      endKind: r.end_kind,
      supplementRequests: r.supplement_requests,
      timeliness: factsTimeliness(factsOfRow(r)),
    })),
  }
}
