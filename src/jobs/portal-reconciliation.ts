import { randomUUID } from 'node:crypto'
import { type ReconcileDeps, reconcileDay } from '../app/portal/reconcile-with-portal.ts'
import { dayOf, isoDate, minuteOfDay } from '../domain/calendar/local-time.ts'
import { holdLease, releaseLease } from '../store/deadline-watch/job-leases.ts'
import type { RunRow } from '../store/portal/reconciliation-runs.ts'
import { type RepeatingJob, startRepeatingJob } from './repeating-job.ts'

/** The lease row's name: one server at a time tries the daily report. */
export const portalReconciliationJob = 'portal-reconciliation'

/** A run still "running" this long after it started lost its server; the day is open again. */
const staleRunMs = 3_600_000

export type ReconciliationRound =
  | { readonly kind: 'not-due' | 'leased-elsewhere' | 'already-run' }
  | { readonly kind: 'ran'; readonly run: RunRow }

/**
 * One round: from `atMinute` (local time) on, the previous local day's report if no server has run
 * it yet. The lease keeps two servers from trying at once; the day's claim keeps it to one run even
 * when a lease lapses mid-run.
 */
export async function reconciliationRound(
  deps: ReconcileDeps,
  options: { holder: string; leaseMs: number; atMinute: number },
  now: Date,
): Promise<ReconciliationRound> {
  if (minuteOfDay(now.getTime()) < options.atMinute) return { kind: 'not-due' }
  if (!(await holdLease(deps.db, portalReconciliationJob, options.holder, now, options.leaseMs)))
    return { kind: 'leased-elsewhere' }
  const yesterday = isoDate(dayOf(now.getTime()) - 1)
  const run = await reconcileDay(deps, yesterday, { holder: options.holder, staleMs: staleRunMs })
  return run ? { kind: 'ran', run } : { kind: 'already-run' }
}

export type ReconciliationJobOptions = {
  readonly atMinute: number
  readonly intervalMs: number
  readonly leaseMs: number
  readonly onError?: (error: unknown) => void
}

/** The daily report as a background job of `serve`: a round at start and every `intervalMs` after. */
export function startPortalReconciliation(deps: ReconcileDeps, options: ReconciliationJobOptions): RepeatingJob {
  const holder = `serve-${process.pid}-${randomUUID().slice(0, 8)}`
  return startRepeatingJob({
    intervalMs: options.intervalMs,
    round: () => reconciliationRound(deps, { holder, ...options }, deps.now()),
    onError: options.onError,
    release: () => releaseLease(deps.db, portalReconciliationJob, holder),
  })
}
