import { sql } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import type { Db } from '../database.ts'
import type { StoredAttachmentRow } from '../schema.ts'

export type { StoredAttachmentRow }

/** Where an intake stands (migration 0024): received → fetched → created, or rejected. */
export type IntakeState = 'received' | 'fetched' | 'created' | 'rejected'
export type IntakeVia = 'push' | 'pull'

export type IntakeRow = {
  readonly nationalId: string
  readonly state: IntakeState
  readonly submission: Record<string, unknown>
  readonly attachments: readonly StoredAttachmentRow[] | null
  readonly dossierId: string | null
  readonly reason: string | null
}

type Raw = {
  national_id: string
  state: IntakeState
  submission: Record<string, unknown>
  attachments: StoredAttachmentRow[] | null
  dossier_id: string | null
  reason: string | null
}
const rowOf = (r: Raw): IntakeRow => ({
  nationalId: r.national_id,
  state: r.state,
  submission: r.submission,
  attachments: r.attachments,
  dossierId: r.dossier_id,
  reason: r.reason,
})
const columns = ['national_id', 'state', 'submission', 'attachments', 'dossier_id', 'reason'] as const

export async function findIntake(
  db: Db,
  nationalId: string,
  options: { lock?: boolean } = {},
): Promise<IntakeRow | null> {
  let q = db.selectFrom('portal_intakes').select(columns).where('national_id', '=', nationalId)
  if (options.lock) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  return row ? rowOf(row) : null
}

/**
 * Records a national dossier as received, once: a second delivery of the same `MaHoSoQuocGia` keeps
 * the first submission and gets the intake as it stands. `fresh` says whether this call created it.
 */
export async function recordReceived(
  db: Db,
  intake: { nationalId: string; via: IntakeVia; submission: Record<string, unknown>; at: Date },
): Promise<{ readonly fresh: boolean; readonly intake: IntakeRow }> {
  const inserted = await db
    .insertInto('portal_intakes')
    .values({
      national_id: intake.nationalId,
      state: 'received',
      received_via: intake.via,
      submission: JSON.stringify(intake.submission),
      received_at: intake.at,
      updated_at: intake.at,
    })
    .onConflict((oc) => oc.column('national_id').doNothing())
    .returning(columns)
    .executeTakeFirst()
  if (inserted) return { fresh: true, intake: rowOf(inserted) }
  const existing = await findIntake(db, intake.nationalId)
  if (!existing) throw new Error(`intake ${intake.nationalId} vanished`)
  return { fresh: false, intake: existing }
}

/**
 * `recordReceived` for a page (two statements at most): each national dossier recorded once, the
 * intakes of the page as they stand, keyed by national id, with the ones this call created `fresh`.
 */
export async function recordReceivedMany(
  db: Db,
  intakes: readonly { nationalId: string; submission: Record<string, unknown> }[],
  via: IntakeVia,
  at: Date,
): Promise<Map<string, { readonly fresh: boolean; readonly intake: IntakeRow }>> {
  const found = new Map<string, { fresh: boolean; intake: IntakeRow }>()
  if (intakes.length === 0) return found
  const inserted = await db
    .insertInto('portal_intakes')
    .values(
      intakes.map((i) => ({
        national_id: i.nationalId,
        state: 'received' as const,
        received_via: via,
        submission: JSON.stringify(i.submission),
        received_at: at,
        updated_at: at,
      })),
    )
    .onConflict((oc) => oc.column('national_id').doNothing())
    .returning(columns)
    .execute()
  for (const row of inserted) found.set(row.national_id, { fresh: true, intake: rowOf(row) })
  const known = intakes.map((i) => i.nationalId).filter((id) => !found.has(id))
  if (known.length > 0)
    for (const row of await db.selectFrom('portal_intakes').select(columns).where('national_id', 'in', known).execute())
      found.set(row.national_id, { fresh: false, intake: rowOf(row) })
  return found
}

/** A page's intakes locked for its creation, in national-id order (so two lockers cannot deadlock). */
export async function lockIntakes(tx: Db, nationalIds: readonly string[]): Promise<IntakeRow[]> {
  const rows = await tx
    .selectFrom('portal_intakes')
    .select(columns)
    .where('national_id', 'in', [...nationalIds])
    .orderBy('national_id')
    .forUpdate()
    .execute()
  return rows.map(rowOf)
}

/**
 * The attachments are stored but the dossier could not be created now: the intake moves to fetched
 * (only from received), so a later round creates it without fetching again.
 */
export async function recordFetched(db: Db, nationalId: string, attachments: readonly StoredAttachmentRow[], at: Date) {
  await db
    .updateTable('portal_intakes')
    .set({ state: 'fetched', attachments: JSON.stringify(attachments), updated_at: at })
    .where('national_id', '=', nationalId)
    .where('state', '=', 'received')
    .execute()
}

/** Who changes an intake in the audit log: the platform's delivery, not a person. */
const intakeActor = 'system:national-portal-intake'

/** The outbox topic of rejected intakes, each to be reported to the platform (one message per national id). */
export const intakeRejectedTopic = 'portal-intake.rejected'

/**
 * The intake ends refused with its reason (only before its dossier exists), audited, and its report
 * to the platform queued in the outbox in the same transaction, so the refusal is told at least once.
 * The payload carries the dossier fields other consumers read (null) beside the national id.
 */
export async function recordRejected(db: Db, nationalId: string, reason: string, detail: string | null, at: Date) {
  await db.transaction().execute(async (tx) => {
    const changed = await tx
      .updateTable('portal_intakes')
      .set({ state: 'rejected', reason, detail, updated_at: at })
      .where('national_id', '=', nationalId)
      .where('state', 'in', ['received', 'fetched'])
      .returning('national_id')
      .executeTakeFirst()
    if (!changed) return
    await appendAudit(tx, {
      at,
      actor: intakeActor,
      action: 'portal-intake.rejected',
      subject: nationalId,
      before: null,
      after: { reason, detail },
    })
    const payload = { dossierId: null, code: null, nationalId, event: { type: 'portal-intake-rejected' } }
    await sql`INSERT INTO outbox (topic, message_key, payload, created_at)
      VALUES (${intakeRejectedTopic}, ${`portal-intake:${nationalId}`}, ${JSON.stringify(payload)}::jsonb, ${at})`.execute(
      tx,
    )
  })
}

/** A rejected intake as reported to the platform: its reason, when, and whether the platform took it. */
export async function rejectedIntake(
  db: Db,
  nationalId: string,
): Promise<{ reason: string; rejectedAt: Date; reported: boolean } | null> {
  const row = await db
    .selectFrom('portal_intakes')
    .select(['reason', 'updated_at', 'refusal_reported_at'])
    .where('national_id', '=', nationalId)
    .where('state', '=', 'rejected')
    .executeTakeFirst()
  return row
    ? { reason: row.reason ?? 'refused', rejectedAt: row.updated_at, reported: row.refusal_reported_at !== null }
    : null
}

export async function recordRefusalReported(db: Db, nationalId: string, at: Date) {
  await db
    .updateTable('portal_intakes')
    .set({ refusal_reported_at: at })
    .where('national_id', '=', nationalId)
    .where('refusal_reported_at', 'is', null)
    .execute()
}

/** A step failed for now (the platform was unavailable): counted, and left for a later round. */
export async function recordAttempt(db: Db, nationalId: string, detail: string, at: Date) {
  await db
    .updateTable('portal_intakes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), detail, updated_at: at }))
    .where('national_id', '=', nationalId)
    .where('state', 'in', ['received', 'fetched'])
    .execute()
}

/** A created intake: its dossier, the files linked to it and who they count as uploaded by. */
export type CreatedIntake = {
  readonly nationalId: string
  readonly dossierId: string
  readonly attachments: readonly StoredAttachmentRow[]
  readonly uploadedBy: string
}

/**
 * The dossier exists: in the transaction that created it, with its files linked (and recorded on the
 * intake), audited. One
 * statement (files, links, audit entry and the intake's new state), so an intake costs one round
 * trip here whatever its attachments; the links' check on their files runs at the statement's end.
 */
export async function recordCreated(tx: Db, intake: CreatedIntake & { at: Date }) {
  await recordCreatedMany(tx, [intake], intake.at)
}

/** `recordCreated` for a page of intakes, still one statement: an audit entry for each intake. */
export async function recordCreatedMany(tx: Db, intakes: readonly CreatedIntake[], at: Date) {
  if (intakes.length === 0) return
  const files = JSON.stringify(
    intakes.flatMap((i) => i.attachments.map((a) => ({ ...a, dossierId: i.dossierId, uploadedBy: i.uploadedBy }))),
  )
  const created = JSON.stringify(
    intakes.map((i) => ({
      nationalId: i.nationalId,
      dossierId: i.dossierId,
      attachments: i.attachments,
      audit: { dossierId: i.dossierId, files: i.attachments.map((a) => a.sha256) },
    })),
  )
  await sql`
    WITH attachment AS (
      SELECT * FROM jsonb_to_recordset(${files}::jsonb)
        AS a (name text, sha256 text, size bigint, "mediaType" text, "dossierId" uuid, "uploadedBy" text)
    ), intake AS (
      SELECT * FROM jsonb_to_recordset(${created}::jsonb)
        AS i ("nationalId" text, "dossierId" uuid, attachments jsonb, audit jsonb)
    ), stored AS (
      INSERT INTO files (sha256, size, media_type, storage_key, created_at)
      SELECT DISTINCT ON (sha256) sha256, size, "mediaType", sha256, ${at}::timestamptz FROM attachment
      ON CONFLICT (sha256) DO NOTHING
    ), linked AS (
      INSERT INTO dossier_files (dossier_id, sha256, component_name, original_name, uploaded_by, uploaded_at)
      SELECT DISTINCT "dossierId", sha256, name, NULL::text, "uploadedBy", ${at}::timestamptz
      FROM attachment
      ON CONFLICT (dossier_id, sha256, component_name) DO NOTHING
    ), audited AS (
      INSERT INTO audit_log (at, actor, action, subject, before, after)
      SELECT ${at}::timestamptz, ${intakeActor}, 'portal-intake.created', "nationalId", NULL::jsonb, audit FROM intake
    )
    UPDATE portal_intakes SET state = 'created', dossier_id = intake."dossierId", attachments = intake.attachments,
      detail = NULL, updated_at = ${at}
    FROM intake WHERE portal_intakes.national_id = intake."nationalId"`.execute(tx)
}

/** Intakes left unfinished (a crash, an unavailable platform) and not touched for `idleMs`: for a later round. */
export async function unfinishedIntakes(db: Db, now: Date, idleMs: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('portal_intakes')
    .select('national_id')
    .where('state', 'in', ['received', 'fetched'])
    .where('updated_at', '<=', new Date(now.getTime() - idleMs))
    .orderBy('updated_at')
    .limit(limit)
    .execute()
  return rows.map((r) => r.national_id)
}

/** A delivery refused before it could be trusted (no intake row: its body may claim anything). */
export async function recordRefusal(
  db: Db,
  refusal: { via: IntakeVia; claimedNationalId: string | null; reason: string; detail: string | null; at: Date },
) {
  await db
    .insertInto('portal_intake_refusals')
    .values({
      received_via: refusal.via,
      claimed_national_id: refusal.claimedNationalId,
      reason: refusal.reason,
      detail: refusal.detail,
      at: refusal.at,
    })
    .execute()
}

/** The intake that created `dossierId`, for the acknowledgement to the platform. */
export async function intakeOfDossier(
  db: Db,
  dossierId: string,
): Promise<{ nationalId: string; acknowledged: boolean } | null> {
  const row = await db
    .selectFrom('portal_intakes')
    .select(['national_id', 'acknowledged_at'])
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst()
  return row ? { nationalId: row.national_id, acknowledged: row.acknowledged_at !== null } : null
}

export async function recordAcknowledged(db: Db, nationalId: string, at: Date) {
  await db
    .updateTable('portal_intakes')
    .set({ acknowledged_at: at })
    .where('national_id', '=', nationalId)
    .where('acknowledged_at', 'is', null)
    .execute()
}

/**
 * Takes the pull cursor's lease for `holder` until `now + leaseMs`, when it is free, expired or already
 * the holder's; the cursor then, or null when another instance holds it.
 */
export async function leaseCursor(
  db: Db,
  holder: string,
  now: Date,
  leaseMs: number,
): Promise<{ readonly cursor: string | null } | null> {
  const row = await sql<{ cursor: string | null }>`
    UPDATE portal_intake_cursor SET leased_by = ${holder}, lease_until = ${new Date(now.getTime() + leaseMs)}
    WHERE id = 1 AND (leased_by IS NULL OR leased_by = ${holder} OR lease_until < ${now})
    RETURNING cursor`.execute(db)
  const first = row.rows[0]
  return first ? { cursor: first.cursor } : null
}

/** Moves the cursor on, only while `holder` still holds the lease; false when it was lost. */
export async function advanceCursor(db: Db, holder: string, cursor: string | null): Promise<boolean> {
  const result = await db
    .updateTable('portal_intake_cursor')
    .set({ cursor })
    .where('id', '=', 1)
    .where('leased_by', '=', holder)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function releaseCursor(db: Db, holder: string) {
  await db
    .updateTable('portal_intake_cursor')
    .set({ leased_by: null, lease_until: null })
    .where('id', '=', 1)
    .where('leased_by', '=', holder)
    .execute()
}

/** The local procedure whose national code (MaTTHC) is `nationalCode`, or null. */
export async function procedureOfNationalCode(db: Db, nationalCode: string): Promise<string | null> {
  const row = await db
    .selectFrom('procedures')
    .select('code')
    .where((eb) => eb.or([eb('national_code', '=', nationalCode), eb('code', '=', nationalCode)]))
    .orderBy(sql`national_code = ${nationalCode}`, 'desc')
    .executeTakeFirst()
  return row?.code ?? null
}

/** The agency whose QCVN 102 code is `code` on `day` (YYYY-MM-DD), or null. */
export async function agencyOfCode(db: Db, code: string, day: string): Promise<string | null> {
  const row = await db
    .selectFrom('agency_codes')
    .select('agency_id')
    .where('code', '=', code)
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
    .executeTakeFirst()
  return row?.agency_id ?? null
}
