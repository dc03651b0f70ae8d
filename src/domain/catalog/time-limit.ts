import { type Static, Type } from 'typebox'

/** Unit of a statutory time limit (thời hạn giải quyết), rules.md §4. */
export const TimeLimitUnit = {
  WorkingDays: 'working_days',
  CalendarDays: 'calendar_days',
  WorkingHours: 'working_hours',
  /** Trong ngày: by the end of the reception day */
  WithinDay: 'within_day',
  /** Không có thời hạn cụ thể theo quy định */
  None: 'none',
} as const
export type TimeLimitUnit = (typeof TimeLimitUnit)[keyof typeof TimeLimitUnit]

export const TimeLimit = Type.Union(
  [
    Type.Object({
      unit: Type.Union(
        [
          Type.Literal(TimeLimitUnit.WorkingDays),
          Type.Literal(TimeLimitUnit.CalendarDays),
          Type.Literal(TimeLimitUnit.WorkingHours),
        ],
        { description: 'ngày làm việc (working days), ngày (calendar days) or giờ làm việc (working hours)' },
      ),
      value: Type.Number({ exclusiveMinimum: 0, description: 'Amount in the unit, counted from complete reception' }),
    }),
    Type.Object({
      unit: Type.Union([Type.Literal(TimeLimitUnit.WithinDay), Type.Literal(TimeLimitUnit.None)], {
        description: 'within_day: trong ngày, by the end of the reception day; none: không có thời hạn cụ thể',
      }),
    }),
  ],
  { description: 'Statutory time limit (rules.md §4): N working days = N × 8 office hours' },
)
export type TimeLimit = Static<typeof TimeLimit>

/** Hours of office time one working day holds (product rule, rules.md §4). */
export const hoursPerWorkingDay = 8

/**
 * The limit expressed in working hours, which internal step budgets add up to.
 * Calendar days count as 8 hours each and "within the day" as one working day (product rule);
 * a procedure with no fixed limit has no total.
 */
export function limitInWorkingHours(limit: TimeLimit): number | null {
  switch (limit.unit) {
    case TimeLimitUnit.WorkingDays:
    case TimeLimitUnit.CalendarDays:
      return limit.value * hoursPerWorkingDay
    case TimeLimitUnit.WorkingHours:
      return limit.value
    case TimeLimitUnit.WithinDay:
      return hoursPerWorkingDay
    case TimeLimitUnit.None:
      return null
  }
}
