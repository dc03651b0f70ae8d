import { sql } from 'kysely'
import { changedDays } from '../../domain/calendar/calendar-change.ts'
import { dayOf } from '../../domain/calendar/local-time.ts'
import { recordCalendarChange } from '../../store/calendar/calendar-changes.ts'
import { type WorkingDaysSource, workingDaysIn } from '../../store/calendar/working-days-cache.ts'
import type { Db } from '../../store/database.ts'

/** Calendar changes are made one at a time, so each is told against the calendar the one before left. */
const calendarChangeLock = 7_302_026

export type CalendarChange<T> = {
  /** Who makes the change, and when. */
  readonly by: string
  readonly at: Date
  /** What the applicant's notice and the dossier's history name as the cause, from the write's result. */
  readonly reason: (result: T) => string
  /** The change itself: writes the decision or rule with its audit entry, in the transaction given. */
  readonly write: (tx: Db) => Promise<T>
}

/**
 * Thay đổi lịch ngày nghỉ: a year decision or a holiday rule is written, and the days from today on
 * that it turned from working to off or back are recorded with it, in one transaction — the deadline
 * watcher then moves the deadlines of the dossiers open now (shared rules §4, "changing them
 * recomputes open deadlines"). The cached calendar is dropped once the change has committed.
 */
export async function changeCalendar<T>(db: Db, workingDays: WorkingDaysSource, change: CalendarChange<T>): Promise<T> {
  const result = await db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${calendarChangeLock})`.execute(tx)
    const before = await workingDaysIn(tx)
    const written = await change.write(tx)
    const after = await workingDaysIn(tx)
    const days = changedDays(before, after, dayOf(change.at.getTime()))
    if (days.length > 0)
      await recordCalendarChange(tx, {
        changedDays: days,
        reason: change.reason(written),
        changedBy: change.by,
        changedAt: change.at,
      })
    return written
  })
  workingDays.invalidate()
  return result
}
