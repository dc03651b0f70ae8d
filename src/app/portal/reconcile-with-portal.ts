import { randomUUID } from 'node:crypto'
import type { ListingWindow, PortalListingClient } from '../../adapters/national-portal/portal-listing.ts'
import { type Comparison, compareWithPortal } from '../../domain/portal/reconciliation.ts'
import type { Db } from '../../store/database.ts'
import {
  claimDailyRun,
  failRun,
  finishRun,
  localDossiers,
  type RunRow,
  runById,
  startRun,
} from '../../store/portal/reconciliation-runs.ts'

export type ReconcileDeps = {
  readonly db: Db
  readonly listing: Pick<PortalListingClient, 'list'>
  readonly now: () => Date
}

/**
 * Đối soát hồ sơ với Cổng DVCQG for a window of submission days: the portal's list, then motcua's
 * dossiers of the window and those the list names, compared. Reads only: nothing changes here.
 */
export async function compareWindow(deps: ReconcileDeps, window: ListingWindow): Promise<Comparison> {
  const listed = await deps.listing.list(window)
  const named = {
    codes: listed.flatMap((p) => (p.code === null ? [] : [p.code])),
    nationalIds: listed.flatMap((p) => (p.nationalId === null ? [] : [p.nationalId])),
  }
  return compareWithPortal(await localDossiers(deps.db, window, named), listed)
}

/** Runs a comparison as the recorded run `id`: done with its lists, or failed with why. */
async function runRecorded(deps: ReconcileDeps, id: string, window: ListingWindow): Promise<RunRow> {
  try {
    await finishRun(deps.db, id, await compareWindow(deps, window), deps.now())
  } catch (error) {
    await failRun(deps.db, id, error instanceof Error ? error.message : String(error), deps.now())
  }
  return (await runById(deps.db, id)) as RunRow
}

/** A comparison an administrator (or the CLI) asked for, kept as a run like the daily one. */
export async function reconcileWindow(
  deps: ReconcileDeps,
  window: ListingWindow,
  requestedBy: string,
): Promise<RunRow> {
  const id = randomUUID()
  await startRun(deps.db, { id, ...window, requestedBy, at: deps.now() })
  return runRecorded(deps, id, window)
}

/**
 * The daily report for `day`: run once whatever the number of servers (the day is claimed by one
 * statement); null when another server has it running or done.
 */
export async function reconcileDay(
  deps: ReconcileDeps,
  day: string,
  options: { holder: string; staleMs: number },
): Promise<RunRow | null> {
  const id = randomUUID()
  const claimed = await claimDailyRun(deps.db, {
    id,
    day,
    requestedBy: `system:portal-reconciliation:${options.holder}`,
    at: deps.now(),
    staleMs: options.staleMs,
  })
  return claimed ? runRecorded(deps, id, { from: day, to: day }) : null
}
