import { dayOf, type EpochMs, instantAt, isoDate, minuteOfDay } from '../calendar/local-time.ts'
import {
  addOfficeMinutes,
  addWorkingTime,
  type WorkingCalendar,
  workingTimeBetween,
} from '../calendar/working-calendar.ts'
import type { DecisionContext } from './context.ts'
import type { OpenedStep, Phase } from './events.ts'
import type { Dossier, StepRecord } from './state.ts'
import { Channel } from './status.ts'

/** Ngày hẹn trả: from the limit of the channel (online may differ), the cut-off and the agency's hours. */
export function appointmentAtReception(ctx: DecisionContext, channel: Channel, receivedAt: EpochMs): EpochMs | null {
  const { terms } = ctx
  const limit = channel === Channel.Online && terms.onlineTimeLimit ? terms.onlineTimeLimit : terms.timeLimit
  return addWorkingTime(ctx.calendar(terms.competentAgencyId), receivedAt, limit, { cutoffMinute: terms.cutoffMinute })
}

const defaultStepNames: Record<Phase, string> = {
  reception: 'Tiếp nhận hồ sơ',
  appraisal: 'Thẩm định hồ sơ',
  coordination: 'Xử lý liên thông',
  approval: 'Phê duyệt',
  issue: 'Ban hành, trả kết quả',
}

/** The lead agency's appraisal step: the specialist step at the competent agency, else the first not at a central branch. */
function appraisalStep(ctx: DecisionContext) {
  const specialists = ctx.terms.steps.filter((s) => s.role === 'specialist')
  return (
    specialists.find((s) => s.agencyId === ctx.terms.competentAgencyId) ??
    specialists.find((s) => s.agencyKind !== 'central_branch')
  )
}

/**
 * The workflow step of the procedure that a phase spends, found by role. Coordination is any other
 * specialist step (a department, a commune or a central branch alike): the one naming the agency
 * handed to, else the first other one — every coordinating agency gets its share of an
 * inter-agency time limit (Decree 118/2025/NĐ-CP on liên thông).
 */
function workflowStep(ctx: DecisionContext, phase: Phase, agencyId: string) {
  const steps = ctx.terms.steps
  switch (phase) {
    case 'reception':
      return steps.find((s) => s.role === 'counter_officer')
    case 'appraisal':
      return appraisalStep(ctx)
    case 'coordination': {
      const lead = appraisalStep(ctx)
      const others = steps.filter((s) => s.role === 'specialist' && s !== lead)
      return others.find((s) => s.agencyId === agencyId) ?? others.find((s) => s.agencyId === null) ?? others[0]
    }
    case 'approval':
      return steps.find((s) => s.role === 'leader')
    case 'issue':
      return steps.find((s) => s.role === 'clerk')
  }
}

/**
 * Opens a phase at `agencyId` with its due time: the step's budget in office hours from `at`, never
 * after the dossier's appointment. A phase opened again (appraisal after an inter-agency round trip)
 * gets what its earlier rows left unused.
 */
export function openStep(
  ctx: DecisionContext,
  d: Dossier | null,
  phase: Phase,
  agencyId: string,
  at: EpochMs,
): OpenedStep {
  const step = workflowStep(ctx, phase, agencyId)
  const cal = ctx.calendar(agencyId)
  const used = (d?.steps ?? [])
    .filter((s) => s.phase === phase)
    .reduce((sum, s) => sum + workingTimeBetween(cal, s.startedAt, s.endedAt ?? at), 0)
  const budget = Math.max(0, Math.round((step?.budgetHours ?? 0) * 60) - used)
  const byBudget = addOfficeMinutes(cal, at, budget)
  const transferBy =
    phase === 'reception' && d !== null && d.channel !== Channel.Online ? paperTransferDue(cal, at) : byBudget
  // Product rule: no step is due after the dossier's appointment. Step budgets count a "within the
  // day" limit as a full 8-hour day, which would otherwise put a same-day procedure's steps on the
  // next day while the dossier itself is due that afternoon.
  const appointment = d?.appointmentAt ?? null
  const dueAt = Math.min(byBudget, transferBy, appointment !== null && appointment >= at ? appointment : Infinity)
  return { phase, name: step?.name ?? defaultStepNames[phase], agencyId, dueAt }
}

/** Received after this clock minute, a paper dossier is handed to the competent agency the next morning. */
export const paperTransferCutoffMinute = 15 * 60
/** Product rule: "đầu giờ ngày làm việc tiếp theo" is read as the first office hour of that day. */
export const nextMorningGraceMinutes = 60

/**
 * Chuyển hồ sơ giấy: a dossier received in person or by post goes to the competent agency within
 * the working day, or at the start of the next working day when received after 15:00 (Decree
 * 61/2018/NĐ-CP Art. 19(1)(a), kept by Decree 118/2025/NĐ-CP); an electronic one at once (its
 * reception step's own budget).
 */
export function paperTransferDue(cal: WorkingCalendar, receivedAt: EpochMs): EpochMs {
  const sameOrNext = addWorkingTime(
    cal,
    receivedAt,
    { unit: 'within_day' },
    { cutoffMinute: paperTransferCutoffMinute },
  )
  if (sameOrNext === null || dayOf(sameOrNext) === dayOf(receivedAt)) return sameOrNext ?? receivedAt
  if (minuteOfDay(receivedAt) < paperTransferCutoffMinute) return sameOrNext
  return addOfficeMinutes(cal, instantAt(dayOf(sameOrNext), cal.office.opening), nextMorningGraceMinutes)
}

/** Office minutes a supplement kept the dossier waiting, on the calendar of the agency that asked. */
export function pausedOfficeMinutes(ctx: DecisionContext, d: Dossier, until: EpochMs): number {
  const last = d.supplementRequests[d.supplementRequests.length - 1]
  if (d.pausedSince === null || !last) return 0
  return Math.max(0, workingTimeBetween(ctx.calendar(last.agencyId), d.pausedSince, until))
}

/** Trước hạn / đúng hạn / quá hạn. */
export type Timeliness = 'early' | 'on_time' | 'late'

/** Late after the due instant; early when finished on an earlier day than the due day. */
export function timelinessOf(endedAt: EpochMs, dueAt: EpochMs): Timeliness {
  if (endedAt > dueAt) return 'late'
  return isoDate(dayOf(endedAt)) < isoDate(dayOf(dueAt)) ? 'early' : 'on_time'
}

export const stepTimeliness = (s: StepRecord): Timeliness | null =>
  s.endedAt === null ? null : timelinessOf(s.endedAt, s.dueAt)

/**
 * The deadline indicators judge by (rules.md §6): the original appointment shifted by the paused
 * office time; an apology's new date does not count. Null without an appointment.
 */
export function kpiDeadline(ctx: Pick<DecisionContext, 'calendar'>, d: Dossier): EpochMs | null {
  if (d.originalAppointmentAt === null || d.processingAgencyId === null) return null
  return addOfficeMinutes(ctx.calendar(d.processingAgencyId), d.originalAppointmentAt, d.pausedMinutes)
}

/**
 * Timeliness of a finished dossier as indicators count it: more than one supplement request (by
 * exception) is late whatever the dates.
 */
export function dossierTimeliness(ctx: Pick<DecisionContext, 'calendar'>, d: Dossier): Timeliness | null {
  const deadline = kpiDeadline(ctx, d)
  if (d.endedAt === null || deadline === null) return null
  if (d.supplementRequests.length > 1) return 'late'
  return timelinessOf(d.endedAt, deadline)
}

/** Queue marks: past due, due within one working day, or on track. */
export type Urgency = 'late' | 'due_soon' | 'on_track'

export function urgencyOf(cal: WorkingCalendar, now: EpochMs, dueAt: EpochMs | null): Urgency {
  if (dueAt === null) return 'on_track'
  if (now > dueAt) return 'late'
  return workingTimeBetween(cal, now, dueAt) <= cal.office.minutesPerDay ? 'due_soon' : 'on_track'
}
