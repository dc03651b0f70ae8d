import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { appendAudit } from '../audit/audit-log.ts'
import type { Db } from '../database.ts'

/** A declaration saved as the citizen goes: partial data, the form version and the step they were on. */
export type DeclarationDraft = {
  readonly procedureCode: string
  readonly formVersion: number
  readonly data: Record<string, unknown>
  readonly step: string | null
  readonly updatedAt: Date
  readonly expiresAt: Date
}

/** One line of the citizen's list of drafts. */
export type DraftSummary = Omit<DeclarationDraft, 'data'> & { readonly procedureName: string }

/** Who changed a draft, when, and (for a deletion) why. */
export type DraftChange = { readonly at: Date; readonly actor: string }

const subjectOf = (userId: string, procedureCode: string) => `declaration-draft:${userId}:${procedureCode}`

/**
 * What the audit keeps of a draft: its shape and a digest of its stored (jsonb) text, not the data. A draft is personal data the
 * citizen may throw away, saved every few seconds; the log proves what changed without a copy of it.
 */
const auditedShape = (d: { formVersion: number; step: string | null; json: string }) => ({
  formVersion: d.formVersion,
  step: d.step,
  bytes: Buffer.byteLength(d.json),
  sha256: createHash('sha256').update(d.json).digest('hex'),
})

const columns = ['procedure_code', 'form_version', 'data', 'step', 'updated_at', 'expires_at'] as const
const toDraft = (r: {
  procedure_code: string
  form_version: number
  data: Record<string, unknown>
  step: string | null
  updated_at: Date
  expires_at: Date
}): DeclarationDraft => ({
  procedureCode: r.procedure_code,
  formVersion: r.form_version,
  data: r.data,
  step: r.step,
  updatedAt: r.updated_at,
  expiresAt: r.expires_at,
})

/** The user's draft for the procedure, or null when there is none or it expired before `now`. */
export async function findDraft(
  db: Db,
  userId: string,
  procedureCode: string,
  now: Date,
): Promise<DeclarationDraft | null> {
  const row = await db
    .selectFrom('declaration_drafts')
    .select(columns)
    .where('user_id', '=', userId)
    .where('procedure_code', '=', procedureCode)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return row ? toDraft(row) : null
}

/** The user's live drafts, last saved first, each with its procedure's name (latest version). */
export async function listDrafts(db: Db, userId: string, now: Date): Promise<DraftSummary[]> {
  const rows = await db
    .selectFrom('declaration_drafts as d')
    .select(['d.procedure_code', 'd.form_version', 'd.step', 'd.updated_at', 'd.expires_at'])
    .select(
      sql<string>`(SELECT v.name FROM procedure_versions v WHERE v.procedure_code = d.procedure_code
        ORDER BY v.version DESC LIMIT 1)`.as('procedure_name'),
    )
    .where('d.user_id', '=', userId)
    .where('d.expires_at', '>', now)
    .orderBy('d.updated_at', 'desc')
    .execute()
  return rows.map((r) => ({
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    formVersion: r.form_version,
    step: r.step,
    updatedAt: r.updated_at,
    expiresAt: r.expires_at,
  }))
}

/**
 * Saves the user's draft for the procedure, replacing the one before (expired or not), so it lives
 * `ttlDays` from now; audited in the same transaction.
 */
export async function saveDraft(
  db: Db,
  userId: string,
  draft: { procedureCode: string; formVersion: number; data: Record<string, unknown>; step: string | null },
  ttlDays: number,
  change: DraftChange,
): Promise<DeclarationDraft> {
  const expiresAt = new Date(change.at.getTime() + ttlDays * 86_400_000)
  const values = {
    form_version: draft.formVersion,
    data: JSON.stringify(draft.data),
    step: draft.step,
    updated_at: change.at,
  }
  return db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('declaration_drafts')
      .select(['form_version', 'step', sql<string>`data::text`.as('json'), 'expires_at'])
      .where('user_id', '=', userId)
      .where('procedure_code', '=', draft.procedureCode)
      .forUpdate()
      .executeTakeFirst()
    const row = await tx
      .insertInto('declaration_drafts')
      .values({ user_id: userId, procedure_code: draft.procedureCode, ...values, expires_at: expiresAt })
      .onConflict((oc) => oc.columns(['user_id', 'procedure_code']).doUpdateSet({ ...values, expires_at: expiresAt }))
      .returning([...columns, sql<string>`data::text`.as('json')])
      .executeTakeFirstOrThrow()
    await appendAudit(tx, {
      at: change.at,
      actor: change.actor,
      action: before ? 'declaration-draft.replaced' : 'declaration-draft.created',
      subject: subjectOf(userId, draft.procedureCode),
      before: before ? auditedShape({ formVersion: before.form_version, step: before.step, json: before.json }) : null,
      after: auditedShape({ formVersion: row.form_version, step: row.step, json: row.json }),
    })
    return toDraft(row)
  })
}

/**
 * Deletes the user's draft for the procedure (the citizen discards it, or submitted the dossier it
 * became), audited with `action`; true when there was one. Pass a transaction as `db` to delete it
 * with the submission.
 */
export async function deleteDraft(
  db: Db,
  userId: string,
  procedureCode: string,
  change: DraftChange & { readonly reason: 'discarded' | 'submitted' },
): Promise<boolean> {
  const run = async (tx: Db) => {
    const gone = await tx
      .deleteFrom('declaration_drafts')
      .where('user_id', '=', userId)
      .where('procedure_code', '=', procedureCode)
      .returning(['form_version', 'step', sql<string>`data::text`.as('json')])
      .executeTakeFirst()
    if (!gone) return false
    await appendAudit(tx, {
      at: change.at,
      actor: change.actor,
      action: `declaration-draft.${change.reason}`,
      subject: subjectOf(userId, procedureCode),
      before: auditedShape({ formVersion: gone.form_version, step: gone.step, json: gone.json }),
      after: null,
    })
    return true
  }
  return db.isTransaction ? run(db) : db.transaction().execute(run)
}

/**
 * The drafts that became dossiers in one batch (the portal intake's page), each deletion audited as
 * submitted by its citizen, in the caller's transaction: one statement when none had a draft.
 */
export async function deleteSubmittedDrafts(
  tx: Db,
  submitted: readonly { readonly userId: string; readonly procedureCode: string }[],
  at: Date,
): Promise<void> {
  if (submitted.length === 0) return
  const gone = await tx
    .deleteFrom('declaration_drafts')
    .where((eb) =>
      eb.or(submitted.map((d) => eb.and([eb('user_id', '=', d.userId), eb('procedure_code', '=', d.procedureCode)]))),
    )
    .returning(['user_id', 'procedure_code', 'form_version', 'step', sql<string>`data::text`.as('json')])
    .execute()
  for (const g of gone)
    await appendAudit(tx, {
      at,
      actor: g.user_id,
      action: 'declaration-draft.submitted',
      subject: subjectOf(g.user_id, g.procedure_code),
      before: auditedShape({ formVersion: g.form_version, step: g.step, json: g.json }),
      after: null,
    })
}

/**
 * Deletes every draft that expired before `now`, each audited as purged by the system, in one
 * statement; returns how many went.
 */
export async function purgeExpiredDrafts(db: Db, now: Date): Promise<number> {
  const result = await sql<{ n: number }>`
    WITH gone AS (
      DELETE FROM declaration_drafts WHERE expires_at <= ${now}
      RETURNING user_id, procedure_code, form_version, step, expires_at, octet_length(data::text) AS bytes,
        encode(sha256(convert_to(data::text, 'UTF8')), 'hex') AS sha256
    ), logged AS (
      INSERT INTO audit_log (at, actor, action, subject, before, after)
      SELECT ${now}, 'system', 'declaration-draft.purged', 'declaration-draft:' || user_id || ':' || procedure_code,
        jsonb_build_object('formVersion', form_version, 'step', step, 'bytes', bytes, 'sha256', sha256,
          'expiresAt', expires_at), NULL
      FROM gone
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM logged`.execute(db)
  return result.rows[0]?.n ?? 0
}
