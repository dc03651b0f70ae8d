import { sql } from 'kysely'
import { Compile } from 'typebox/compile'
import { changedVersion, dayBefore, newProcedureVersion } from '../../domain/catalog/catalogue-change.ts'
import type { CatalogueChange, FieldChange } from '../../domain/catalog/catalogue-diff.ts'
import { SyncedProcedure } from '../../domain/catalog/national-procedure.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Db } from '../database.ts'
import { stepRows, versionFromRow, versionRow } from './version-row.ts'

export type BadRecordRow = { readonly code: string | null; readonly reason: string }

export type NewChangeSet = {
  readonly baseRevision: number
  readonly sourceUrl: string
  readonly fetched: number
  readonly bad: readonly BadRecordRow[]
  readonly changes: readonly CatalogueChange[]
  readonly by: string
  readonly at: Date
}

export type ChangeSetStatus = 'pending' | 'approved' | 'rejected'

export type ChangeSetSummary = {
  readonly id: number
  readonly status: ChangeSetStatus
  readonly baseRevision: number
  readonly sourceUrl: string
  readonly fetched: number
  readonly counts: { readonly new: number; readonly changed: number; readonly repealed: number; readonly bad: number }
  readonly createdAt: string
  readonly createdBy: string
  readonly decidedAt: string | null
  readonly decidedBy: string | null
  readonly effectiveFrom: string | null
}

export type ChangeItem = {
  readonly seq: number
  readonly code: string
  readonly kind: 'new' | 'changed' | 'repealed'
  readonly baseVersion: number | null
  readonly name: string
  readonly repealedOn: string | null
  readonly changes: FieldChange[]
}

export type ChangeSetDetail = ChangeSetSummary & {
  readonly items: ChangeItem[]
  readonly badRecords: BadRecordRow[]
}

/** Stores a sync run's diff as a change set awaiting review, audited; returns its id. */
export async function createChangeSet(db: Db, set: NewChangeSet): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('catalogue_change_sets')
      .values({
        base_revision: set.baseRevision,
        source_url: set.sourceUrl,
        fetched: set.fetched,
        bad_records: JSON.stringify(set.bad),
        created_at: set.at,
        created_by: set.by,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (set.changes.length > 0)
      await tx
        .insertInto('catalogue_change_items')
        .values(
          set.changes.map((c, i) => ({
            change_set_id: id,
            seq: i + 1,
            procedure_code: c.code,
            kind: c.kind,
            base_version: c.kind === 'new' ? null : c.baseVersion,
            changes: JSON.stringify(c.kind === 'changed' ? c.changes : []),
            procedure: JSON.stringify(c.procedure),
          })),
        )
        .execute()
    await appendAudit(tx, {
      at: set.at,
      actor: set.by,
      action: 'catalogue-change-set.created',
      subject: `catalogue-change-set:${id}`,
      before: null,
      after: { baseRevision: set.baseRevision, fetched: set.fetched, items: set.changes.length, bad: set.bad.length },
    })
    return id
  })
}

const syncedCheck = Compile(SyncedProcedure)

const counted = sql<number>`count(*)::int`

function summaryQuery(db: Db) {
  return db
    .selectFrom('catalogue_change_sets as s')
    .selectAll('s')
    .select((eb) => [
      eb
        .selectFrom('catalogue_change_items as i')
        .select(counted.as('n'))
        .whereRef('i.change_set_id', '=', 's.id')
        .where('i.kind', '=', 'new')
        .as('new_count'),
      eb
        .selectFrom('catalogue_change_items as i')
        .select(counted.as('n'))
        .whereRef('i.change_set_id', '=', 's.id')
        .where('i.kind', '=', 'changed')
        .as('changed_count'),
      eb
        .selectFrom('catalogue_change_items as i')
        .select(counted.as('n'))
        .whereRef('i.change_set_id', '=', 's.id')
        .where('i.kind', '=', 'repealed')
        .as('repealed_count'),
    ])
}
type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>

const toSummary = (r: SummaryRow): ChangeSetSummary => ({
  id: r.id,
  status: r.status,
  baseRevision: r.base_revision,
  sourceUrl: r.source_url,
  fetched: r.fetched,
  counts: {
    new: r.new_count ?? 0,
    changed: r.changed_count ?? 0,
    repealed: r.repealed_count ?? 0,
    bad: r.bad_records.length,
  },
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
  decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
  decidedBy: r.decided_by,
  effectiveFrom: r.effective_from,
})

/** Change sets, newest first. */
export async function listChangeSets(db: Db, limit = 50): Promise<ChangeSetSummary[]> {
  return (await summaryQuery(db).orderBy('s.id', 'desc').limit(limit).execute()).map(toSummary)
}

export async function changeSet(db: Db, id: number): Promise<ChangeSetDetail | null> {
  const row = await summaryQuery(db).where('s.id', '=', id).executeTakeFirst()
  if (!row) return null
  const items = await db
    .selectFrom('catalogue_change_items')
    .selectAll()
    .where('change_set_id', '=', id)
    .orderBy('seq')
    .execute()
  return {
    ...toSummary(row),
    badRecords: row.bad_records,
    items: items.map((i) => ({
      seq: i.seq,
      code: i.procedure_code,
      kind: i.kind,
      baseVersion: i.base_version,
      name: i.procedure.name,
      repealedOn: i.procedure.repealedOn,
      changes: i.changes,
    })),
  }
}

export type Decision = { readonly by: string; readonly at: Date }

export type ApprovalOutcome =
  | {
      readonly ok: true
      readonly versions: readonly { code: string; version: number }[]
      readonly ended: readonly string[]
    }
  | { readonly ok: false; readonly why: 'not_found' | 'decided' | 'stale' }
  | { readonly ok: false; readonly why: 'starts_too_early'; readonly code: string; readonly versionStarts: string }

class Refused extends Error {
  readonly outcome: Extract<ApprovalOutcome, { ok: false }>
  constructor(outcome: Extract<ApprovalOutcome, { ok: false }>) {
    super(outcome.why)
    this.outcome = outcome
  }
}

/**
 * Phê duyệt: applies a change set as a whole in one transaction, from `from` (YYYY-MM-DD): a new
 * version per changed procedure (the previous one ends the day before), version 1 of each new
 * procedure, the end of each repealed one. The catalogue's revision must still be the change set's
 * base, else it is stale (another was approved meanwhile) and nothing is written. Audited.
 */
export async function approveChangeSet(db: Db, id: number, from: string, d: Decision): Promise<ApprovalOutcome> {
  try {
    return await db.transaction().execute(async (tx) => {
      const set = await lockPending(tx, id)
      const moved = await tx
        .updateTable('catalogue_revision')
        .set((eb) => ({ revision: eb('revision', '+', 1) }))
        .where('revision', '=', set.base_revision)
        .returning('revision')
        .executeTakeFirst()
      if (!moved) throw new Refused({ ok: false, why: 'stale' })
      const items = await tx
        .selectFrom('catalogue_change_items')
        .selectAll()
        .where('change_set_id', '=', id)
        .orderBy('seq')
        .execute()
      const versions: { code: string; version: number }[] = []
      const ended: string[] = []
      for (const item of items) {
        if (!syncedCheck.Check(item.procedure))
          throw new Error(`catalogue change set ${id} item ${item.seq}: stored record fails its schema`)
        if (item.kind === 'new') versions.push(await addProcedure(tx, item.procedure, from))
        else if (item.kind === 'changed')
          versions.push(await addVersion(tx, item.procedure, item.base_version ?? 0, from))
        else {
          await endVersion(tx, item.procedure_code, item.base_version ?? 0, from)
          ended.push(item.procedure_code)
        }
      }
      await tx
        .updateTable('catalogue_change_sets')
        .set({ status: 'approved', decided_at: d.at, decided_by: d.by, effective_from: from })
        .where('id', '=', id)
        .execute()
      await appendAudit(tx, {
        at: d.at,
        actor: d.by,
        action: 'catalogue-change-set.approved',
        subject: `catalogue-change-set:${id}`,
        before: { status: 'pending', revision: set.base_revision },
        after: { status: 'approved', revision: moved.revision, effectiveFrom: from, versions, ended },
      })
      return { ok: true as const, versions, ended }
    })
  } catch (error) {
    if (error instanceof Refused) return error.outcome
    throw error
  }
}

/** Từ chối: the change set is set aside as a whole; the catalogue is untouched. Audited. */
export async function rejectChangeSet(db: Db, id: number, d: Decision): Promise<ApprovalOutcome> {
  try {
    return await db.transaction().execute(async (tx) => {
      await lockPending(tx, id)
      await tx
        .updateTable('catalogue_change_sets')
        .set({ status: 'rejected', decided_at: d.at, decided_by: d.by })
        .where('id', '=', id)
        .execute()
      await appendAudit(tx, {
        at: d.at,
        actor: d.by,
        action: 'catalogue-change-set.rejected',
        subject: `catalogue-change-set:${id}`,
        before: { status: 'pending' },
        after: { status: 'rejected' },
      })
      return { ok: true as const, versions: [], ended: [] }
    })
  } catch (error) {
    if (error instanceof Refused) return error.outcome
    throw error
  }
}

async function lockPending(tx: Db, id: number) {
  const set = await tx
    .selectFrom('catalogue_change_sets')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!set) throw new Refused({ ok: false, why: 'not_found' })
  if (set.status !== 'pending') throw new Refused({ ok: false, why: 'decided' })
  return set
}

async function loadVersion(tx: Db, code: string, version: number) {
  const row = await tx
    .selectFrom('procedure_versions')
    .selectAll()
    .where('procedure_code', '=', code)
    .where('version', '=', version)
    .forUpdate()
    .executeTakeFirstOrThrow()
  const steps = await tx
    .selectFrom('procedure_steps')
    .selectAll()
    .where('procedure_code', '=', code)
    .where('version', '=', version)
    .execute()
  return versionFromRow(row, steps)
}

/** Ends `version` the day before `from`; refused when that is before the version began. */
async function endVersion(tx: Db, code: string, version: number, from: string): Promise<void> {
  const last = dayBefore(from)
  const current = await loadVersion(tx, code, version)
  if (last < current.effectiveFrom)
    throw new Refused({ ok: false, why: 'starts_too_early', code, versionStarts: current.effectiveFrom })
  await tx
    .updateTable('procedure_versions')
    .set({ effective_to: last })
    .where('procedure_code', '=', code)
    .where('version', '=', version)
    .execute()
}

async function addVersion(tx: Db, synced: SyncedProcedure, base: number, from: string) {
  const previous = await loadVersion(tx, synced.code, base)
  await endVersion(tx, synced.code, base, from)
  const next = changedVersion(previous, synced, from)
  await insertVersion(tx, synced.code, next)
  // The declaration form is local configuration: the new version keeps the previous one's.
  await tx
    .insertInto('procedure_forms')
    .columns(['procedure_code', 'version', 'form_version', 'form'])
    .expression((eb) =>
      eb
        .selectFrom('procedure_forms')
        .select(['procedure_code', eb.val(next.version).as('version'), 'form_version', 'form'])
        .where('procedure_code', '=', synced.code)
        .where('version', '=', base),
    )
    .execute()
  await tx.updateTable('procedures').set({ national_code: synced.code }).where('code', '=', synced.code).execute()
  return { code: synced.code, version: next.version }
}

async function addProcedure(tx: Db, synced: SyncedProcedure, from: string) {
  const province = await tx.selectFrom('provinces').select('code').executeTakeFirstOrThrow()
  await tx
    .insertInto('procedures')
    .values({ code: synced.code, province_code: province.code, national_code: synced.code })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute()
  const last = await tx
    .selectFrom('procedure_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('procedure_code', '=', synced.code)
    .executeTakeFirst()
  const first = newProcedureVersion(synced, from)
  const v = { ...first, version: (last?.v ?? 0) + 1 }
  await insertVersion(tx, synced.code, v)
  return { code: synced.code, version: v.version }
}

async function insertVersion(tx: Db, code: string, v: ReturnType<typeof newProcedureVersion>) {
  await tx.insertInto('procedure_versions').values(versionRow(code, v)).execute()
  await tx.insertInto('procedure_steps').values(stepRows(code, v)).execute()
}
