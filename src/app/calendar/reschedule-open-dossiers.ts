import type { ChangedDay } from '../../domain/calendar/calendar-change.ts'
import { instantAt, parseIsoDate } from '../../domain/calendar/local-time.ts'
import { type Actor, Role } from '../../domain/dossier/actor.ts'
import {
  dossiersDueFrom,
  markCalendarChangeApplied,
  type PendingCalendarChange,
  pendingCalendarChanges,
} from '../../store/calendar/calendar-changes.ts'
import type { Db } from '../../store/database.ts'
import type { dossierCommands } from '../../store/dossiers/dossier-commands.ts'

/** Calendar changes move deadlines as motcua itself: the `reschedule` guard admits the system only. */
export const calendarActor: Actor = { id: 'calendar-change', name: 'motcua', role: Role.System, agencyId: null }

export type RescheduleDeps = { readonly db: Db; readonly engine: ReturnType<typeof dossierCommands> }

/**
 * For each day touched by the changes after `index`, its status before the first of them touched it:
 * undoing these gives the calendar as it stood right after change `index`.
 */
function laterDays(changes: readonly PendingCalendarChange[], index: number): ChangedDay[] {
  const first = new Map<string, boolean>()
  for (const change of changes.slice(index + 1))
    for (const day of change.changedDays) if (!first.has(day.date)) first.set(day.date, day.workingBefore)
  return [...first].map(([date, workingBefore]) => ({ date, workingBefore }))
}

/** One attempt per dossier, again with the fresh version if a command took it meanwhile. */
async function rescheduleOne(
  deps: RescheduleDeps,
  dossier: { id: string; version: number },
  change: PendingCalendarChange,
  later: readonly ChangedDay[],
  now: Date,
): Promise<boolean> {
  const command = {
    action: 'reschedule',
    actor: calendarActor,
    changedDays: change.changedDays,
    laterChangedDays: later,
    changedAt: change.changedAt.getTime(),
    changeId: change.id,
    reason: change.reason,
  } as const
  let version = dossier.version
  for (let attempt = 0; attempt < 3; attempt++) {
    // The dossier's state says which change moved it last, so a repeat moves nothing; the key is per version.
    const idempotencyKey = `calendar-change:${change.id}:${dossier.id}:${version}`
    const outcome = await deps.engine.run(dossier.id, command, version, { idempotencyKey, now })
    if (outcome.ok) return true
    if (outcome.problem !== 'conflict') return false
    version = outcome.currentVersion
  }
  return false
}

/**
 * Applies the calendar changes not yet applied, oldest first: every dossier open when a change was
 * made, with a deadline on or after its first changed day, is run through the engine's `reschedule`
 * (an event, an audit entry through the event log, a notice to the applicant when the appointment
 * moved). Each dossier's command has its own idempotency key, so a round cut short and done again
 * moves nothing twice; the change is marked applied only after all its dossiers.
 */
export async function rescheduleOpenDossiers(
  deps: RescheduleDeps,
  now: Date,
): Promise<{ changes: number; rescheduled: number }> {
  const changes = await pendingCalendarChanges(deps.db)
  if (changes.length === 0) return { changes: 0, rescheduled: 0 }
  // The changes are in the database: the engine must count on the calendar they made, not a cached one.
  deps.engine.refreshCalendars()
  let total = 0
  for (const [index, change] of changes.entries()) {
    const later = laterDays(changes, index)
    const firstDay = Math.min(...change.changedDays.map((d) => parseIsoDate(d.date) ?? Number.POSITIVE_INFINITY))
    const dossiers = await dossiersDueFrom(deps.db, new Date(instantAt(firstDay, 0)), change.changedAt)
    let moved = 0
    for (const dossier of dossiers) if (await rescheduleOne(deps, dossier, change, later, now)) moved++
    await markCalendarChangeApplied(deps.db, change.id, moved, now)
    total += moved
  }
  return { changes: changes.length, rescheduled: total }
}
