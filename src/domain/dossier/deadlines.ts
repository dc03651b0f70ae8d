import { dayOf, type EpochMs, isoDate } from '../calendar/local-time.ts'
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

/** The workflow step of the procedure that a phase spends, found by role (and kind for coordination). */
function workflowStep(ctx: DecisionContext, phase: Phase) {
  const steps = ctx.terms.steps
  switch (phase) {
    case 'reception':
      return steps.find((s) => s.role === 'counter_officer')
    case 'appraisal':
      return steps.find((s) => s.role === 'specialist' && s.agencyKind !== 'central_branch')
    case 'coordination':
      return steps.find((s) => s.role === 'specialist' && s.agencyKind === 'central_branch')
    case 'approval':
      return steps.find((s) => s.role === 'leader')
    case 'issue':
      return steps.find((s) => s.role === 'clerk')
  }
}

/**
 * Opens a phase at `agencyId` with its due time: the step's budget in office hours from `at`. A phase
 * opened again (appraisal after an inter-agency round trip) gets what its earlier rows left unused.
 */
export function openStep(
  ctx: DecisionContext,
  d: Dossier | null,
  phase: Phase,
  agencyId: string,
  at: EpochMs,
): OpenedStep {
  const step = workflowStep(ctx, phase)
  const cal = ctx.calendar(agencyId)
  const used = (d?.steps ?? [])
    .filter((s) => s.phase === phase)
    .reduce((sum, s) => sum + workingTimeBetween(cal, s.startedAt, s.endedAt ?? at), 0)
  const budget = Math.max(0, Math.round((step?.budgetHours ?? 0) * 60) - used)
  return { phase, name: step?.name ?? defaultStepNames[phase], agencyId, dueAt: addOfficeMinutes(cal, at, budget) }
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
