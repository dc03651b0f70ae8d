import { sql } from 'kysely'
import type { DocumentEvent, OfficialDocument, Register } from '../../domain/documents/official-document.ts'
import type { Db } from '../database.ts'

/**
 * The register's next number for the year, in the caller's transaction: the counter row stays locked
 * until it commits, so concurrent issuances queue on it and a rollback returns the number (gap-free
 * and unique per agency, register and year, Decree 30/2020 Art. 15(1), 22(2)).
 */
export async function allocateRegisterNumber(
  tx: Db,
  agencyId: string,
  register: Register,
  year: number,
): Promise<number> {
  const row = await tx
    .insertInto('document_register_counters')
    .values({ agency_id: agencyId, register, year, last: 1 })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'register', 'year']).doUpdateSet({ last: sql`document_register_counters.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow()
  return row.last
}

function projection(d: OfficialDocument) {
  if (d.direction === 'outgoing')
    return {
      status: d.status,
      doc_type: d.content.type,
      year: d.year,
      register_number: d.number,
      notation: d.notation,
      subject: d.content.subject,
      sender: null,
      handler_user_id: null,
      due_on: null,
      source_document_id: null,
      registered_on: d.issuedOn,
      state: JSON.stringify(d),
      version: d.version,
    }
  return {
    status: d.status,
    doc_type: d.document.type,
    year: d.year,
    register_number: d.number,
    notation: d.document.notation,
    subject: d.document.subject,
    sender: d.document.senderName,
    handler_user_id: d.handlerId,
    due_on: d.dueOn,
    source_document_id: d.document.sourceDocumentId,
    registered_on: d.arrivedOn,
    state: JSON.stringify(d),
    version: d.version,
  }
}

/** Writes a new document, its first event and its projection. */
export async function insertDocument(tx: Db, d: OfficialDocument, first: DocumentEvent, now: Date): Promise<void> {
  await tx
    .insertInto('documents')
    .values({ id: d.id, direction: d.direction, agency_id: d.agencyId, created_at: now, ...projection(d) })
    .execute()
  await tx
    .insertInto('document_events')
    .values({ document_id: d.id, seq: 1, event: JSON.stringify(first) })
    .execute()
}

/** Appends one event and moves the projection if the document is still at `expectedVersion`. */
export async function appendDocumentEvent(
  tx: Db,
  d: OfficialDocument,
  event: DocumentEvent,
  expectedVersion: number,
): Promise<boolean> {
  const moved = await tx
    .updateTable('documents')
    .set(projection(d))
    .where('id', '=', d.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  if (moved.numUpdatedRows !== 1n) return false
  await tx
    .insertInto('document_events')
    .values({ document_id: d.id, seq: d.version, event: JSON.stringify(event) })
    .execute()
  return true
}

/** A document's direction and events in order, locked for the caller's transaction when `forUpdate`. */
export async function loadDocumentEvents(
  db: Db,
  id: string,
  forUpdate = false,
): Promise<{ direction: Register; events: DocumentEvent[] } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  let head = db.selectFrom('documents').select('direction').where('id', '=', id)
  if (forUpdate) head = head.forUpdate()
  const row = await head.executeTakeFirst()
  if (row === undefined) return null
  const events = await db
    .selectFrom('document_events')
    .select('event')
    .where('document_id', '=', id)
    .orderBy('seq')
    .execute()
  return { direction: row.direction as Register, events: events.map((e) => e.event) }
}

/** The projection's state of a document, unlocked (reads). */
export async function loadDocument(db: Db, id: string): Promise<OfficialDocument | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const row = await db.selectFrom('documents').select('state').where('id', '=', id).executeTakeFirst()
  return row?.state ?? null
}

/** The raw events of a document, for its trail. */
export async function documentTrail(db: Db, id: string): Promise<DocumentEvent[]> {
  const rows = await db
    .selectFrom('document_events')
    .select('event')
    .where('document_id', '=', id)
    .orderBy('seq')
    .execute()
  return rows.map((r) => r.event)
}

/** What the notation and the heading need of an agency on `today`. */
export type AgencyForDocuments = {
  readonly id: string
  readonly kind: string
  readonly name: string
  readonly parentName: string | null
  readonly province: string
  readonly abbreviation: string | null
  readonly placeName: string | null
}

export async function agencyForDocuments(db: Db, agencyId: string, today: string): Promise<AgencyForDocuments | null> {
  const name = (id: string) =>
    db
      .selectFrom('agency_names')
      .select('name')
      .where('agency_id', '=', id)
      .where('valid_from', '<=', today)
      .orderBy('valid_from', 'desc')
      .limit(1)
  const row = await db
    .selectFrom('agencies as a')
    .innerJoin('provinces as p', 'p.code', 'a.province_code')
    .leftJoin('agency_document_settings as s', 's.agency_id', 'a.id')
    .where('a.id', '=', agencyId)
    .select(['a.id', 'a.kind', 'a.parent_id', 'p.name as province', 's.abbreviation', 's.place_name'])
    .executeTakeFirst()
  if (row === undefined) return null
  const own = await name(row.id).executeTakeFirst()
  const parent = row.parent_id === null ? undefined : await name(row.parent_id).executeTakeFirst()
  return {
    id: row.id,
    kind: row.kind,
    name: own?.name ?? row.id,
    parentName: parent?.name ?? null,
    province: row.province,
    abbreviation: row.abbreviation,
    placeName: row.place_name,
  }
}

/** Whether every id names an agency. */
export async function agenciesExist(db: Db, ids: readonly string[]): Promise<boolean> {
  if (ids.length === 0) return true
  const rows = await db
    .selectFrom('agencies')
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return rows.length === new Set(ids).size
}

/** Whether the user holds `role` at the agency. */
export async function userHolds(db: Db, userId: string, agencyId: string, role: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return false
  const row = await db
    .selectFrom('role_grants')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('agency_id', '=', agencyId)
    .where('role', '=', role)
    .executeTakeFirst()
  return row !== undefined
}

export async function saveDocumentFile(tx: Db, id: string, content: Buffer, sha256: string, now: Date): Promise<void> {
  await tx.insertInto('document_files').values({ document_id: id, sha256, content, created_at: now }).execute()
}

export async function loadDocumentFile(db: Db, id: string): Promise<Buffer | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const row = await db.selectFrom('document_files').select('content').where('document_id', '=', id).executeTakeFirst()
  return row ? Buffer.from(row.content) : null
}

/** One outbox message, in the caller's transaction (the relay delivers it at least once). */
export async function enqueueMessage(tx: Db, topic: string, key: string, payload: unknown, now: Date): Promise<void> {
  await tx
    .insertInto('outbox')
    .values({ topic, message_key: key, payload: JSON.stringify(payload), created_at: now })
    .execute()
}

export type RegisterQuery = {
  readonly agencyId: string
  readonly register: Register
  readonly year: number
  /** Words to find in the notation, subject and sender, with or without diacritics */
  readonly q: string
  readonly limit: number
  readonly offset: number
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Sổ đăng ký văn bản đi / đến: the year's registered documents of an agency by number; `q` matches
 * the folded notation, subject and sender (search_normalize, trigram index).
 */
export async function registerEntries(db: Db, query: RegisterQuery): Promise<OfficialDocument[]> {
  let q = db
    .selectFrom('documents')
    .select('state')
    .where('agency_id', '=', query.agencyId)
    .where('direction', '=', query.register)
    .where('year', '=', query.year)
    .where('register_number', 'is not', null)
  const words = query.q.trim()
  if (words !== '')
    q = q.where(
      sql<boolean>`search_text LIKE '%' || search_normalize(${escapeLike(words)}::text) || '%'`.$castTo<boolean>(),
    )
  const rows = await q.orderBy('register_number').limit(query.limit).offset(query.offset).execute()
  return rows.map((r) => r.state)
}

/** Hộp văn bản: the open documents of these agencies — drafts in progress, incoming not yet finished. */
export async function documentInbox(db: Db, agencyIds: readonly string[]): Promise<OfficialDocument[]> {
  if (agencyIds.length === 0) return []
  const rows = await db
    .selectFrom('documents')
    .select('state')
    .where('agency_id', 'in', agencyIds)
    .where('status', 'not in', ['issued', 'done', 'answered'])
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute()
  return rows.map((r) => r.state)
}

export async function loadPersonalKey(db: Db, userId: string) {
  const row = await db
    .selectFrom('personal_signing_keys')
    .select(['certificate_pem', 'private_key_pem'])
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row ? { certificatePem: row.certificate_pem, privateKeyPem: row.private_key_pem } : null
}

/** Stores a leader's personal key unless one is there (whoever inserted first wins). */
export async function insertPersonalKey(
  db: Db,
  userId: string,
  key: { certificatePem: string; privateKeyPem: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto('personal_signing_keys')
    .values({
      user_id: userId,
      certificate_pem: key.certificatePem,
      private_key_pem: key.privateKeyPem,
      created_at: now,
    })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute()
}

/** Who may handle an incoming document of the agency: its specialists and leaders, by name. */
export async function documentHandlers(
  db: Db,
  agencyId: string,
): Promise<{ userId: string; name: string; role: string }[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .where('g.agency_id', '=', agencyId)
    .where('g.role', 'in', ['specialist', 'leader'])
    .where('u.disabled', '=', false)
    .select(['u.id', 'u.display_name', 'g.role'])
    .orderBy('u.display_name')
    .limit(500)
    .execute()
  return rows.map((r) => ({ userId: r.id, name: r.display_name, role: r.role }))
}
