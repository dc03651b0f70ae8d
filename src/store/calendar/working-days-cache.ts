import { buildWorkingDays, type WorkingDays } from '../../domain/calendar/working-days.ts'
import type { Db } from '../database.ts'
import { listYearDecisions } from './calendar-years.ts'
import { listHolidayRules } from './holiday-rules.ts'

/**
 * The province's working days built from the decisions and holiday rules in the database, rebuilt
 * when this process changes either and at most `maxAgeMs` after another process did (building
 * 1970–2100 takes a few milliseconds).
 */
export type WorkingDaysSource = {
  /** `executor`: the caller's open transaction, if any (PGlite has a single connection). */
  current(executor?: Db): Promise<WorkingDays>
  invalidate(): void
}

/** The working days as the decisions and rules stored now (in `executor`'s transaction) make them. */
export async function workingDaysIn(executor: Db): Promise<WorkingDays> {
  const decisions = await listYearDecisions(executor)
  const rules = await listHolidayRules(executor)
  return buildWorkingDays(
    decisions,
    rules.map((r) => r.rule),
  )
}

export function workingDaysFromDatabase(db: Db, options: { maxAgeMs?: number } = {}): WorkingDaysSource {
  const maxAge = options.maxAgeMs ?? 60_000
  let cached: { days: Promise<WorkingDays>; builtAt: number } | null = null
  return {
    current(executor = db) {
      if (!cached || performance.now() - cached.builtAt > maxAge) {
        const days = workingDaysIn(executor)
        cached = { days, builtAt: performance.now() }
        days.catch(() => {
          cached = null
        })
      }
      return cached.days
    },
    invalidate() {
      cached = null
    },
  }
}
