import { sql } from 'kysely'
import { addDocumentCounts, type DocumentCounts, noDocuments } from '../../domain/documents/indicators.ts'
import type { Db } from '../database.ts'

/** The consumer that hands an issued document's outside recipients to the axis (documents-exchange-consumer.ts). */
const exchangeConsumer = 'documents-exchange'

export type DocumentWindow = {
  /** First local day and last local day measured ('YYYY-MM-DD', inclusive) */
  readonly from: string
  readonly to: string
  /** The window as instants: its first local midnight and the one after its last day */
  readonly start: Date
  readonly end: Date
  readonly agencyId?: string
}

const mine = (agencyId: string | undefined) => (agencyId === undefined ? sql`` : sql`AND d.agency_id = ${agencyId}`)
/** The local (UTC+7, rules.md §6) day of an instant kept as ISO text. */
const localDay = sql`((d.finished_at::timestamptz AT TIME ZONE 'UTC') + interval '7 hours')::date`

type Row = { agency_id: string } & Record<string, string | number>

/**
 * Per agency, the counts of `DocumentCounts` over the window: four indexed aggregate queries (the
 * partial indexes of migration 0039), each reading only the rows of its window.
 */
export async function documentCounts(db: Db, w: DocumentWindow): Promise<Map<string, DocumentCounts>> {
  const startIso = w.start.toISOString()
  const endIso = w.end.toISOString()
  const [sent, received, finished, open] = await Promise.all([
    sql<Row>`
      SELECT d.agency_id, count(*)::int AS "sent",
        count(*) FILTER (WHERE d.external_recipients = 0 OR EXISTS (
          SELECT 1 FROM outbox_deliveries o
          WHERE o.consumer = ${exchangeConsumer} AND o.message_key = 'document:' || d.id::text AND o.state = 'delivered'
        ))::int AS "sentElectronically"
      FROM documents d
      WHERE d.direction = 'outgoing' AND d.status = 'issued' AND d.registered_on BETWEEN ${w.from} AND ${w.to}
        ${mine(w.agencyId)}
      GROUP BY d.agency_id`.execute(db),
    sql<Row>`
      SELECT d.agency_id, count(*)::int AS "received"
      FROM documents d
      WHERE d.direction = 'incoming' AND d.created_at >= ${w.start} AND d.created_at < ${w.end} ${mine(w.agencyId)}
      GROUP BY d.agency_id`.execute(db),
    sql<Row>`
      SELECT d.agency_id, count(*)::int AS "finished",
        count(*) FILTER (WHERE d.due_on IS NOT NULL AND ${localDay} <= d.due_on)::int AS "finishedOnTime",
        count(*) FILTER (WHERE d.due_on IS NOT NULL AND ${localDay} > d.due_on)::int AS "finishedLate"
      FROM documents d
      WHERE d.direction = 'incoming' AND d.finished_at IS NOT NULL
        AND d.finished_at >= ${startIso} AND d.finished_at < ${endIso} ${mine(w.agencyId)}
      GROUP BY d.agency_id`.execute(db),
    // Open at the window's end past its deadline day: still open now, or finished only after the end.
    sql<Row>`
      SELECT agency_id, count(*)::int AS "overdueOpen" FROM (
        SELECT d.agency_id FROM documents d
        WHERE d.direction = 'incoming' AND d.finished_at IS NULL AND d.due_on IS NOT NULL
          AND d.due_on < ${w.to} AND d.created_at < ${w.end} ${mine(w.agencyId)}
        UNION ALL
        SELECT d.agency_id FROM documents d
        WHERE d.direction = 'incoming' AND d.finished_at IS NOT NULL AND d.finished_at >= ${endIso}
          AND d.due_on < ${w.to} AND d.created_at < ${w.end} ${mine(w.agencyId)}
      ) late GROUP BY agency_id`.execute(db),
  ])
  const byAgency = new Map<string, DocumentCounts>()
  for (const result of [sent, received, finished, open])
    for (const { agency_id, ...counts } of result.rows) {
      const numbers = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]))
      byAgency.set(agency_id, addDocumentCounts(byAgency.get(agency_id) ?? noDocuments, numbers))
    }
  return byAgency
}

/** The agencies' names in force on `day` (agency_names is effective-dated). */
export async function agencyNamesOn(db: Db, ids: readonly string[], day: string): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('agency_names')
    .select(['agency_id', 'name', 'valid_from'])
    .where('agency_id', 'in', [...ids])
    .where('valid_from', '<=', day)
    .orderBy('valid_from')
    .execute()
  const names = new Map<string, string>()
  for (const r of rows) names.set(r.agency_id, r.name)
  return names
}
