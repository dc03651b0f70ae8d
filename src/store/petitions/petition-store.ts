import { sql } from 'kysely'
import { localDate } from '../../domain/calendar/local-time.ts'
import type { FollowUp } from '../../domain/petitions/indicators.ts'
import type { Petition, PetitionEvent } from '../../domain/petitions/petition.ts'
import { formatPetitionCode } from '../../domain/petitions/petition-code.ts'
import type { PetitionClosingEvent } from '../../domain/petitions/portal-report.ts'
import { foldForSearch } from '../../domain/petitions/search-text.ts'
import type { Db } from '../database.ts'

/** The day's next petition code, in the caller's transaction: a rollback returns the number. */
export async function allocatePetitionCode(tx: Db, now: Date): Promise<string> {
  const day = localDate(now)
  const row = await tx
    .insertInto('petition_code_counters')
    .values({ day, last: 1 })
    .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`petition_code_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow()
  return formatPetitionCode(day, row.last)
}

const projection = (p: Petition, dueAt: string | null) => ({
  status: p.status,
  agency_id: p.agencyId,
  category: p.category,
  due_at: dueAt,
  answered_at: p.answeredAt,
  finished_at: p.refusedAt ?? p.answeredAt,
  published_at: p.publishedAt,
  dossier_code: p.dossierCode,
  follows_up: p.followsUp,
  search_text: foldForSearch([p.code, p.title, p.content, p.answer ?? ''].join(' ')),
  state: JSON.stringify(p),
  version: p.version,
})

/** Writes a new petition, its reception event and its projection. */
export async function insertPetition(
  tx: Db,
  p: Petition,
  received: PetitionEvent,
  dueAt: string | null,
  externalId: string | null,
): Promise<void> {
  await tx
    .insertInto('petitions')
    .values({
      code: p.code,
      external_id: externalId,
      channel: p.channel,
      receiving_agency_id: p.receivingAgencyId,
      owner_user_id: p.ownerUserId,
      received_at: p.receivedAt,
      ...projection(p, dueAt),
    })
    .execute()
  await tx
    .insertInto('petition_events')
    .values({ code: p.code, seq: 1, event: JSON.stringify(received) })
    .execute()
}

/**
 * Appends one event and moves the projection, only if the petition is still at `expectedVersion`:
 * false when someone else moved it first (nothing written).
 */
export async function appendPetitionEvent(
  tx: Db,
  p: Petition,
  event: PetitionEvent,
  expectedVersion: number,
  dueAt: string | null,
): Promise<boolean> {
  const moved = await tx
    .updateTable('petitions')
    .set(projection(p, dueAt))
    .where('code', '=', p.code)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  if (moved.numUpdatedRows !== 1n) return false
  await tx
    .insertInto('petition_events')
    .values({ code: p.code, seq: p.version, event: JSON.stringify(event) })
    .execute()
  return true
}

/** A petition's events in order, locked for the caller's transaction when `forUpdate`. */
export async function loadPetitionEvents(db: Db, code: string, forUpdate = false): Promise<PetitionEvent[]> {
  let head = db.selectFrom('petitions').select('code').where('code', '=', code)
  if (forUpdate) head = head.forUpdate()
  if ((await head.executeTakeFirst()) === undefined) return []
  const rows = await db.selectFrom('petition_events').select('event').where('code', '=', code).orderBy('seq').execute()
  return rows.map((r) => r.event)
}

/** The petition coded `code` as it stands, or null when none has that code. */
export async function petitionByCode(db: Db, code: string): Promise<Petition | null> {
  const row = await db.selectFrom('petitions').select('state').where('code', '=', code).executeTakeFirst()
  return row?.state ?? null
}

/** The code of the petition received from the national portal under `externalId`, if any. */
export async function petitionCodeByExternalId(db: Db, externalId: string): Promise<string | null> {
  const row = await db.selectFrom('petitions').select('code').where('external_id', '=', externalId).executeTakeFirst()
  return row?.code ?? null
}

/** Hàng đợi: open petitions held by these agencies, the soonest due first. */
export async function petitionQueue(
  db: Db,
  agencyIds: readonly string[],
): Promise<{ petition: Petition; dueAt: Date | null }[]> {
  if (agencyIds.length === 0) return []
  const rows = await db
    .selectFrom('petitions')
    .select(['state', 'due_at'])
    .where('agency_id', 'in', agencyIds)
    .where('status', 'not in', ['refused', 'answered'])
    .orderBy('due_at')
    .orderBy('code')
    .limit(500)
    .execute()
  return rows.map((r) => ({ petition: r.state, dueAt: r.due_at }))
}

/** Của tôi: the petitions an account sent, newest first. */
export async function petitionsOfOwner(db: Db, userId: string): Promise<{ petition: Petition; dueAt: Date | null }[]> {
  const rows = await db
    .selectFrom('petitions')
    .select(['state', 'due_at'])
    .where('owner_user_id', '=', userId)
    .orderBy('received_at', 'desc')
    .orderBy('code', 'desc')
    .limit(200)
    .execute()
  return rows.map((r) => ({ petition: r.state, dueAt: r.due_at }))
}

/** Công khai kết quả: answered petitions the petitioner agreed to publish, newest first; `query` is folded. */
export async function publishedPetitions(db: Db, query: string, limit: number): Promise<Petition[]> {
  let q = db.selectFrom('petitions').select('state').where('published_at', 'is not', null)
  const folded = foldForSearch(query.trim())
  if (folded !== '') q = q.where('search_text', 'like', `%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
  const rows = await q.orderBy('published_at', 'desc').orderBy('code').limit(limit).execute()
  return rows.map((r) => r.state)
}

/**
 * Petitions a period's group-5 indicators look at: received before its end and not finished (refused
 * or answered) before its start.
 */
export async function petitionsOfPeriod(db: Db, from: Date, to: Date, agencyId: string | null): Promise<Petition[]> {
  let q = db
    .selectFrom('petitions')
    .select('state')
    .where('received_at', '<', to)
    .where((eb) => eb.or([eb('finished_at', 'is', null), eb('finished_at', '>=', from)]))
  if (agencyId !== null) q = q.where('agency_id', '=', agencyId)
  return (await q.execute()).map((r) => r.state)
}

/** Petitions received before `to` that follow up an earlier one, of every agency (5.3). */
export async function followUpsBefore(db: Db, to: Date): Promise<FollowUp[]> {
  const rows = await db
    .selectFrom('petitions')
    .select(['follows_up', 'received_at'])
    .where('follows_up', 'is not', null)
    .where('received_at', '<', to)
    .execute()
  return rows.map((r) => ({ followsUp: r.follows_up as string, receivedAt: new Date(r.received_at).toISOString() }))
}

/**
 * The outbox message telling the national portal how its petition ended, in the caller's transaction
 * (relay consumer `national-portal-petitions`). Keyed by the petition, so its messages go in order;
 * `dossierId` is null: the message concerns no dossier (dossier consumers pass it by).
 */
export async function enqueuePetitionReport(tx: Db, p: Petition, event: PetitionClosingEvent): Promise<void> {
  await tx
    .insertInto('outbox')
    .values({
      topic: `petition.${event.type}`,
      message_key: `petition:${p.code}`,
      payload: JSON.stringify({ dossierId: null, code: p.code, seq: p.version, status: p.status, event }),
      created_at: new Date(event.at),
    })
    .execute()
}

/** The national portal's id of a petition, or null when it did not come from there. */
export async function portalIdOfPetition(db: Db, code: string): Promise<string | null> {
  const row = await db.selectFrom('petitions').select('external_id').where('code', '=', code).executeTakeFirst()
  return row?.external_id ?? null
}

/** The id of a received dossier by its code, locked for the caller's transaction; null when none. */
export async function lockDossierByCode(tx: Db, code: string): Promise<string | null> {
  const row = await tx.selectFrom('dossiers').select('id').where('code', '=', code).forUpdate().executeTakeFirst()
  return row?.id ?? null
}

/** Whether an agency with this id exists. */
export async function agencyExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('agencies').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}
