import { buildWorkingDays, type WorkingDays } from '../../domain/calendar/working-days.ts'
import type { Db } from '../database.ts'
import { listYearDecisions } from './calendar-years.ts'

/**
 * The province's working days built from the decisions in the database, rebuilt when this process
 * changes a decision and at most `maxAgeMs` after another process did (building takes ~15 ms).
 */
export type WorkingDaysSource = {
  /** `executor`: the caller's open transaction, if any (PGlite has a single connection). */
  current(executor?: Db): Promise<WorkingDays>
  invalidate(): void
}

export function workingDaysFromDatabase(db: Db, options: { maxAgeMs?: number } = {}): WorkingDaysSource {
  const maxAge = options.maxAgeMs ?? 60_000
  let cached: { days: Promise<WorkingDays>; builtAt: number } | null = null
  return {
    current(executor = db) {
      if (!cached || performance.now() - cached.builtAt > maxAge) {
        const days = listYearDecisions(executor).then((decisions) => buildWorkingDays(decisions))
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
