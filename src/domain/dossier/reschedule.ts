import { type ChangedDay, daysBeforeChange } from '../calendar/calendar-change.ts'
import { dayOf, type EpochMs, instantAt } from '../calendar/local-time.ts'
import { addOfficeMinutes, type WorkingCalendar, workingTimeBetween } from '../calendar/working-calendar.ts'
import { isWorkingDay } from '../calendar/working-days.ts'
import { TimeLimitUnit } from '../catalog/time-limit.ts'
import type { DecisionContext } from './context.ts'
import { currentStep, type Dossier } from './state.ts'
import { Channel } from './status.ts'

/** Deadlines of an open dossier after a calendar change; null fields keep theirs. */
export type Rescheduled = {
  readonly appointmentAt: EpochMs | null
  readonly originalAppointmentAt: EpochMs | null
  readonly stepDueAt: EpochMs | null
}

const before = (cal: WorkingCalendar, changed: readonly ChangedDay[]): WorkingCalendar =>
  changed.length === 0 ? cal : { days: daysBeforeChange(cal.days, changed), office: cal.office }

/**
 * A deadline counted in office time keeps the office time that remained at the change: a day that
 * became a holiday ahead of it moves it one working day later, a make-up day earlier. A deadline
 * already passed stays (the dossier is late; the change cannot excuse it).
 */
function keepRemaining(due: EpochMs, now: EpochMs, old: WorkingCalendar, cal: WorkingCalendar): EpochMs {
  if (due <= now) return due
  return addOfficeMinutes(cal, now, workingTimeBetween(old, now, due))
}

/** A limit in calendar days counts holidays; only an end that became a day off moves, to the next working day. */
function keepCalendarDay(due: EpochMs, now: EpochMs, cal: WorkingCalendar): EpochMs {
  if (due <= now) return due
  let day = dayOf(due)
  if (isWorkingDay(cal.days, day)) return due
  while (!isWorkingDay(cal.days, day)) day++
  return instantAt(day, cal.office.closing)
}

/**
 * Ngày hẹn trả after the Government's holiday decision or a holiday rule changed (shared rules §4:
 * "changing them recomputes open deadlines"): the appointment given at reception and the open step's
 * due time, each on its agency's calendar. A date promised in an apology (form 04, Decree 61/2018
 * Art. 19(4)(c)) is the agency's written word and stays; the statutory appointment behind it moves.
 * No step is due after the appointment (as `openStep`). Null when nothing moves.
 */
export function rescheduledDeadlines(
  d: Dossier,
  ctx: DecisionContext,
  change: {
    readonly changedDays: readonly ChangedDay[]
    readonly laterChangedDays?: readonly ChangedDay[] | undefined
    readonly changedAt: EpochMs
    readonly changeId: number
  },
): Rescheduled | null {
  const { changedDays: changed, laterChangedDays: later = [], changedAt } = change
  if (d.processingAgencyId === null || changed.length === 0) return null
  // A dossier received after the change was given its deadlines on the new calendar already.
  if (d.receivedAt === null || d.receivedAt >= changedAt) return null
  // Applied once: a round done again after a crash finds the dossier moved by this change already.
  if ((d.calendarChange ?? 0) >= change.changeId) return null
  // Changes apply in order: this one moves the deadlines to the calendar as it stood right after it.
  const calendarOf = (agencyId: string) => before(ctx.calendar(agencyId), later)
  const cal = calendarOf(d.processingAgencyId)
  const limit =
    d.channel === Channel.Online && ctx.terms.onlineTimeLimit ? ctx.terms.onlineTimeLimit : ctx.terms.timeLimit
  const move = (due: EpochMs | null) => {
    if (due === null) return null
    return limit.unit === TimeLimitUnit.CalendarDays
      ? keepCalendarDay(due, ctx.now, cal)
      : keepRemaining(due, ctx.now, before(cal, changed), cal)
  }
  const original = move(d.originalAppointmentAt)
  const appointment = d.apology ? d.appointmentAt : move(d.appointmentAt)
  const step = currentStep(d)
  const stepCal = step ? calendarOf(step.agencyId) : null
  const byBudget =
    step && stepCal && step.startedAt < changedAt
      ? keepRemaining(step.dueAt, ctx.now, before(stepCal, changed), stepCal)
      : null
  const stepDue = byBudget !== null && appointment !== null ? Math.min(byBudget, appointment) : byBudget
  const next: Rescheduled = {
    appointmentAt: appointment === d.appointmentAt ? null : appointment,
    originalAppointmentAt: original === d.originalAppointmentAt ? null : original,
    stepDueAt: step && stepDue !== null && stepDue !== step.dueAt ? stepDue : null,
  }
  return next.appointmentAt === null && next.originalAppointmentAt === null && next.stepDueAt === null ? null : next
}
