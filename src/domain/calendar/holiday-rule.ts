import { type Static, Type } from 'typebox'
import { DateOnly } from '../catalog/source.ts'

/** How a holiday rule names its day in a year. */
export const HolidayDayKind = {
  /** Một ngày dương lịch: a fixed solar day, e.g. 30/4 */
  Solar: 'solar',
  /** Một ngày âm lịch: a fixed day of the Vietnamese lunar calendar, e.g. 10/3 âm lịch */
  Lunar: 'lunar',
  /** Tết Âm lịch: consecutive days around the lunar new year's day */
  TetSpan: 'tet_span',
} as const
export type HolidayDayKind = (typeof HolidayDayKind)[keyof typeof HolidayDayKind]

const Month = Type.Integer({ minimum: 1, maximum: 12, description: 'Month, 1–12' })
const DayOfMonth = Type.Integer({ minimum: 1, maximum: 31, description: 'Day of the month, 1–31 (lunar: 1–30)' })

export const HolidayDay = Type.Union(
  [
    Type.Object(
      {
        kind: Type.Literal(HolidayDayKind.Solar, { description: 'solar: a fixed solar day' }),
        month: Month,
        day: DayOfMonth,
      },
      { additionalProperties: false, description: 'A fixed solar (Gregorian) day every year' },
    ),
    Type.Object(
      {
        kind: Type.Literal(HolidayDayKind.Lunar, { description: 'lunar: a fixed lunar day' }),
        month: Month,
        day: DayOfMonth,
      },
      { additionalProperties: false, description: 'A fixed day of the lunar calendar (non-leap month), UTC+7' },
    ),
    Type.Object(
      {
        kind: Type.Literal(HolidayDayKind.TetSpan, { description: 'tet_span: days around the lunar new year' }),
        daysBefore: Type.Integer({
          minimum: 0,
          maximum: 5,
          description: 'Days off before the lunar new year’s day (the last days of the old year)',
        }),
        length: Type.Integer({ minimum: 1, maximum: 10, description: 'Number of consecutive days off' }),
      },
      { additionalProperties: false, description: 'Tết Âm lịch: a span of days around mùng 1 tháng Giêng' },
    ),
  ],
  { description: 'Which day or days of a year the rule makes holidays' },
)
export type HolidayDay = Static<typeof HolidayDay>

export const HolidaySource = Type.Object(
  {
    instrument: Type.String({
      minLength: 1,
      description: 'Văn bản: the instrument, e.g. Bộ luật Lao động 2019 (45/2019/QH14)',
    }),
    article: Type.String({ minLength: 1, description: 'Điều, khoản, điểm: e.g. Điều 112 khoản 1 điểm a' }),
    url: Type.Union([Type.String({ minLength: 1 }), Type.Null()], {
      description: 'Where the text or a report of it is published; null if none was read',
    }),
    verified: Type.String({ minLength: 1, description: 'What was checked, where and when, and what was not' }),
  },
  { additionalProperties: false, description: 'The legal source of the rule' },
)
export type HolidaySource = Static<typeof HolidaySource>

/**
 * Ngày nghỉ lễ, tết theo quy định: one statutory holiday as effective-dated data, so that a change in
 * the law is entered by the provincial administrator without a release (rules.md "Holidays").
 */
export const HolidayRule = Type.Object(
  {
    id: Type.String({
      pattern: '^[a-z0-9][a-z0-9-]{2,79}$',
      description: 'Stable identifier, lower-case words and digits joined by hyphens',
    }),
    day: HolidayDay,
    effectiveFrom: { ...DateOnly, description: 'Ngày có hiệu lực: the first day the rule applies' },
    effectiveTo: Type.Union([DateOnly, Type.Null()], {
      description: 'The last day the rule applies (hết hiệu lực); null while in force',
    }),
    enabled: Type.Boolean({ description: 'False: kept with its source but not applied' }),
    compensated: Type.Boolean({
      description:
        'Nghỉ bù: when the day falls on a weekly rest day it is compensated on the next working day (Labour Code 2019 Art. 111(3))',
    }),
    reason: Type.String({ minLength: 1, maxLength: 200, description: 'Tên ngày lễ, in Vietnamese (shown to users)' }),
    source: HolidaySource,
  },
  { additionalProperties: false },
)
export type HolidayRule = Static<typeof HolidayRule>

/** A rule of a holiday rule that the input breaks, Vietnamese and English. */
export type RuleProblem = { readonly path: string; readonly vi: string; readonly en: string }

const realDate = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date
}

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Checks what the schema cannot: real dates inside 1970–2100, an end not before the start, a real day. */
export function checkHolidayRule(rule: HolidayRule): RuleProblem[] {
  const problems: RuleProblem[] = []
  for (const [field, date] of [
    ['effectiveFrom', rule.effectiveFrom],
    ['effectiveTo', rule.effectiveTo],
  ] as const) {
    if (date === null) continue
    if (!realDate(date) || date < '1970-01-01' || date > '2100-12-31')
      problems.push({
        path: `/${field}`,
        vi: `${date} không phải là ngày hợp lệ trong 1970–2100`,
        en: `${date} is not a real date in 1970–2100`,
      })
  }
  if (rule.effectiveTo !== null && rule.effectiveTo < rule.effectiveFrom)
    problems.push({
      path: '/effectiveTo',
      vi: 'Ngày hết hiệu lực trước ngày có hiệu lực',
      en: 'The rule ends before it starts',
    })
  const { day } = rule
  if (day.kind === HolidayDayKind.Solar && day.day > (daysInMonth[day.month - 1] as number))
    problems.push({
      path: '/day/day',
      vi: `Tháng ${day.month} không có ngày ${day.day}`,
      en: `Month ${day.month} has no day ${day.day}`,
    })
  if (day.kind === HolidayDayKind.Lunar && day.day > 30)
    problems.push({ path: '/day/day', vi: 'Tháng âm lịch có tối đa 30 ngày', en: 'A lunar month has at most 30 days' })
  if (day.kind === HolidayDayKind.TetSpan && day.daysBefore >= day.length)
    problems.push({
      path: '/day/daysBefore',
      vi: 'Kỳ nghỉ Tết phải gồm mùng 1 tháng Giêng',
      en: 'The Tết span must include the lunar new year’s day',
    })
  return problems
}

/** What the administrator may change on an existing rule: its dates of application, not its day. */
export const HolidayRuleChange = Type.Object(
  {
    enabled: Type.Optional(HolidayRule.properties.enabled),
    effectiveTo: Type.Optional(HolidayRule.properties.effectiveTo),
    compensated: Type.Optional(HolidayRule.properties.compensated),
    reason: Type.Optional(HolidayRule.properties.reason),
    source: Type.Optional(HolidaySource),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type HolidayRuleChange = Static<typeof HolidayRuleChange>

/** Enables, disables, ends or re-sources a rule; the problems instead when the result breaks a rule. */
export function reviseHolidayRule(rule: HolidayRule, change: HolidayRuleChange): HolidayRule | RuleProblem[] {
  const revised: HolidayRule = { ...rule, ...change }
  const problems = checkHolidayRule(revised)
  return problems.length > 0 ? problems : revised
}
