import { Type } from 'typebox'
import { Value } from 'typebox/value'
import { type ChangedDay, ChangedDaySchema } from '../../domain/calendar/calendar-change.ts'
import { openStatuses } from '../../domain/dossier/status.ts'
import type { Db } from '../database.ts'

/** A calendar change not yet applied to the open dossiers. */
export type PendingCalendarChange = {
  readonly id: number
  readonly changedDays: readonly ChangedDay[]
  readonly reason: string
  readonly changedAt: Date
}

const ChangedDays = Type.Array(ChangedDaySchema)

/** Records the days a change flipped, in the caller's transaction (the one that made the change). */
export async function recordCalendarChange(
  tx: Db,
  change: { changedDays: readonly ChangedDay[]; reason: string; changedBy: string; changedAt: Date },
): Promise<number> {
  const row = await tx
    .insertInto('calendar_changes')
    .values({
      changed_days: JSON.stringify(change.changedDays),
      reason: change.reason,
      changed_by: change.changedBy,
      changed_at: change.changedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

/** Changes waiting to be applied, oldest first: they apply in the order they were made. */
export async function pendingCalendarChanges(db: Db): Promise<PendingCalendarChange[]> {
  const rows = await db
    .selectFrom('calendar_changes')
    .select(['id', 'changed_days', 'reason', 'changed_at'])
    .where('applied_at', 'is', null)
    .orderBy('id')
    .execute()
  return rows.map((r) => {
    if (!Value.Check(ChangedDays, r.changed_days))
      throw new Error(`calendar_changes ${r.id}: changed_days does not match its schema`)
    return { id: Number(r.id), changedDays: r.changed_days, reason: r.reason, changedAt: r.changed_at }
  })
}

/** Marks a change applied with how many dossiers it moved; false when another server did it first. */
export async function markCalendarChangeApplied(db: Db, id: number, rescheduled: number, at: Date): Promise<boolean> {
  const done = await db
    .updateTable('calendar_changes')
    .set({ applied_at: at, rescheduled })
    .where('id', '=', id)
    .where('applied_at', 'is', null)
    .executeTakeFirst()
  return Number(done.numUpdatedRows) === 1
}

/**
 * Dossiers received before `receivedBefore`, still open, whose appointment or current step falls on or
 * after `from`: the only ones a change of the days from `from` on can move.
 */
export async function dossiersDueFrom(
  db: Db,
  from: Date,
  receivedBefore: Date,
): Promise<{ id: string; version: number }[]> {
  return db
    .selectFrom('dossiers')
    .select(['id', 'version'])
    .where('status', 'in', [...openStatuses])
    .where('received_at', '<', receivedBefore)
    .where((eb) => eb.or([eb('appointment_at', '>=', from), eb('current_step_due_at', '>=', from)]))
    .orderBy('id')
    .execute()
}
