import { sql } from 'kysely'
import { instantAt, parseIsoDate } from '../../domain/calendar/local-time.ts'
import type { DossierStatus } from '../../domain/dossier/status.ts'
import type { Comparison, LocalDossier } from '../../domain/portal/reconciliation.ts'
import type { Db } from '../database.ts'

/** The window of local days as instants: from the first day's midnight to the day after the last. */
function instantsOf(from: string, to: string): [Date, Date] {
  const [a, b] = [parseIsoDate(from), parseIsoDate(to)]
  if (a === null || b === null) throw new Error(`not a window of days: ${from}..${to}`)
  return [new Date(instantAt(a, 0)), new Date(instantAt(b + 1, 0))]
}

/**
 * motcua's side of a window: the dossiers submitted on those local days that the portal should know
 * (received ones by code, those taken in from the portal by national id), and the dossiers the
 * portal's listing names by either id wherever their day falls, so a day's edge is not a difference.
 */
export async function localDossiers(
  db: Db,
  window: { from: string; to: string },
  named: { codes: readonly string[]; nationalIds: readonly string[] },
): Promise<LocalDossier[]> {
  const [start, end] = instantsOf(window.from, window.to)
  const rows = await db
    .selectFrom('dossiers as d')
    .leftJoin('portal_sync as p', 'p.dossier_id', 'd.id')
    .leftJoin('portal_intakes as i', 'i.dossier_id', 'd.id')
    .select(['d.id', 'd.code', 'i.national_id', 'd.status', 'd.version', 'p.synced_version'])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('d.submitted_at', '>=', start),
          eb('d.submitted_at', '<', end),
          eb.or([eb('d.code', 'is not', null), eb('i.national_id', 'is not', null)]),
        ]),
        ...(named.codes.length ? [eb('d.code', 'in', named.codes)] : []),
        ...(named.nationalIds.length ? [eb('i.national_id', 'in', named.nationalIds)] : []),
      ]),
    )
    .orderBy('d.submitted_at')
    .orderBy('d.id')
    .execute()
  return rows.map((r) => ({
    dossierId: r.id,
    code: r.code,
    nationalId: r.national_id,
    status: r.status as DossierStatus,
    version: r.version,
    syncedVersion: r.synced_version ?? 0,
  }))
}

export type RunRow = {
  readonly id: string
  readonly trigger: 'daily' | 'manual'
  readonly windowFrom: string
  readonly windowTo: string
  readonly state: 'running' | 'done' | 'failed'
  readonly startedAt: Date
  readonly finishedAt: Date | null
  readonly requestedBy: string
  readonly counts: { portalOnly: number; motcuaOnly: number; mismatched: number; inStep: number } | null
  readonly items: Omit<Comparison, 'inStep'> | null
  readonly error: string | null
}

/** A manual run, recorded as running. */
export async function startRun(
  db: Db,
  run: { id: string; from: string; to: string; requestedBy: string; at: Date },
): Promise<void> {
  await db
    .insertInto('portal_reconciliation_runs')
    .values({
      id: run.id,
      trigger: 'manual',
      window_from: run.from,
      window_to: run.to,
      state: 'running',
      started_at: run.at,
      requested_by: run.requestedBy,
    })
    .execute()
}

/**
 * Claims `day`'s daily run: true for the one caller that recorded it as running. A day already
 * running or done is not claimed again; a failed attempt leaves the day open for the next one. A
 * running attempt older than `staleMs` (its server died) is marked failed first.
 */
export async function claimDailyRun(
  db: Db,
  run: { id: string; day: string; requestedBy: string; at: Date; staleMs: number },
): Promise<boolean> {
  await db
    .updateTable('portal_reconciliation_runs')
    .set({ state: 'failed', error: 'abandoned: its server stopped before finishing', finished_at: run.at })
    .where('daily_day', '=', run.day)
    .where('state', '=', 'running')
    .where('started_at', '<', new Date(run.at.getTime() - run.staleMs))
    .execute()
  const claimed = await sql<{ id: string }>`
    INSERT INTO portal_reconciliation_runs (id, trigger, daily_day, window_from, window_to, state, started_at, requested_by)
    VALUES (${run.id}, 'daily', ${run.day}, ${run.day}, ${run.day}, 'running', ${run.at}, ${run.requestedBy})
    ON CONFLICT (daily_day) WHERE state <> 'failed' DO NOTHING
    RETURNING id`.execute(db)
  return claimed.rows.length === 1
}

export async function finishRun(db: Db, id: string, comparison: Comparison, at: Date): Promise<void> {
  const { inStep, ...items } = comparison
  await db
    .updateTable('portal_reconciliation_runs')
    .set({
      state: 'done',
      finished_at: at,
      portal_only: items.portalOnly.length,
      motcua_only: items.motcuaOnly.length,
      mismatched: items.mismatched.length,
      in_step: inStep,
      items: JSON.stringify(items),
    })
    .where('id', '=', id)
    .execute()
}

export async function failRun(db: Db, id: string, error: string, at: Date): Promise<void> {
  await db
    .updateTable('portal_reconciliation_runs')
    .set({ state: 'failed', finished_at: at, error: error.slice(0, 2000) })
    .where('id', '=', id)
    .execute()
}

const runColumns = [
  'id',
  'trigger',
  'window_from',
  'window_to',
  'state',
  'started_at',
  'finished_at',
  'requested_by',
  'portal_only',
  'motcua_only',
  'mismatched',
  'in_step',
  'items',
  'error',
] as const

type StoredRun = {
  id: string
  trigger: 'daily' | 'manual'
  window_from: string
  window_to: string
  state: 'running' | 'done' | 'failed'
  started_at: Date
  finished_at: Date | null
  requested_by: string
  portal_only: number | null
  motcua_only: number | null
  mismatched: number | null
  in_step: number | null
  items: Omit<Comparison, 'inStep'> | null
  error: string | null
}

function runOf(r: StoredRun): RunRow {
  return {
    id: r.id,
    trigger: r.trigger,
    windowFrom: r.window_from,
    windowTo: r.window_to,
    state: r.state,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    requestedBy: r.requested_by,
    counts:
      r.state === 'done'
        ? {
            portalOnly: r.portal_only ?? 0,
            motcuaOnly: r.motcua_only ?? 0,
            mismatched: r.mismatched ?? 0,
            inStep: r.in_step ?? 0,
          }
        : null,
    items: r.items,
    error: r.error,
  }
}

/** The newest runs first (without their lists). */
export async function recentRuns(db: Db, limit: number): Promise<RunRow[]> {
  const rows = await db
    .selectFrom('portal_reconciliation_runs')
    .select(runColumns)
    .orderBy('started_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ ...runOf(r), items: null }))
}

/** One run with its lists. */
export async function runById(db: Db, id: string): Promise<RunRow | null> {
  const row = await db
    .selectFrom('portal_reconciliation_runs')
    .select(runColumns)
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? runOf(row) : null
}
