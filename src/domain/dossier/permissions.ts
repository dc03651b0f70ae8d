import { workingTimeBetween } from '../calendar/working-calendar.ts'
import { type Actor, Role } from './actor.ts'
import type { DecisionContext } from './context.ts'
import { type Refusal, refuse } from './refusal.ts'
import { currentStep, type Dossier, withdrawalPending } from './state.ts'
import { DossierStatus, openStatuses } from './status.ts'

/** Commands that act on an existing dossier (creation is `submit` or `receiveAtCounter`). */
export const CommandAction = {
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
  RequestWithdrawal: 'request-withdrawal',
  DecideWithdrawal: 'decide-withdrawal',
  Stop: 'stop',
  WarnLate: 'warn-late',
  IssueApology: 'issue-apology',
  Rate: 'rate',
  RecordElectronicResult: 'record-electronic-result',
  /** Deadlines moved by a change of the holiday calendar: the system only. */
  Reschedule: 'reschedule',
} as const
export type CommandAction = (typeof CommandAction)[keyof typeof CommandAction]

/**
 * What an actor may do on a dossier that is not an engine command: the application layer acts on
 * these (a gateway payment, an upload) after asking the same gate, and the engine never runs them.
 */
export const Capability = {
  /** Thanh toán trực tuyến: the applicant pays the fees asked (status 6) at the payment gateway. */
  PayOnline: 'pay-online',
  /** Tải lên tệp thành phần hồ sơ: a component file is added to the dossier. */
  AttachFile: 'attach-file',
} as const
export type Capability = (typeof Capability)[keyof typeof Capability]

/** Everything `availableActions` may offer: the commands, then the capabilities. */
export const Action = { ...CommandAction, ...Capability } as const
export type Action = CommandAction | Capability

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

const beforeTheEnd = (d: Dossier) => status(d, DossierStatus.Submitted, ...openStatuses)

/** Who may run which engine command on a dossier, and when. */
export const commandGuards: Record<CommandAction, Guard> = {
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
  // Fees known at reception are asked by the counter (Decree 118/2025/NĐ-CP); others after appraisal.
  [Action.RequirePayment]: (d, a) =>
    d.status === DossierStatus.Received
      ? first(
          () => who(officerAt(a, [Role.CounterOfficer], d.receivingAgencyId)),
          () => (d.payment === null ? null : refuse('wrongStatus')),
        )
      : first(
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
  // Before reception nothing is held by the agency yet: the applicant takes the dossier back at once.
  [Action.Withdraw]: (d, a) =>
    first(
      () => who(isApplicant(d, a) || officerAt(a, [Role.CounterOfficer], d.receivingAgencyId)),
      () => (d.receivedAt === null ? beforeTheEnd(d) : refuse('wrongStatus')),
    ),
  // After reception the applicant asks to stop and the agency decides (Circular 03/2025/TT-VPCP, form 05),
  // until the result is issued.
  [Action.RequestWithdrawal]: (d, a) =>
    first(
      () => who(isApplicant(d, a) || officerAt(a, [Role.CounterOfficer], d.receivingAgencyId)),
      () => (d.receivedAt === null ? refuse('wrongStatus') : status(d, ...openStatuses)),
      () => (withdrawalPending(d) ? refuse('withdrawalPending') : null),
    ),
  [Action.DecideWithdrawal]: (d, a) =>
    first(
      () => who(officerAt(a, [Role.Leader], d.processingAgencyId)),
      () => status(d, ...openStatuses),
      () => (withdrawalPending(d) ? null : refuse('noWithdrawalRequest')),
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
  // Only motcua signs the result the clerk issued, and only once.
  [Action.RecordElectronicResult]: (d, a) =>
    first(
      () => who(a.role === Role.System),
      () => status(d, DossierStatus.Done, DossierStatus.Returned),
      () => (d.result === null || (d.electronicResult ?? null) !== null ? refuse('wrongStatus') : null),
    ),
  // A calendar change moves the deadlines of received dossiers still running; no one else sets them.
  [Action.Reschedule]: (d, a) =>
    first(
      () => who(a.role === Role.System),
      () => status(d, ...openStatuses),
      () => (d.receivedAt === null ? refuse('wrongStatus') : null),
    ),
}

/** A capability's guard needs no decision context: who and when only, from the dossier itself. */
type CapabilityGuard = (d: Dossier, actor: Actor) => Refusal | null

/** Who may pay online or attach files, and when (asked by the payment and upload use cases). */
export const capabilities: Record<Capability, CapabilityGuard> = {
  [Action.PayOnline]: (d, a) =>
    first(
      () => who(isApplicant(d, a)),
      () => status(d, DossierStatus.PaymentRequired),
      () => (d.payment !== null && d.payment.paidAt === null ? null : refuse('wrongStatus')),
    ),
  // The applicant hands in documents, the counter scans what was handed in, until the dossier is finished.
  [Action.AttachFile]: (d, a) =>
    first(
      () => who(isApplicant(d, a) || officerAt(a, [Role.CounterOfficer], d.receivingAgencyId)),
      () => beforeTheEnd(d),
    ),
}

/** Phiếu phân quyền: the one place that decides who may do what on a dossier, and when. */
export const guards: Record<Action, Guard> = { ...commandGuards, ...capabilities }

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

/**
 * Who acts, in one pass of the command's guard: the first of the principal's candidate actors it
 * allows, else the refusal of the first (the reason the caller is shown).
 */
export function actingActor(
  d: Dossier,
  candidates: readonly Actor[],
  action: CommandAction,
  ctx: DecisionContext,
): { readonly ok: true; readonly actor: Actor } | { readonly ok: false; readonly refusal: Refusal } {
  let firstRefusal: Refusal | null = null
  for (const actor of candidates) {
    const refusal = commandGuards[action](d, actor, ctx)
    if (refusal === null) return { ok: true, actor }
    firstRefusal ??= refusal
  }
  return { ok: false, refusal: firstRefusal ?? refuse('notAllowed') }
}

const allActions = Object.values(Action)
const commandActions = Object.values(CommandAction)

/** What `actor` may do on the dossier now, commands and capabilities: the same guards the commands use. */
export function availableActions(d: Dossier, actor: Actor, ctx: DecisionContext): Action[] {
  return allActions.filter((action) => guards[action](d, actor, ctx) === null)
}

/** The engine commands `actor` may run now (what a generated command sequence may try). */
export function availableCommands(d: Dossier, actor: Actor, ctx: DecisionContext): CommandAction[] {
  return commandActions.filter((action) => guards[action](d, actor, ctx) === null)
}
