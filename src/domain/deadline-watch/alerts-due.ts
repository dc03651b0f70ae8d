import type { EpochMs } from '../calendar/local-time.ts'
import { addOfficeMinutes, officeClock, type WorkingCalendar } from '../calendar/working-calendar.ts'
import { Role } from '../dossier/actor.ts'
import type { Phase } from '../dossier/events.ts'
import { currentStep, type Dossier } from '../dossier/state.ts'
import { DossierStatus, openStatuses } from '../dossier/status.ts'

/** Loại cảnh báo hạn: what the deadline watcher tells the officers (rules.md, "Deadline watcher"). */
export const AlertKind = {
  /** Một ngày làm việc trước hạn của bước: the step's officer and their leader are warned. */
  StepWarning: 'step-warning',
  /** Một ngày làm việc trước ngày hẹn trả: the dossier's officer and their leader are warned. */
  DossierWarning: 'dossier-warning',
  /** Quá hạn mà chưa xin lỗi: escalated to the leader. */
  DossierOverdue: 'dossier-overdue-escalation',
  /** Hết thời hạn bổ sung: the dossier is stopped with its notice (form 05). */
  SupplementExpired: 'supplement-expired',
} as const
export type AlertKind = (typeof AlertKind)[keyof typeof AlertKind]

/** Who is told: one officer by account, or every officer of a role at an agency. */
export type Recipient = {
  readonly agencyId: string
  readonly role: Role
  /** The assigned officer's account; null: every officer of `role` at `agencyId`. */
  readonly userId: string | null
}

/** Cảnh báo: one alert, raised once per dossier and key (the key names the step or the deadline). */
export type Alert = {
  readonly key: string
  readonly kind: AlertKind
  /** The instant it became due: the warning moment, the deadline, the supplement limit's end. */
  readonly due: EpochMs
  /** The deadline it is about (the step's due time, the appointment, the supplement limit's end). */
  readonly deadline: EpochMs
  readonly recipients: readonly Recipient[]
}

/** What the watcher needs from outside: the agencies' calendars and the procedure's supplement limit. */
export type WatchTerms = {
  readonly calendar: (agencyId: string) => WorkingCalendar
  /** Thời hạn bổ sung hồ sơ in working days (the procedure version's), null: none set. */
  readonly supplementLimitDays: number | null
}

const phaseRole: Record<Phase, Role> = {
  reception: Role.CounterOfficer,
  appraisal: Role.Specialist,
  coordination: Role.Specialist,
  approval: Role.Leader,
  issue: Role.Clerk,
}

/**
 * The instant one working day before `deadline`: the same point of the office clock one office day
 * earlier (the window `urgencyOf` marks "due soon" and the `warn-late` guard opens). Null when the
 * whole time from `from` is one working day or less (product rule: the queue shows it due soon from
 * the start, a warning would say nothing new).
 */
function oneWorkingDayBefore(cal: WorkingCalendar, deadline: EpochMs, from: EpochMs): EpochMs | null {
  const clock = officeClock(cal, deadline) - cal.office.minutesPerDay
  const fromClock = officeClock(cal, from)
  return clock <= fromClock ? null : addOfficeMinutes(cal, from, clock - fromClock)
}

/** The officer who has the dossier now (the assignee, else the current step's role) and their leader. */
function officerAndLeader(d: Dossier): Recipient[] {
  const step = currentStep(d)
  const agencyId = step?.agencyId ?? d.holderAgencyId
  const role = step ? phaseRole[step.phase] : Role.Specialist
  const assigned = d.assignee !== null && step !== undefined && step.agencyId === d.holderAgencyId
  const officer: Recipient = {
    agencyId,
    role,
    userId: assigned && role === Role.Specialist ? (d.assignee?.id ?? null) : null,
  }
  const leader: Recipient = { agencyId, role: Role.Leader, userId: null }
  return role === Role.Leader ? [leader] : [officer, leader]
}

/** The clock is stopped: a supplement or (where the law says so) a payment is awaited. */
const paused = (d: Dossier) => d.pausedSince !== null || (d.paymentPausedSince ?? null) !== null

/**
 * Cảnh báo đến hạn: every alert due for `d` at `now`, from its state alone (no I/O, time passed in).
 * Each key is stable, so the caller records an alert once however often it asks. A finished dossier
 * has none; while the clock is stopped only the supplement limit runs (the time waiting for a
 * supplement does not count towards the time limit, rules.md §1).
 */
export function alertsDue(d: Dossier, now: EpochMs, terms: WatchTerms): Alert[] {
  if (!openStatuses.includes(d.status) || d.processingAgencyId === null) return []
  const recipients = officerAndLeader(d)
  if (paused(d)) return supplementExpiry(d, now, terms, recipients)
  const alerts: Alert[] = []
  const step = currentStep(d)
  const stepWarning = step ? oneWorkingDayBefore(terms.calendar(step.agencyId), step.dueAt, step.startedAt) : null
  if (step && stepWarning !== null)
    alerts.push({
      key: `step-warning:${d.steps.length - 1}`,
      kind: AlertKind.StepWarning,
      due: stepWarning,
      deadline: step.dueAt,
      recipients,
    })
  if (d.appointmentAt === null || d.receivedAt === null) return alerts.filter((a) => a.due <= now)
  const deadline = d.appointmentAt
  const warning = oneWorkingDayBefore(terms.calendar(d.processingAgencyId), deadline, d.receivedAt)
  if (warning !== null)
    alerts.push({
      key: `dossier-warning:${deadline}`,
      kind: AlertKind.DossierWarning,
      due: warning,
      deadline,
      recipients,
    })
  // An apology before the deadline gives one new date (the appointment now): only that date passing
  // escalates. One issued after the deadline escalates at once, if the deadline was not caught first.
  const late = d.apology !== null && d.apologyLate === true
  alerts.push({
    key: AlertKind.DossierOverdue,
    kind: AlertKind.DossierOverdue,
    due: late ? (d.apology?.at ?? deadline) : deadline + 1,
    deadline,
    recipients: [{ agencyId: d.processingAgencyId, role: Role.Leader, userId: null }],
  })
  return alerts.filter((a) => a.due <= now)
}

/** Hết thời hạn bổ sung: the working days the procedure gives the applicant, from the request. */
function supplementExpiry(d: Dossier, now: EpochMs, terms: WatchTerms, recipients: Recipient[]): Alert[] {
  const limit = terms.supplementLimitDays
  if (d.status !== DossierStatus.SupplementRequested || d.pausedSince === null || limit === null) return []
  const cal = terms.calendar(d.processingAgencyId ?? d.holderAgencyId)
  const deadline = addOfficeMinutes(cal, d.pausedSince, limit * cal.office.minutesPerDay)
  if (now < deadline) return []
  return [
    {
      key: `supplement-expired:${d.supplementRequests.length}`,
      kind: AlertKind.SupplementExpired,
      due: deadline,
      deadline,
      recipients,
    },
  ]
}
