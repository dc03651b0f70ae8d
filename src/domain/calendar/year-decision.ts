import { type Static, Type } from 'typebox'
import { DateOnly } from '../catalog/source.ts'

/** Why a weekday is off. */
export const DayOffKind = {
  /** Ngày nghỉ lễ, tết (Labour Code 2019 Art. 112(1); the holiday rules) */
  Holiday: 'holiday',
  /** Nghỉ bù: a holiday fell on a weekly rest day (Labour Code 2019 Art. 111(3)) */
  Compensatory: 'compensatory',
  /** Hoán đổi: a working day moved to a make-up Saturday */
  Swapped: 'swapped',
  /** Nghỉ thêm: an extra day off granted by decision */
  Extra: 'extra',
} as const
export type DayOffKind = (typeof DayOffKind)[keyof typeof DayOffKind]

export const CalendarDayOff = Type.Object({
  date: DateOnly,
  kind: Type.Enum(DayOffKind, {
    description: 'holiday (nghỉ lễ, tết), compensatory (nghỉ bù), swapped (hoán đổi) or extra (nghỉ thêm)',
  }),
  reason: Type.String({ minLength: 1, description: 'Why the day is off, in Vietnamese (shown to users)' }),
})
export type CalendarDayOff = Static<typeof CalendarDayOff>

/** Ngày làm bù: a Saturday or Sunday worked in exchange for a swapped weekday. */
export const MakeUpWorkday = Type.Object({
  date: DateOnly,
  reason: Type.String({ minLength: 1, description: 'Which day off it makes up for, in Vietnamese' }),
})
export type MakeUpWorkday = Static<typeof MakeUpWorkday>

/**
 * Quyết định / thông báo nghỉ lễ, tết hằng năm: the Government's decision for one year's days off
 * and make-up days for civil servants. A decided year replaces the default rule for that year.
 */
export const YearDecision = Type.Object({
  year: Type.Integer({ minimum: 1970, maximum: 2100, description: 'The calendar year decided' }),
  daysOff: Type.Array(CalendarDayOff, {
    description:
      'Every day off of the year that is not an ordinary Saturday or Sunday rest (weekend days inside a break may be listed too)',
  }),
  makeUpWorkdays: Type.Array(MakeUpWorkday, { description: 'Ngày làm bù: weekend days worked instead' }),
  decision: Type.Object(
    {
      number: Type.Union([Type.String(), Type.Null()], {
        description: 'Số hiệu văn bản, e.g. 8662/VPCP-KGVX; null if not found',
      }),
      date: Type.Union([DateOnly, Type.Null()], { description: 'Ngày ban hành: date of issue; null if not found' }),
      issuer: Type.String({ description: 'Cơ quan ban hành: who issued it, e.g. Thủ tướng Chính phủ' }),
    },
    { description: 'The decision or notice (quyết định, thông báo) the days come from' },
  ),
  sources: Type.Array(Type.String(), { description: 'Public sources that report the decision' }),
  note: Type.Optional(Type.String({ description: 'Anything the administrator wants kept with the year' })),
})
export type YearDecision = Static<typeof YearDecision>

/** A rule of a year decision that the input breaks, with Vietnamese and English text. */
export type DecisionProblem = { readonly path: string; readonly vi: string; readonly en: string }

/** Checks what the schema cannot: dates inside the year, real dates, no duplicates, make-up days on weekends. */
export function checkYearDecision(decision: YearDecision): DecisionProblem[] {
  const problems: DecisionProblem[] = []
  const seen = new Set<string>()
  const inYear = (date: string) => date.startsWith(`${decision.year}-`)
  const real = (date: string) => {
    const d = new Date(`${date}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date
  }
  decision.daysOff.forEach((day, i) => {
    const path = `/daysOff/${i}/date`
    if (!real(day.date))
      problems.push({ path, vi: `${day.date} không phải là ngày hợp lệ`, en: `${day.date} is not a real date` })
    else if (!inYear(day.date))
      problems.push({
        path,
        vi: `${day.date} không thuộc năm ${decision.year}`,
        en: `${day.date} is not in ${decision.year}`,
      })
    if (seen.has(day.date))
      problems.push({ path, vi: `Ngày nghỉ ${day.date} bị trùng`, en: `Day off ${day.date} is listed twice` })
    seen.add(day.date)
  })
  const makeUps = new Set<string>()
  decision.makeUpWorkdays.forEach((day, i) => {
    const path = `/makeUpWorkdays/${i}/date`
    if (!real(day.date)) {
      problems.push({ path, vi: `${day.date} không phải là ngày hợp lệ`, en: `${day.date} is not a real date` })
      return
    }
    if (!inYear(day.date))
      problems.push({
        path,
        vi: `${day.date} không thuộc năm ${decision.year}`,
        en: `${day.date} is not in ${decision.year}`,
      })
    const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay()
    if (weekday !== 0 && weekday !== 6)
      problems.push({
        path,
        vi: `Ngày làm bù ${day.date} phải là thứ Bảy hoặc Chủ nhật`,
        en: `Make-up day ${day.date} must be a Saturday or Sunday`,
      })
    if (seen.has(day.date))
      problems.push({
        path,
        vi: `${day.date} vừa là ngày nghỉ vừa là ngày làm bù`,
        en: `${day.date} is both a day off and a make-up day`,
      })
    if (makeUps.has(day.date))
      problems.push({ path, vi: `Ngày làm bù ${day.date} bị trùng`, en: `Make-up day ${day.date} is listed twice` })
    makeUps.add(day.date)
  })
  return problems
}
