import { workingTimeBetween } from '../calendar/working-calendar.ts'
import { type Actor, Role } from './actor.ts'
import type { DecisionContext } from './context.ts'
import { type Refusal, refuse } from './refusal.ts'
import { currentStep, type Dossier } from './state.ts'
import { DossierStatus, openStatuses } from './status.ts'

/** Commands that act on an existing dossier (creation is `submit` or `receiveAtCounter`). */
export const Action = {
  Receive: 'receive',
  RequestReceptionSupplement: 'request-reception-supplement',
  RejectReception: 'reject-reception',
  Redirect: 'redirect',
  Digitize: 'digitize',
  ReuseComponent: 'reuse-component',
  Transfer: 'transfer',
  Assign: 'assign',
  Appraise: 'appraise',
  RequestSupplement: 'request-supplement',
  ReceiveSupplement: 'receive-supplement',
  RequirePayment: 'require-payment',
  RecordPayment: 'record-payment',
  TransferToAgency: 'transfer-to-agency',
  ReturnFromAgency: 'return-from-agency',
  Approve: 'approve',
  Issue: 'issue',
  ReturnResult: 'return-result',
  Withdraw: 'withdraw',
  Stop: 'stop',
  WarnLate: 'warn-late',
  IssueApology: 'issue-apology',
  Rate: 'rate',
} as const
export type Action = (typeof Action)[keyof typeof Action]

type Guard = (d: Dossier, actor: Actor, ctx: DecisionContext) => Refusal | null

const officerAt = (actor: Actor, roles: readonly Role[], agencyId: string | null) =>
  roles.includes(actor.role) && actor.agencyId !== null && actor.agencyId === agencyId
const isApplicant = (d: Dossier, actor: Actor) => actor.role === Role.Applicant && actor.id === d.applicant.id
const status = (d: Dossier, ...allowed: DossierStatus[]) => (allowed.includes(d.status) ? null : refuse('wrongStatus'))
const phase = (d: Dossier, ...phases: string[]) => {
  const step = currentStep(d)
  return step && phases.includes(step.phase) ? null : refuse('wrongStep')
}
const first = (...checks: (() => Refusal | null)[]) => {
  for (const check of checks) {
    const r = check()
    if (r) return r
  }
  return null
}
const who = (allowed: boolean) => (allowed ? null : refuse('notAllowed'))

const atCounter = (d: Dossier, a: Actor) => who(officerAt(a, [Role.CounterOfficer], d.receivingAgencyId))
const counterWhileSubmitted: Guard = (d, a) =>
  first(
    () => atCounter(d, a),
    () => status(d, DossierStatus.Submitted),
  )

/** Phiếu phân quyền: the one place that decides who may run which command on a dossier, and when. */
export const guards: Record<Action, Guard> = {
  [Action.Receive]: counterWhileSubmitted,
  [Action.RequestReceptionSupplement]: (d, a, ctx) =>
    first(
      () => counterWhileSubmitted(d, a, ctx),
      // Hướng dẫn một lần, đầy đủ: the counter guides the applicant once, fully, in writing.
      () => (d.receptionSupplements >= 1 ? refuse('secondSupplementNeedsException') : null),
    ),
  [Action.RejectReception]: counterWhileSubmitted,
  [Action.Redirect]: counterWhileSubmitted,
  [Action.Digitize]: (d, a) =>
    first(
      () => atCounter(d, a),
      () => status(d, DossierStatus.Submitted, DossierStatus.Received, DossierStatus.Processing),
    ),
  [Action.ReuseComponent]: (d, a) =>
    first(
      () => who(isApplicant(d, a) || officerAt(a, [Role.CounterOfficer], d.receivingAgencyId)),
      () => status(d, DossierStatus.Submitted, DossierStatus.Received, DossierStatus.SupplementRequested),
    ),
  [Action.Transfer]: (d, a) =>
    first(
      () => atCounter(d, a),
      () => status(d, DossierStatus.Received),
    ),
  [Action.Assign]: (d, a) =>
    first(
      () => who(officerAt(a, [Role.Leader], d.holderAgencyId)),
      () => status(d, DossierStatus.Processing),
      () => phase(d, 'appraisal', 'coordination'),
    ),
  [Action.Appraise]: (d, a) =>
    first(
      () => who(officerAt(a, [Role.Specialist], d.holderAgencyId)),
      () => status(d, DossierStatus.Processing),
      () => phase(d, 'appraisal'),
      () => (d.assignee && d.assignee.id !== a.id ? refuse('notAssignee') : null),
    ),
  [Action.RequestSupplement]: (d, a) =>
    first(
      () => who(officerAt(a, [Role.Specialist, Role.Leader], d.holderAgencyId)),
      () => status(d, DossierStatus.Processing),
      () => phase(d, 'appraisal', 'coordination', 'approval'),
    ),
  [Action.ReceiveSupplement]: (d, a) =>
    first(
      () => who(officerAt(a, [Role.CounterOfficer], d.receivingAgencyId) || isApplicant(d, a)),
      () => status(d, DossierStatus.SupplementRequested),
    ),
  [Action.RequirePayment]: (d, a) =>
    first(
      () => who(officerAt(a, [Role.Specialist], d.holderAgencyId)),
      () => status(d, DossierStatus.Processing),
      () => phase(d, 'appraisal', 'approval'),
    ),
  [Action.RecordPayment]: (d, a) =>
    first(
      () => who(officerAt(a, [Role.CounterOfficer], d.receivingAgencyId) || a.role === Role.System),
      () => status(d, DossierStatus.PaymentRequired),
    ),
  [Action.TransferToAgency]: (d, a) =>
    first(
      () =>
        who(
          officerAt(a, [Role.Specialist, Role.Leader], d.processingAgencyId) &&
            d.holderAgencyId === d.processingAgencyId,
        ),
      () => status(d, DossierStatus.Processing),
      () => phase(d, 'appraisal'),
    ),
  [Action.ReturnFromAgency]: (d, a) =>
    first(
      () => who(officerAt(a, [Role.Specialist, Role.Leader], d.holderAgencyId)),
      () => status(d, DossierStatus.Processing),
      () => phase(d, 'coordination'),
    ),
  [Action.Approve]: (d, a) =>
    first(
      () => who(officerAt(a, [Role.Leader], d.processingAgencyId)),
      () => status(d, DossierStatus.Processing),
      () => phase(d, 'approval'),
      () => (d.appraisal?.outcome === 'approve' ? null : refuse('appraisalRefused')),
    ),
  [Action.Issue]: (d, a) =>
    first(
      () => who(officerAt(a, [Role.Clerk], d.processingAgencyId)),
      () => status(d, DossierStatus.Processing),
      () => phase(d, 'issue'),
    ),
  [Action.ReturnResult]: (d, a) =>
    first(
      () =>
        who(officerAt(a, [Role.CounterOfficer], d.receivingAgencyId) || (a.role === Role.System && d.channel === 2)),
      () => status(d, DossierStatus.Done),
    ),
  [Action.Withdraw]: (d, a) =>
    first(
      () => who(isApplicant(d, a) || officerAt(a, [Role.CounterOfficer], d.receivingAgencyId)),
      () => status(d, DossierStatus.Submitted, ...openStatuses),
    ),
  [Action.Stop]: (d, a, ctx) =>
    first(
      () =>
        who(officerAt(a, [Role.Leader], d.processingAgencyId) || (a.role === Role.System && supplementExpired(d, ctx))),
      () => status(d, ...openStatuses),
    ),
  [Action.WarnLate]: (d, a, ctx) =>
    first(
      () => who(officerAt(a, [Role.Specialist, Role.Leader], d.holderAgencyId) || a.role === Role.System),
      () => status(d, ...openStatuses),
      () => (d.lateWarningAt !== null ? refuse('alreadyWarned') : null),
      () => (withinOneWorkingDay(d, ctx) ? null : refuse('tooEarlyToWarn')),
    ),
  [Action.IssueApology]: (d, a) =>
    first(
      () => who(officerAt(a, [Role.Leader], d.processingAgencyId)),
      () => status(d, ...openStatuses),
      () => (d.apology !== null ? refuse('alreadyReappointed') : null),
      () => (d.appointmentAt === null ? refuse('noAppointment') : null),
    ),
  [Action.Rate]: (d, a) =>
    first(
      () => who(isApplicant(d, a)),
      () => status(d, DossierStatus.Done, DossierStatus.Returned),
      () => (d.rating !== null ? refuse('alreadyRated') : null),
    ),
}

/** Within one working day (8 office hours) of the appointment, or past it: time to warn (rules.md §1). */
function withinOneWorkingDay(d: Dossier, ctx: DecisionContext): boolean {
  if (d.appointmentAt === null || d.processingAgencyId === null) return false
  const cal = ctx.calendar(d.processingAgencyId)
  return workingTimeBetween(cal, ctx.now, d.appointmentAt) <= cal.office.minutesPerDay
}

/** The applicant let the procedure's supplement time limit (working days) pass. */
export function supplementExpired(d: Dossier, ctx: DecisionContext): boolean {
  const limit = ctx.terms.supplementLimitDays
  if (d.pausedSince === null || limit === null || d.processingAgencyId === null) return false
  const cal = ctx.calendar(d.processingAgencyId)
  return workingTimeBetween(cal, d.pausedSince, ctx.now) >= limit * cal.office.minutesPerDay
}

/** Which commands `actor` may run on the dossier now: the same guards the commands use. */
export function availableActions(d: Dossier, actor: Actor, ctx: DecisionContext): Action[] {
  return (Object.keys(guards) as Action[]).filter((action) => guards[action](d, actor, ctx) === null)
}
