import { type HolidayDay, HolidayDayKind, type HolidayRule } from './holiday-rule.ts'
import { type DayNumber, dayFromDate, isoDate, parseIsoDate, weekday } from './local-time.ts'
import { lunarToSolar } from './lunar.ts'
import { statutoryHolidayRules } from './statutory-holiday-rules.ts'
import { type CalendarDayOff, DayOffKind, type YearDecision } from './year-decision.ts'

/** One statutory holiday of a year and whether it is compensated when it falls on a weekly rest day. */
export type Holiday = { readonly day: DayNumber; readonly reason: string; readonly compensated: boolean }

const isWeekend = (day: DayNumber) => {
  const w = weekday(day)
  return w === 0 || w === 6
}

/** The days a rule names in solar year `year` (a lunar day or Tết is taken in the lunar year of that name). */
function daysOf(day: HolidayDay, year: number): DayNumber[] {
  switch (day.kind) {
    case HolidayDayKind.Solar:
      return [dayFromDate(year, day.month, day.day)]
    case HolidayDayKind.Lunar: {
      const solar = lunarToSolar({ day: day.day, month: day.month, year, leap: false })
      return solar === null ? [] : [solar]
    }
    case HolidayDayKind.TetSpan: {
      const tet = lunarToSolar({ day: 1, month: 1, year, leap: false })
      if (tet === null) throw new RangeError(`no lunar new year for ${year}`)
      return Array.from({ length: day.length }, (_, i) => tet - day.daysBefore + i)
    }
  }
}

/**
 * Ngày nghỉ lễ, tết of `year`: every day of an enabled rule that falls inside the rule's effective
 * dates and inside the year, in date order; a day two rules name is listed once (the first rule's).
 */
export function holidaysOf(year: number, rules: readonly HolidayRule[]): Holiday[] {
  const first = dayFromDate(year, 1, 1)
  const last = dayFromDate(year, 12, 31)
  const byDay = new Map<DayNumber, Holiday>()
  for (const rule of rules) {
    if (!rule.enabled) continue
    const from = parseIsoDate(rule.effectiveFrom) ?? Number.POSITIVE_INFINITY
    const to = rule.effectiveTo === null ? Number.POSITIVE_INFINITY : (parseIsoDate(rule.effectiveTo) ?? from)
    if (from > last || to < first) continue
    for (const day of daysOf(rule.day, year)) {
      if (day < first || day > last || day < from || day > to || byDay.has(day)) continue
      byDay.set(day, { day, reason: rule.reason, compensated: rule.compensated })
    }
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day)
}

/**
 * Nghỉ bù (Labour Code 2019 Art. 111(3); Art. 115(3) of the 2012 Code before 2021): for each
 * compensated holiday on a Saturday or Sunday, the next day that is neither a weekend nor already off.
 */
function compensatoryDays(holidays: readonly Holiday[], off: Set<DayNumber>): CalendarDayOff[] {
  const days: CalendarDayOff[] = []
  for (const holiday of holidays) {
    if (!holiday.compensated || !isWeekend(holiday.day)) continue
    let day = holiday.day + 1
    while (isWeekend(day) || off.has(day)) day++
    off.add(day)
    days.push({ date: isoDate(day), kind: DayOffKind.Compensatory, reason: `Nghỉ bù ${holiday.reason}` })
  }
  return days
}

const byDate = (a: CalendarDayOff, b: CalendarDayOff) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)

const holidayDays = (holidays: readonly Holiday[]): CalendarDayOff[] =>
  holidays.map((h) => ({ date: isoDate(h.day), kind: DayOffKind.Holiday, reason: h.reason }))

/**
 * The days off of a year with no published decision: the holidays of the rules in force, and the
 * compensatory days of those falling on a weekend, with the product rule of rules.md §4.
 */
export function defaultYearDecision(year: number, rules: readonly HolidayRule[] = statutoryHolidayRules): YearDecision {
  const holidays = holidaysOf(year, rules)
  const off = new Set(holidays.map((h) => h.day))
  const daysOff = [...holidayDays(holidays), ...compensatoryDays(holidays, off)].sort(byDate)
  return {
    year,
    daysOff,
    makeUpWorkdays: [],
    decision: {
      number: null,
      date: null,
      issuer:
        'Quy tắc mặc định (ngày lễ theo bảng quy tắc ngày nghỉ lễ; nghỉ bù theo Bộ luật Lao động 2019, Điều 111 khoản 3)',
    },
    sources: [],
    note: 'No decision published for this year: the holiday rules in force with the product rule of rules.md §4',
  }
}

/**
 * The days off of a decided year: the decision's own, plus the holidays of rules that came into
 * force after the decision was issued (after 1 January of the year when its date is unknown) and
 * that it does not list, each with its compensatory day; a decision cannot have foreseen them.
 */
export function decidedYearWithLaterRules(decision: YearDecision, rules: readonly HolidayRule[]): YearDecision {
  const issued = decision.decision.date ?? `${decision.year}-01-01`
  const later = rules.filter((r) => r.effectiveFrom > issued)
  if (later.length === 0) return decision
  const listed = new Set(decision.daysOff.map((d) => parseIsoDate(d.date)))
  const added = holidaysOf(decision.year, later).filter((h) => !listed.has(h.day))
  if (added.length === 0) return decision
  const off = new Set([...listed, ...added.map((h) => h.day)].filter((d): d is DayNumber => d !== null))
  const daysOff = [...decision.daysOff, ...holidayDays(added), ...compensatoryDays(added, off)].sort(byDate)
  return { ...decision, daysOff }
}
