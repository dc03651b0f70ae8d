import { type DayNumber, dayFromDate, isoDate, weekday } from './local-time.ts'
import { lunarToSolar } from './lunar.ts'
import { type CalendarDayOff, DayOffKind, type YearDecision } from './year-decision.ts'

type Holiday = { readonly day: DayNumber; readonly reason: string }

const isWeekend = (day: DayNumber) => {
  const w = weekday(day)
  return w === 0 || w === 6
}

/** Lunar new year's day of lunar year `year` (always in January or February of solar year `year`). */
function tetDay(year: number): DayNumber {
  const day = lunarToSolar({ day: 1, month: 1, year, leap: false })
  if (day === null) throw new RangeError(`no lunar new year for ${year}`)
  return day
}

/**
 * The holidays of Labour Code 2019 Art. 112 in `year`, with the product rule of rules.md §4 where
 * the Code leaves a choice: Tết = the last day of the old lunar year and the first four of the new;
 * 2 September's adjacent day = 3 September.
 */
export function statutoryHolidays(year: number): Holiday[] {
  const tet = tetDay(year)
  const hungKings = lunarToSolar({ day: 10, month: 3, year, leap: false })
  if (hungKings === null) throw new RangeError(`no 10/3 lunar in ${year}`)
  return [
    { day: dayFromDate(year, 1, 1), reason: 'Tết Dương lịch' },
    ...[-1, 0, 1, 2, 3].map((offset) => ({ day: tet + offset, reason: 'Tết Nguyên đán' })),
    { day: hungKings, reason: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { day: dayFromDate(year, 4, 30), reason: 'Ngày Chiến thắng (30/4)' },
    { day: dayFromDate(year, 5, 1), reason: 'Ngày Quốc tế Lao động (1/5)' },
    { day: dayFromDate(year, 9, 2), reason: 'Quốc khánh (2/9)' },
    { day: dayFromDate(year, 9, 3), reason: 'Quốc khánh (ngày liền kề sau 2/9)' },
  ].sort((a, b) => a.day - b.day)
}

/**
 * The days off of a year with no published decision: the statutory holidays, and for each one that
 * falls on a Saturday or Sunday a compensatory day on the next working day (Art. 112(3)).
 */
export function defaultYearDecision(year: number): YearDecision {
  const holidays = statutoryHolidays(year)
  const off = new Set(holidays.map((h) => h.day))
  const daysOff: CalendarDayOff[] = holidays.map((h) => ({
    date: isoDate(h.day),
    kind: DayOffKind.Holiday,
    reason: h.reason,
  }))
  for (const holiday of holidays) {
    if (!isWeekend(holiday.day)) continue
    let day = holiday.day + 1
    while (isWeekend(day) || off.has(day)) day++
    off.add(day)
    daysOff.push({ date: isoDate(day), kind: DayOffKind.Compensatory, reason: `Nghỉ bù ${holiday.reason}` })
  }
  daysOff.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  return {
    year,
    daysOff,
    makeUpWorkdays: [],
    decision: { number: null, date: null, issuer: 'Quy tắc mặc định (Bộ luật Lao động 2019, Điều 112)' },
    sources: [],
    note: 'No decision published for this year: statutory holidays with the product rule of rules.md §4',
  }
}
