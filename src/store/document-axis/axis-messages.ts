import { sql } from 'kysely'
import type { BusinessType } from '../../domain/documents/edxml/business-type.ts'
import type { PackageProblem } from '../../domain/documents/edxml/package-problem.ts'
import type { Db } from '../database.ts'

export type AxisDirection = 'out' | 'in'
export type AxisKind = 'edoc' | 'status'
export type AxisState = 'queued' | 'sent' | 'received' | 'rejected' | 'revoked'

/** One package sent or received over the axis, as stored (migration 0030). */
export type AxisMessage = {
  readonly id: string
  readonly direction: AxisDirection
  readonly kind: AxisKind
  readonly axisId: string | null
  readonly documentId: string | null
  readonly business: BusinessType | null
  readonly fromCode: string
  readonly toCodes: readonly string[]
  readonly state: AxisState
  readonly xml: string
  readonly problems: readonly PackageProblem[] | null
  readonly createdAt: Date
  readonly handedOverAt: Date | null
}

type Row = {
  id: string
  direction: AxisDirection
  kind: AxisKind
  axis_id: string | null
  document_id: string | null
  business: BusinessType | null
  from_code: string
  to_codes: string[]
  state: AxisState
  xml: string
  problems: PackageProblem[] | null
  created_at: Date
  handed_over_at: Date | null
}

const columns = sql`id, direction, kind, axis_id, document_id, business, from_code, to_codes, state, xml, problems, created_at, handed_over_at`

const messageOf = (r: Row): AxisMessage => ({
  id: r.id,
  direction: r.direction,
  kind: r.kind,
  axisId: r.axis_id,
  documentId: r.document_id,
  business: r.business,
  fromCode: r.from_code,
  toCodes: r.to_codes,
  state: r.state,
  xml: r.xml,
  problems: r.problems,
  createdAt: new Date(r.created_at),
  handedOverAt: r.handed_over_at ? new Date(r.handed_over_at) : null,
})

export type NewAxisMessage = Omit<AxisMessage, 'handedOverAt' | 'createdAt'>

/** The outbox topic of packages waiting for the axis; the message key keeps one document's packages in order. */
export const axisSendTopic = 'document-axis.send'

/**
 * Stores an outgoing package (state queued) and its outbox message in the caller's transaction, so the
 * relay delivers it at least once. The payload is the package's id only: consumers of dossier
 * messages accept `dossier.*` topics and never see it.
 */
export async function queueOutgoing(tx: Db, m: NewAxisMessage, now: Date): Promise<void> {
  await insertMessage(tx, m, now)
  const payload = { axisMessageId: m.id }
  await sql`INSERT INTO outbox (topic, message_key, payload, created_at)
    VALUES (${axisSendTopic}, ${`document-axis:${m.documentId ?? m.id}`}, ${JSON.stringify(payload)}::jsonb, ${now})`.execute(
    tx,
  )
}

async function insertMessage(tx: Db, m: NewAxisMessage, now: Date): Promise<boolean> {
  const result = await sql<{ id: string }>`
    INSERT INTO axis_messages (id, direction, kind, axis_id, document_id, business, from_code, to_codes, state, xml, problems, created_at, updated_at)
    VALUES (${m.id}, ${m.direction}, ${m.kind}, ${m.axisId}, ${m.documentId}, ${m.business}, ${m.fromCode}, ${sql.val([...m.toCodes])}::text[],
      ${m.state}, ${m.xml}, ${m.problems ? JSON.stringify(m.problems) : null}::jsonb, ${now}, ${now})
    ON CONFLICT (axis_id) WHERE direction = 'in' DO NOTHING
    RETURNING id`.execute(tx)
  return result.rows.length === 1
}

/** Stores an incoming package unless one with its axis id is stored already; false for a duplicate. */
export const insertIncoming = (tx: Db, m: NewAxisMessage, now: Date): Promise<boolean> => insertMessage(tx, m, now)

export async function loadMessage(db: Db, id: string): Promise<AxisMessage | null> {
  const r = await sql<Row>`SELECT ${columns} FROM axis_messages WHERE id = ${id}`.execute(db)
  return r.rows[0] ? messageOf(r.rows[0]) : null
}

export async function incomingByAxisId(db: Db, axisId: string): Promise<AxisMessage | null> {
  const r = await sql<Row>`SELECT ${columns} FROM axis_messages WHERE direction = 'in' AND axis_id = ${axisId}`.execute(
    db,
  )
  return r.rows[0] ? messageOf(r.rows[0]) : null
}

/** The edoc packages about a document in one direction, oldest first. */
export async function packagesOfDocument(db: Db, direction: AxisDirection, documentId: string): Promise<AxisMessage[]> {
  const r = await sql<Row>`SELECT ${columns} FROM axis_messages
    WHERE direction = ${direction} AND kind = 'edoc' AND document_id = ${documentId} ORDER BY created_at, id`.execute(
    db,
  )
  return r.rows.map(messageOf)
}

/** queued → sent with the axis's id; false when it was sent already. */
export async function markSent(tx: Db, id: string, axisId: string, now: Date): Promise<boolean> {
  const r = await sql`UPDATE axis_messages SET state = 'sent', axis_id = ${axisId}, updated_at = ${now}
    WHERE id = ${id} AND state = 'queued'`.execute(tx)
  return Number(r.numAffectedRows ?? 0) === 1
}

/** Marks the received packages of a document revoked (thu hồi); returns their ids. */
export async function markRevoked(tx: Db, documentId: string, now: Date): Promise<string[]> {
  const r = await sql<{ id: string }>`UPDATE axis_messages SET state = 'revoked', updated_at = ${now}
    WHERE direction = 'in' AND kind = 'edoc' AND document_id = ${documentId} AND state = 'received' AND business <> 'revocation'
    RETURNING id`.execute(tx)
  return r.rows.map((row) => row.id)
}

export async function markHandedOver(db: Db, id: string, now: Date): Promise<void> {
  await sql`UPDATE axis_messages SET handed_over_at = ${now} WHERE id = ${id} AND handed_over_at IS NULL`.execute(db)
}

/** Received documents not yet handed to the documents module (a crash between storing and handing over). */
export async function notHandedOver(db: Db, limit: number): Promise<AxisMessage[]> {
  const r = await sql<Row>`SELECT ${columns} FROM axis_messages
    WHERE direction = 'in' AND kind = 'edoc' AND state <> 'rejected' AND handed_over_at IS NULL
    ORDER BY created_at, id LIMIT ${limit}`.execute(db)
  return r.rows.map(messageOf)
}

export type StatusEntry = {
  readonly messageId: string
  readonly direction: 'sent' | 'received'
  readonly statusCode: string
  readonly description: string
  readonly reportedBy: string
  readonly at: Date
  readonly via: string
}

export async function appendStatus(tx: Db, s: StatusEntry): Promise<void> {
  await sql`INSERT INTO axis_status_history (message_id, direction, status_code, description, reported_by, at, via)
    VALUES (${s.messageId}, ${s.direction}, ${s.statusCode}, ${s.description}, ${s.reportedBy}, ${s.at}, ${s.via})
    ON CONFLICT (via) DO NOTHING`.execute(tx)
}

/** A document's reported statuses, in the order they were reported. */
export async function statusHistory(db: Db, messageId: string): Promise<StatusEntry[]> {
  const r = await sql<{
    message_id: string
    direction: 'sent' | 'received'
    status_code: string
    description: string
    reported_by: string
    at: Date
    via: string
  }>`
    SELECT message_id, direction, status_code, description, reported_by, at, via FROM axis_status_history
    WHERE message_id = ${messageId} ORDER BY at, id`.execute(db)
  return r.rows.map((row) => ({
    messageId: row.message_id,
    direction: row.direction,
    statusCode: row.status_code,
    description: row.description,
    reportedBy: row.reported_by,
    at: new Date(row.at),
    via: row.via,
  }))
}
