import { randomUUID } from 'node:crypto'
import type { AxisClient } from '../adapters/document-axis/axis-client.ts'
import { type DirectoryRefresh, refreshDirectory } from '../app/document-axis/refresh-directory.ts'
import type { Db } from '../store/database.ts'
import { holdLease, releaseLease } from '../store/deadline-watch/job-leases.ts'
import { lastDirectoryRefresh } from '../store/document-axis/axis-directory.ts'
import { type RepeatingJob, startRepeatingJob } from './repeating-job.ts'

/** The lease row's name: one server at a time may refresh the axis directory. */
export const axisDirectoryJob = 'document-axis-directory'

export type DirectoryDeps = { readonly db: Db; readonly client: AxisClient; readonly now: () => Date }

export type DirectoryRound =
  | { readonly kind: 'leased-elsewhere' | 'not-due' }
  | { readonly kind: 'refreshed'; readonly refresh: DirectoryRefresh }

/**
 * One round: under the lease, the directory is fetched when `periodMs` has passed since the last
 * refresh by any server (axis_directory_refreshes). The lease keeps two servers from fetching at
 * once; the stored time keeps it to once per period when the lease passes from one to another.
 */
export async function directoryRound(
  deps: DirectoryDeps,
  options: { readonly holder: string; readonly leaseMs: number; readonly periodMs: number },
): Promise<DirectoryRound> {
  const now = deps.now()
  if (!(await holdLease(deps.db, axisDirectoryJob, options.holder, now, options.leaseMs)))
    return { kind: 'leased-elsewhere' }
  const last = await lastDirectoryRefresh(deps.db)
  if (last !== null && now.getTime() - last.getTime() < options.periodMs) return { kind: 'not-due' }
  return { kind: 'refreshed', refresh: await refreshDirectory(deps) }
}

export type DirectoryJobOptions = {
  /** DOCUMENT_AXIS_DIRECTORY_REFRESH_HOURS in milliseconds. */
  readonly periodMs: number
  /** How often a server looks whether a refresh is due; well under the period. */
  readonly intervalMs: number
  readonly leaseMs: number
  readonly onError?: (error: unknown) => void
}

/** The scheduled refresh as a background job of `serve`: a round at start and every `intervalMs` after. */
export function startDirectoryRefresh(deps: DirectoryDeps, options: DirectoryJobOptions): RepeatingJob {
  const holder = `serve-${process.pid}-${randomUUID().slice(0, 8)}`
  return startRepeatingJob({
    intervalMs: options.intervalMs,
    round: () => directoryRound(deps, { holder, leaseMs: options.leaseMs, periodMs: options.periodMs }),
    onError: options.onError,
    release: () => releaseLease(deps.db, axisDirectoryJob, holder),
  })
}
