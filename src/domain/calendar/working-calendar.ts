import type { OfficeHoursSpan } from '../catalog/agency.ts'
import { defaultOfficeHours } from '../catalog/agency.ts'
import { type TimeLimit, TimeLimitUnit } from '../catalog/time-limit.ts'
import { type DayNumber, dayOf, type EpochMs, instantAt, isoDate, minuteOfDay } from './local-time.ts'
import { type OfficeSchedule, officeSchedule } from './office-schedule.ts'
import type { WorkingDays } from './working-days.ts'

/** An agency's working time: the province's working days and the agency's office hours. */
export type WorkingCalendar = { readonly days: WorkingDays; readonly office: OfficeSchedule }

export function workingCalendar(
  days: WorkingDays,
  hours: readonly OfficeHoursSpan[] = defaultOfficeHours,
): WorkingCalendar {
  return { days, office: officeSchedule(hours) }
}

export type DeadlineOptions = {
  /** Thời điểm tiếp nhận muộn nhất trong ngày: reception at or after this minute counts from the next working day. */
  readonly cutoffMinute?: number | null
}

function dayIndex(cal: WorkingCalendar, day: DayNumber): number {
  const i = day - cal.days.firstDay
  if (i < 0 || day > cal.days.lastDay) throw new RangeError(`${isoDate(day)} is outside the working calendar`)
  return i
}

/** Office minutes from the start of the calendar to `instant`: the clock that only runs in office hours. */
export function officeClock(cal: WorkingCalendar, instant: EpochMs): number {
  const day = dayOf(instant)
  const i = dayIndex(cal, day)
  const base = (cal.days.workingBefore[i] as number) * cal.office.minutesPerDay
  return cal.days.working[i] ? base + (cal.office.before[minuteOfDay(instant)] as number) : base
}

/** Where the clock starts for a reception at `instant`: after the cut-off, at the next working day. */
function startClock(cal: WorkingCalendar, instant: EpochMs, options: DeadlineOptions): number {
  const cutoff = options.cutoffMinute
  if (cutoff === null || cutoff === undefined) return officeClock(cal, instant)
  const i = dayIndex(cal, dayOf(instant))
  if (cal.days.working[i] && minuteOfDay(instant) >= cutoff)
    return ((cal.days.workingBefore[i] as number) + 1) * cal.office.minutesPerDay
  return officeClock(cal, instant)
}

/** The earliest instant at which the office clock reads `clock` (> 0): the end of a span, never idle time. */
function instantOfClock(cal: WorkingCalendar, clock: number): EpochMs {
  const perDay = cal.office.minutesPerDay
  const k = Math.floor((clock - 1) / perDay)
  const day = cal.days.workingDays[k]
  if (day === undefined) throw new RangeError('deadline falls beyond the working calendar')
  return instantAt(day, cal.office.clockAfter[clock - k * perDay] as number)
}

/** The first working day on or after `day`. */
function workingDayFrom(cal: WorkingCalendar, day: DayNumber): DayNumber {
  const next = cal.days.workingDays[cal.days.workingBefore[dayIndex(cal, day)] as number]
  if (next === undefined) throw new RangeError('deadline falls beyond the working calendar')
  return next
}

/**
 * Ngày hẹn trả kết quả: the instant a limit ends when counted from a reception at `from` (rules.md §4).
 * Working days are N office days (N × 8 h on the default hours) and working hours are office time,
 * both counted only in office hours of working days; a reception outside them counts from the next
 * opening. Calendar days follow the Civil Code (Art. 147–148): the reception day is not counted and
 * an end on a day off moves to the next working day, at closing time. "Within the day" ends at the
 * closing time of the reception day. Null when the procedure has no fixed limit.
 */
export function addWorkingTime(
  cal: WorkingCalendar,
  from: EpochMs,
  limit: TimeLimit,
  options: DeadlineOptions = {},
): EpochMs | null {
  switch (limit.unit) {
    case TimeLimitUnit.WorkingDays:
      return addOfficeMinutes(cal, from, Math.round(limit.value * cal.office.minutesPerDay), options)
    case TimeLimitUnit.WorkingHours:
      return addOfficeMinutes(cal, from, Math.round(limit.value * 60), options)
    case TimeLimitUnit.CalendarDays: {
      const start = receptionDay(cal, from, options)
      return instantAt(workingDayFrom(cal, start + Math.ceil(limit.value)), cal.office.closing)
    }
    case TimeLimitUnit.WithinDay:
      return instantAt(receptionDay(cal, from, options), cal.office.closing)
    case TimeLimitUnit.None:
      return null
  }
}

/** `from` plus `minutes` of office time. */
export function addOfficeMinutes(cal: WorkingCalendar, from: EpochMs, minutes: number, options: DeadlineOptions = {}) {
  if (minutes <= 0) return from
  return instantOfClock(cal, startClock(cal, from, options) + minutes)
}

/** The working day on which a reception at `from` counts: the next one if outside hours or past the cut-off. */
function receptionDay(cal: WorkingCalendar, from: EpochMs, options: DeadlineOptions): DayNumber {
  const day = cal.days.workingDays[Math.floor(startClock(cal, from, options) / cal.office.minutesPerDay)]
  if (day === undefined) throw new RangeError('reception falls beyond the working calendar')
  return day
}

/** Office minutes between two instants (negative when `to` is before `from`): pauses, step timeliness, KPIs. */
export function workingTimeBetween(cal: WorkingCalendar, from: EpochMs, to: EpochMs): number {
  return officeClock(cal, to) - officeClock(cal, from)
}
