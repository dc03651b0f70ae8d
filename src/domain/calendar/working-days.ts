import type { HolidayRule } from './holiday-rule.ts'
import { type DayNumber, dayFromDate, isoDate, parseIsoDate, weekday } from './local-time.ts'
import { statutoryHolidayRules } from './statutory-holiday-rules.ts'
import { decidedYearWithLaterRules, defaultYearDecision } from './statutory-holidays.ts'
import type { YearDecision } from './year-decision.ts'

/**
 * Ngày làm việc: which days of a span of years are working days, precomputed so that any question
 * is answered by array lookups. `workingBefore[i]` counts working days before `firstDay + i`;
 * `workingDays[k]` is the k-th working day. Built from the year decisions and the holiday rules: a
 * decided year follows its decision (plus rules it could not foresee), any other year the default rule.
 */
export type WorkingDays = {
  readonly firstDay: DayNumber
  readonly lastDay: DayNumber
  readonly working: Uint8Array
  readonly workingBefore: Int32Array
  readonly workingDays: Int32Array
  /** Why a day differs from the Mon–Fri/Sat–Sun pattern (days off on weekdays, make-up weekends). */
  readonly exceptions: ReadonlyMap<DayNumber, { readonly working: boolean; readonly reason: string }>
  /** Which years follow a published decision rather than the default rule. */
  readonly decidedYears: ReadonlySet<number>
}

export const defaultYears = { from: 1970, to: 2100 } as const

export function buildWorkingDays(
  decisions: readonly YearDecision[],
  rules: readonly HolidayRule[] = statutoryHolidayRules,
  years: { from: number; to: number } = defaultYears,
): WorkingDays {
  const firstDay = dayFromDate(years.from, 1, 1)
  const lastDay = dayFromDate(years.to, 12, 31)
  const length = lastDay - firstDay + 1
  const working = new Uint8Array(length)
  for (let i = 0; i < length; i++) {
    const w = weekday(firstDay + i)
    working[i] = w === 0 || w === 6 ? 0 : 1
  }
  const decided = new Map(decisions.map((d) => [d.year, d]))
  const exceptions = new Map<DayNumber, { working: boolean; reason: string }>()
  for (let year = years.from; year <= years.to; year++) {
    const stored = decided.get(year)
    const decision = stored ? decidedYearWithLaterRules(stored, rules) : defaultYearDecision(year, rules)
    for (const off of decision.daysOff) {
      const day = parseIsoDate(off.date)
      if (day === null || day < firstDay || day > lastDay) continue
      if (working[day - firstDay]) exceptions.set(day, { working: false, reason: off.reason })
      working[day - firstDay] = 0
    }
    for (const makeUp of decision.makeUpWorkdays) {
      const day = parseIsoDate(makeUp.date)
      if (day === null || day < firstDay || day > lastDay) continue
      working[day - firstDay] = 1
      exceptions.set(day, { working: true, reason: makeUp.reason })
    }
  }
  const workingBefore = new Int32Array(length + 1)
  for (let i = 0; i < length; i++) workingBefore[i + 1] = (workingBefore[i] as number) + (working[i] as number)
  const workingDays = new Int32Array(workingBefore[length] as number)
  for (let i = 0, k = 0; i < length; i++) if (working[i]) workingDays[k++] = firstDay + i
  return {
    firstDay,
    lastDay,
    working,
    workingBefore,
    workingDays,
    exceptions,
    decidedYears: new Set([...decided.keys()].filter((y) => y >= years.from && y <= years.to)),
  }
}

export function isWorkingDay(days: WorkingDays, day: DayNumber): boolean {
  if (day < days.firstDay || day > days.lastDay) throw new RangeError(`${isoDate(day)} is outside the calendar`)
  return days.working[day - days.firstDay] === 1
}

/** One day whose status differs from "Monday–Friday work, Saturday–Sunday rest". */
export type DayException = { readonly date: string; readonly working: boolean; readonly reason: string }

/** Every exception of `year`, in date order (what `motcua calendar days` prints). */
export function yearExceptions(days: WorkingDays, year: number): DayException[] {
  const from = dayFromDate(year, 1, 1)
  const to = dayFromDate(year, 12, 31)
  const list: DayException[] = []
  for (let day = from; day <= to; day++) {
    const e = days.exceptions.get(day)
    if (e) list.push({ date: isoDate(day), working: e.working, reason: e.reason })
  }
  return list
}
