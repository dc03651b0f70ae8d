import { statutoryHolidayRules } from '../src/domain/calendar/statutory-holiday-rules.ts'
import { decidedYearWithLaterRules, defaultYearDecision } from '../src/domain/calendar/statutory-holidays.ts'
import type { YearDecision } from '../src/domain/calendar/year-decision.ts'

/**
 * The straightforward way to add N working days: walk day by day with Date objects, asking a set of
 * ISO dates whether each day is off. The reference the fast engine is measured and checked against.
 */
export function naiveCalendar(decisions: readonly YearDecision[], years = { from: 2019, to: 2037 }) {
  const off = new Set<string>()
  const makeUp = new Set<string>()
  const decided = new Map(decisions.map((d) => [d.year, d]))
  for (let y = years.from; y <= years.to; y++) {
    const stored = decided.get(y)
    const d = stored ? decidedYearWithLaterRules(stored, statutoryHolidayRules) : defaultYearDecision(y)
    for (const day of d.daysOff) off.add(day.date)
    for (const day of d.makeUpWorkdays) makeUp.add(day.date)
  }
  const local = (ms: number) => new Date(ms + 7 * 3_600_000)
  const isWorking = (d: Date) => {
    const iso = d.toISOString().slice(0, 10)
    if (makeUp.has(iso)) return true
    const w = d.getUTCDay()
    return w !== 0 && w !== 6 && !off.has(iso)
  }
  const spans = [
    [7 * 60, 11 * 60 + 30],
    [13 * 60 + 30, 17 * 60],
  ] as const

  /** `from` plus `days` × 8 office hours, in whole minutes, default office hours. */
  function addWorkingDays(from: number, days: number): number {
    let remaining = days * 480
    const cursor = local(Math.floor(from / 60_000) * 60_000)
    for (;;) {
      if (isWorking(cursor)) {
        const minute = cursor.getUTCHours() * 60 + cursor.getUTCMinutes()
        for (const [start, end] of spans) {
          const begin = Math.max(start, minute)
          if (begin >= end) continue
          if (remaining <= end - begin) {
            const at = new Date(cursor)
            at.setUTCHours(0, begin + remaining, 0, 0)
            return at.getTime() - 7 * 3_600_000
          }
          remaining -= end - begin
        }
      }
      cursor.setUTCDate(cursor.getUTCDate() + 1)
      cursor.setUTCHours(0, 0, 0, 0)
    }
  }
  return { addWorkingDays, isWorking }
}
