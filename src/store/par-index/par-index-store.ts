import type { AssessmentEvent, ParRound, RoundEvent, UnitAssessment } from '../../domain/par-index/round.ts'
import type { Db } from '../database.ts'

/** Writes a new round, its opening event and an empty assessment for each of its units. */
export async function insertRound(tx: Db, round: ParRound, opened: RoundEvent, assessments: readonly UnitAssessment[]) {
  await tx
    .insertInto('par_rounds')
    .values({
      id: round.id,
      year: round.year,
      unit_kind: round.criteriaSet.unitKind,
      status: round.status,
      state: JSON.stringify(round),
      version: round.version,
    })
    .execute()
  await tx
    .insertInto('par_round_events')
    .values({ round_id: round.id, seq: 1, event: JSON.stringify(opened) })
    .execute()
  if (assessments.length > 0)
    await tx
      .insertInto('par_assessments')
      .values(
        assessments.map((a) => ({ round_id: a.roundId, unit_id: a.unitId, state: JSON.stringify(a), version: 0 })),
      )
      .execute()
}

/** Whether a round of this year and kind exists already. */
export async function roundExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('par_rounds').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}

/** A round's events in order, the round locked for the caller's transaction when `forUpdate`. */
export async function loadRoundEvents(db: Db, id: string, forUpdate = false): Promise<RoundEvent[]> {
  let head = db.selectFrom('par_rounds').select('id').where('id', '=', id)
  if (forUpdate) head = head.forUpdate()
  if ((await head.executeTakeFirst()) === undefined) return []
  const rows = await db
    .selectFrom('par_round_events')
    .select('event')
    .where('round_id', '=', id)
    .orderBy('seq')
    .execute()
  return rows.map((r) => r.event)
}

/** A round as projected; null when there is none. */
export async function loadRound(db: Db, id: string): Promise<ParRound | null> {
  const row = await db.selectFrom('par_rounds').select('state').where('id', '=', id).executeTakeFirst()
  return row?.state ?? null
}

/** The round of a year and kind, as projected; null when there is none. */
export async function roundOf(db: Db, year: number, unitKind: string): Promise<ParRound | null> {
  const row = await db
    .selectFrom('par_rounds')
    .select('state')
    .where('year', '=', year)
    .where('unit_kind', '=', unitKind)
    .executeTakeFirst()
  return row?.state ?? null
}

/** Every round, newest year first. */
export async function listRounds(db: Db): Promise<ParRound[]> {
  const rows = await db.selectFrom('par_rounds').select('state').orderBy('year', 'desc').orderBy('unit_kind').execute()
  return rows.map((r) => r.state)
}

/** Appends a round event and moves its projection, only from `expectedVersion`; false when moved first. */
export async function appendRoundEvent(tx: Db, round: ParRound, event: RoundEvent, expectedVersion: number) {
  const moved = await tx
    .updateTable('par_rounds')
    .set({ status: round.status, state: JSON.stringify(round), version: round.version })
    .where('id', '=', round.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  if (moved.numUpdatedRows !== 1n) return false
  await tx
    .insertInto('par_round_events')
    .values({ round_id: round.id, seq: round.version, event: JSON.stringify(event) })
    .execute()
  return true
}

/** One unit's assessment, locked for the caller's transaction when `forUpdate`; null when not in the round. */
export async function loadAssessment(db: Db, roundId: string, unitId: string, forUpdate = false) {
  let q = db.selectFrom('par_assessments').select('state').where('round_id', '=', roundId).where('unit_id', '=', unitId)
  if (forUpdate) q = q.forUpdate()
  return (await q.executeTakeFirst())?.state ?? null
}

/** Every unit's assessment in a round. */
export async function roundAssessments(db: Db, roundId: string): Promise<UnitAssessment[]> {
  const rows = await db.selectFrom('par_assessments').select('state').where('round_id', '=', roundId).execute()
  return rows.map((r) => r.state)
}

/** Appends an assessment event and moves its projection, only from `expectedVersion`. */
export async function appendAssessmentEvent(
  tx: Db,
  a: UnitAssessment,
  event: AssessmentEvent,
  expectedVersion: number,
) {
  const moved = await tx
    .updateTable('par_assessments')
    .set({ state: JSON.stringify(a), version: a.version })
    .where('round_id', '=', a.roundId)
    .where('unit_id', '=', a.unitId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  if (moved.numUpdatedRows !== 1n) return false
  await tx
    .insertInto('par_assessment_events')
    .values({ round_id: a.roundId, unit_id: a.unitId, seq: a.version, event: JSON.stringify(event) })
    .execute()
  return true
}

export type EvidenceRow = {
  readonly sha256: string
  readonly name: string | null
  readonly mediaType: string
  readonly size: number
  readonly uploadedBy: string
  readonly uploadedAt: Date
}

/** Records a unit's evidence file once (the same content again changes nothing); true when new. */
export async function recordEvidence(tx: Db, roundId: string, unitId: string, e: EvidenceRow): Promise<boolean> {
  const inserted = await tx
    .insertInto('par_evidence')
    .values({
      round_id: roundId,
      unit_id: unitId,
      sha256: e.sha256,
      name: e.name,
      media_type: e.mediaType,
      size: e.size,
      uploaded_by: e.uploadedBy,
      uploaded_at: e.uploadedAt,
    })
    .onConflict((oc) => oc.columns(['round_id', 'unit_id', 'sha256']).doNothing())
    .returning('sha256')
    .executeTakeFirst()
  return inserted !== undefined
}

/** The evidence files a unit uploaded in a round, oldest first. */
export async function evidenceOf(db: Db, roundId: string, unitId: string): Promise<EvidenceRow[]> {
  const rows = await db
    .selectFrom('par_evidence')
    .select(['sha256', 'name', 'media_type', 'size', 'uploaded_by', 'uploaded_at'])
    .where('round_id', '=', roundId)
    .where('unit_id', '=', unitId)
    .orderBy('uploaded_at')
    .orderBy('sha256')
    .execute()
  return rows.map((r) => ({
    sha256: r.sha256,
    name: r.name,
    mediaType: r.media_type,
    size: r.size,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
  }))
}

/** The units of a kind with their names in force on `day` ('department' or 'commune_committee' agencies). */
export async function unitsOfKind(db: Db, agencyKind: string, day: string): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom('agencies')
    .innerJoin('agency_names', 'agency_names.agency_id', 'agencies.id')
    .select(['agencies.id', 'agency_names.name'])
    .where('agencies.kind', '=', agencyKind)
    .where('agency_names.valid_from', '<=', day)
    .where((eb) => eb.or([eb('agency_names.valid_to', 'is', null), eb('agency_names.valid_to', '>=', day)]))
    .orderBy('agencies.id')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name }))
}

/** Which of these account ids exist. */
export async function existingUsers(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id))
  if (uuids.length === 0) return new Set()
  const rows = await db.selectFrom('users').select('id').where('id', 'in', uuids).execute()
  return new Set(rows.map((r) => r.id))
}

/** Officer accounts the provincial administrator may name to a council: id, name, username, agencies. */
export async function officerAccounts(
  db: Db,
): Promise<{ id: string; name: string; username: string | null; agencies: string[] }[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('role_grants', 'role_grants.user_id', 'users.id')
    .select(['users.id', 'users.display_name', 'users.username', 'role_grants.agency_id'])
    .where('users.kind', '=', 'officer')
    .orderBy('users.display_name')
    .orderBy('users.id')
    .orderBy('role_grants.agency_id')
    .execute()
  const accounts = new Map<string, { id: string; name: string; username: string | null; agencies: string[] }>()
  for (const r of rows) {
    const a = accounts.get(r.id) ?? { id: r.id, name: r.display_name, username: r.username, agencies: [] }
    if (!a.agencies.includes(r.agency_id)) a.agencies.push(r.agency_id)
    accounts.set(r.id, a)
  }
  return [...accounts.values()]
}

/** How many evidence files each unit of a round has uploaded. */
export async function evidenceCounts(db: Db, roundId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('par_evidence')
    .select(['unit_id', (eb) => eb.fn.countAll<string>().as('files')])
    .where('round_id', '=', roundId)
    .groupBy('unit_id')
    .execute()
  return new Map(rows.map((r) => [r.unit_id, Number(r.files)]))
}
