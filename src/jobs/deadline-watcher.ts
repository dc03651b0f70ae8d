import { randomUUID } from 'node:crypto'
import { rescheduleOpenDossiers } from '../app/calendar/reschedule-open-dossiers.ts'
import { type WatchDeps, type WatchRound, watchDeadlines } from '../app/deadline-watch/watch-deadlines.ts'
import { holdLease, releaseLease } from '../store/deadline-watch/job-leases.ts'
import { type RepeatingJob, startRepeatingJob } from './repeating-job.ts'

/** The lease row's name: one deadline watcher at a time across every server on the database. */
export const deadlineWatchJob = 'deadline-watcher'

export type DeadlineWatchOptions = {
  readonly intervalMs: number
  /** Longer than the interval: the holder renews it each round; after a crash it lapses and another takes over. */
  readonly leaseMs: number
  /** This process's name in the lease row. */
  readonly holder?: string
  readonly clock?: () => Date
  readonly onError?: (error: unknown) => void
}

/**
 * One round if this process holds (or can take) the lease: null when another server holds it.
 * A round cut short (a crash, a lost connection) leaves each alert either whole or absent, so the
 * next round, here or on the server that takes over, finishes it.
 */
export async function deadlineWatchRound(
  deps: WatchDeps,
  holder: string,
  leaseMs: number,
  now: Date,
): Promise<WatchRound | null> {
  if (!(await holdLease(deps.db, deadlineWatchJob, holder, now, leaseMs))) return null
  // Deadlines a calendar change moved come first, so the round warns by the new ones.
  await rescheduleOpenDossiers(deps, now)
  return watchDeadlines(deps, now)
}

/** The watcher as a background job of `serve`: a round at start and every `intervalMs` after. */
export function startDeadlineWatcher(deps: WatchDeps, options: DeadlineWatchOptions): RepeatingJob {
  const holder = options.holder ?? `serve-${process.pid}-${randomUUID().slice(0, 8)}`
  const clock = options.clock ?? (() => new Date())
  return startRepeatingJob({
    intervalMs: options.intervalMs,
    round: () => deadlineWatchRound(deps, holder, options.leaseMs, clock()),
    onError: options.onError,
    release: () => releaseLease(deps.db, deadlineWatchJob, holder),
  })
}
