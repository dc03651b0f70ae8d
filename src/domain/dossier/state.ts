import { type Static, Type } from 'typebox'
import type { EpochMs } from '../calendar/local-time.ts'
import { setValueAt } from '../declarations/named-rules.ts'
import { Actor, Role } from './actor.ts'
import {
  Applicant,
  ChannelSchema,
  Component,
  type DeclarationChange,
  type DossierEvent,
  Exception,
  Phase,
  ProcedureRef,
  ReturnMethodSchema,
  SatisfactionSchema,
} from './events.ts'
import type { Agrees } from './schema-agrees.ts'
import { type Channel, DossierStatus, type ReturnMethod, type Satisfaction } from './status.ts'

/** A row of the control sheet (phiếu kiểm soát, form 06): one step at one agency. */
export type StepRecord = {
  readonly phase: Phase
  readonly name: string
  readonly agencyId: string
  readonly startedAt: EpochMs
  readonly dueAt: EpochMs
  readonly handedBy: Actor
  readonly endedAt: EpochMs | null
  readonly endedBy: Actor | null
}

export type SupplementRequest = {
  readonly agencyId: string
  readonly at: EpochMs
  readonly items: readonly string[]
  readonly reason: string
  readonly exception: { readonly approver: string; readonly legalBasis: string } | null
  /** Declaration fields to correct, by path; absent on requests recorded before declarations existed. */
  readonly fields?: readonly string[] | undefined
}

/** The declaration as it stands: submitted, then corrected; `changedPaths` are the corrected fields. */
export type DeclarationState = {
  readonly formVersion: number
  readonly data: Readonly<Record<string, unknown>>
  readonly changedPaths: readonly string[]
}

/** Hồ sơ: the current state of a dossier, always the fold of its events. */
export type Dossier = {
  readonly version: number
  readonly status: DossierStatus
  readonly code: string | null
  readonly procedure: { readonly code: string; readonly version: number }
  readonly channel: Channel
  readonly applicant: Applicant
  readonly receivingAgencyId: string
  /** The competent (lead) agency, known from reception. */
  readonly processingAgencyId: string | null
  /** Where the dossier is now. */
  readonly holderAgencyId: string
  readonly assignee: { readonly id: string; readonly name: string } | null
  readonly submittedAt: EpochMs
  readonly receivedAt: EpochMs | null
  readonly originalAppointmentAt: EpochMs | null
  readonly appointmentAt: EpochMs | null
  readonly pausedSince: EpochMs | null
  readonly pausedMinutes: number
  /** Status to go back to when the supplement comes in (1 before reception, 4 after). */
  readonly resumeStatus: DossierStatus | null
  readonly receptionSupplements: number
  readonly supplementRequests: readonly SupplementRequest[]
  readonly steps: readonly StepRecord[]
  readonly appraisal: { readonly outcome: 'approve' | 'refuse'; readonly note: string } | null
  readonly payment: {
    readonly amountVnd: number
    readonly requestedAt: EpochMs
    readonly paidAt: EpochMs | null
    /** Paid through the online payment gateway (its callback records the payment as the system). */
    readonly online: boolean
  } | null
  readonly lateWarningAt: EpochMs | null
  readonly apology: { readonly at: EpochMs; readonly reason: string; readonly newAppointmentAt: EpochMs } | null
  readonly result: { readonly number: string; readonly issuedAt: EpochMs } | null
  /** The signed e-result (absent from states stored before the event existed: read it as null). */
  readonly electronicResult?: { readonly sha256: string; readonly fileName: string; readonly at: EpochMs } | null
  readonly returned: { readonly at: EpochMs; readonly method: ReturnMethod } | null
  /** When the dossier stopped counting time: done, refused, withdrawn or stopped. */
  readonly endedAt: EpochMs | null
  readonly rating: { readonly satisfaction: Satisfaction; readonly at: EpochMs } | null
  readonly components: readonly Component[]
  readonly closing: { readonly reason: string; readonly legalBasis: string } | null
  /** The declaration (absent from states stored before declarations existed: read it as null). */
  readonly declaration?: DeclarationState | null
  /** The appraisal's decision fields for the result (absent from older states: read it as null). */
  readonly decision?: Readonly<Record<string, unknown>> | null
  /** The commune chosen to decide an any-location procedure (absent: the receiving unit's own). */
  readonly competentAgencyId?: string | null
  /** The counter's latest written guidance before reception (form 02 at reception). */
  readonly receptionGuidance?: ReceptionGuidance | null
  /** The applicant's request to stop, and the agency's decision on it (form 05). */
  readonly withdrawal?: WithdrawalRequest | null
  /** The apology came after the deadline it should have preceded (Decree 118/2025/NĐ-CP). */
  readonly apologyLate?: boolean
  /** A financial obligation being awaited pauses the clock (per procedure): since when. */
  readonly paymentPausedSince?: EpochMs | null
  /** The latest calendar change that moved the deadlines (absent: none). */
  readonly calendarChange?: number
}

/**
 * Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ at reception (form 02): each missing or wrong item with
 * why, written once and fully by the counter (Decree 118/2025/NĐ-CP; Decree 61/2018 Art. 15(2)(b)).
 */
export type ReceptionGuidance = {
  readonly at: EpochMs
  readonly agencyId: string
  readonly officer: string
  readonly reason: string
  readonly items: readonly { readonly name: string; readonly reason: string }[]
}

/** Đề nghị dừng giải quyết hồ sơ and its decision (Circular 03/2025/TT-VPCP, form 05). */
export type WithdrawalRequest = {
  readonly requestedAt: EpochMs
  readonly requestedBy: string
  readonly reason: string
  readonly decidedAt: EpochMs | null
  readonly accepted: boolean | null
  readonly note: string
  readonly decidedBy: string | null
}

/** A withdrawal request is waiting for the agency's decision. */
export const withdrawalPending = (d: Dossier): boolean =>
  (d.withdrawal ?? null) !== null && d.withdrawal?.decidedAt === null

export const currentStep = (d: Dossier): StepRecord | undefined => {
  const last = d.steps[d.steps.length - 1]
  return last && last.endedAt === null ? last : undefined
}

function closeStep(steps: readonly StepRecord[], at: EpochMs, by: Actor): StepRecord[] {
  return steps.map((s, i) => (i === steps.length - 1 && s.endedAt === null ? { ...s, endedAt: at, endedBy: by } : s))
}

function openStep(
  d: Dossier,
  step: { phase: Phase; name: string; agencyId: string; dueAt: EpochMs },
  at: EpochMs,
  by: Actor,
) {
  return [...closeStep(d.steps, at, by), { ...step, startedAt: at, handedBy: by, endedAt: null, endedBy: null }]
}

/** The state after one more event. Total: every event of a valid history has a meaning here. */
export function applyEvent(d: Dossier | null, e: DossierEvent): Dossier {
  if (e.type === 'submitted')
    return {
      version: 1,
      status: DossierStatus.Submitted,
      code: null,
      procedure: e.procedure,
      channel: e.channel,
      applicant: e.applicant,
      receivingAgencyId: e.receivingAgencyId,
      processingAgencyId: null,
      holderAgencyId: e.receivingAgencyId,
      assignee: null,
      submittedAt: e.at,
      receivedAt: null,
      originalAppointmentAt: null,
      appointmentAt: null,
      pausedSince: null,
      pausedMinutes: 0,
      resumeStatus: null,
      receptionSupplements: 0,
      supplementRequests: [],
      steps: [],
      appraisal: null,
      payment: null,
      lateWarningAt: null,
      apology: null,
      result: null,
      electronicResult: null,
      returned: null,
      endedAt: null,
      rating: null,
      components: e.components,
      closing: null,
      declaration: e.declaration ? { ...e.declaration, changedPaths: [] } : null,
      decision: null,
      competentAgencyId: e.competentAgencyId ?? null,
      receptionGuidance: null,
      withdrawal: null,
      apologyLate: false,
      paymentPausedSince: null,
    }
  if (d === null) throw new Error(`a dossier's history must start with 'submitted', not '${e.type}'`)
  const s = { ...d, version: d.version + 1 }
  switch (e.type) {
    case 'reception-supplement-requested':
      return {
        ...s,
        status: DossierStatus.SupplementRequested,
        resumeStatus: DossierStatus.Submitted,
        receptionSupplements: d.receptionSupplements + 1,
        receptionGuidance: {
          at: e.at,
          agencyId: d.receivingAgencyId,
          officer: e.actor.name,
          reason: e.reason,
          items: e.items.map((name, i) => ({ name, reason: e.itemReasons?.[i] ?? e.reason })),
        },
      }
    case 'reception-rejected':
      return {
        ...s,
        status: DossierStatus.NotReceived,
        endedAt: e.at,
        closing: { reason: e.reason, legalBasis: e.legalBasis },
      }
    case 'redirected':
      return { ...s, receivingAgencyId: e.toAgencyId, holderAgencyId: e.toAgencyId }
    case 'received':
      return {
        ...s,
        status: DossierStatus.Received,
        code: e.code,
        processingAgencyId: e.processingAgencyId,
        receivedAt: e.at,
        originalAppointmentAt: e.appointmentAt,
        appointmentAt: e.appointmentAt,
        steps: openStep(d, e.step, e.at, e.actor),
      }
    case 'component-digitized':
      return {
        ...s,
        components: d.components.some((c) => c.name === e.name)
          ? d.components.map((c) => (c.name === e.name ? { ...c, fileRef: e.fileRef, digitized: true } : c))
          : [...d.components, { name: e.name, fileRef: e.fileRef, digitized: true }],
      }
    case 'component-reused':
      return {
        ...s,
        components: [
          ...d.components.filter((c) => c.name !== e.name),
          { name: e.name, fileRef: e.fileRef, digitized: false, reused: true },
        ],
      }
    case 'transferred':
      return {
        ...s,
        status: DossierStatus.Processing,
        holderAgencyId: e.step.agencyId,
        steps: openStep(d, e.step, e.at, e.actor),
      }
    case 'assigned':
      return { ...s, assignee: { id: e.assigneeId, name: e.assigneeName } }
    case 'appraised':
      return {
        ...s,
        appraisal: { outcome: e.outcome, note: e.note },
        decision: e.decision ?? d.decision ?? null,
        holderAgencyId: e.step.agencyId,
        steps: openStep(d, e.step, e.at, e.actor),
      }
    case 'supplement-requested':
      return {
        ...s,
        status: DossierStatus.SupplementRequested,
        resumeStatus: d.status,
        pausedSince: e.at,
        supplementRequests: [
          ...d.supplementRequests,
          {
            agencyId: e.agencyId,
            at: e.at,
            items: e.items,
            reason: e.reason,
            exception: e.exception,
            ...(e.fields ? { fields: e.fields } : {}),
          },
        ],
      }
    case 'declaration-corrected':
      return { ...s, declaration: d.declaration ? corrected(d.declaration, e.changes) : null }
    case 'supplement-received': {
      const step = currentStep(d)
      return {
        ...s,
        status: d.resumeStatus ?? DossierStatus.Processing,
        resumeStatus: null,
        pausedSince: null,
        pausedMinutes: d.pausedMinutes + e.pausedMinutes,
        appointmentAt: e.appointmentAt,
        components: [...d.components.filter((c) => !e.components.some((n) => n.name === c.name)), ...e.components],
        steps:
          step && e.stepDueAt !== null
            ? d.steps.map((row) => (row === step ? { ...row, dueAt: e.stepDueAt as EpochMs } : row))
            : d.steps,
      }
    }
    case 'payment-required':
      return {
        ...s,
        status: DossierStatus.PaymentRequired,
        resumeStatus: d.status,
        payment: { amountVnd: e.amountVnd, requestedAt: e.at, paidAt: null, online: false },
        paymentPausedSince: e.pausesClock ? e.at : null,
      }
    case 'payment-recorded':
      return {
        ...s,
        status: d.resumeStatus === DossierStatus.Received ? DossierStatus.Received : DossierStatus.Processing,
        resumeStatus: null,
        pausedMinutes: d.pausedMinutes + (e.pausedMinutes ?? 0),
        appointmentAt: e.appointmentAt === undefined ? d.appointmentAt : e.appointmentAt,
        paymentPausedSince: null,
        payment: {
          amountVnd: e.amountVnd,
          requestedAt: d.payment?.requestedAt ?? e.at,
          paidAt: e.at,
          online: e.actor.role === Role.System,
        },
      }
    case 'transferred-to-agency':
    case 'returned-from-agency':
    case 'approved':
      return { ...s, holderAgencyId: e.step.agencyId, steps: openStep(d, e.step, e.at, e.actor) }
    case 'issued':
      return {
        ...s,
        status: DossierStatus.Done,
        result: { number: e.resultNumber, issuedAt: e.at },
        endedAt: e.at,
        holderAgencyId: d.receivingAgencyId,
        steps: closeStep(d.steps, e.at, e.actor),
      }
    case 'result-returned':
      return { ...s, status: DossierStatus.Returned, returned: { at: e.at, method: e.method } }
    case 'withdrawn':
      return {
        ...s,
        status: DossierStatus.Withdrawn,
        endedAt: e.at,
        pausedSince: null,
        closing: { reason: e.reason, legalBasis: '' },
        steps: closeStep(d.steps, e.at, e.actor),
      }
    case 'stopped':
      return {
        ...s,
        status: DossierStatus.Stopped,
        endedAt: e.at,
        pausedSince: null,
        closing: { reason: e.reason, legalBasis: e.legalBasis },
        steps: closeStep(d.steps, e.at, e.actor),
      }
    case 'late-warning-raised':
      return { ...s, lateWarningAt: e.at }
    case 'deadlines-rescheduled': {
      const step = currentStep(d)
      return {
        ...s,
        appointmentAt: e.appointmentAt ?? d.appointmentAt,
        originalAppointmentAt: e.originalAppointmentAt ?? d.originalAppointmentAt,
        calendarChange: e.changeId,
        steps:
          step && e.stepDueAt !== null
            ? d.steps.map((row) => (row === step ? { ...row, dueAt: e.stepDueAt as EpochMs } : row))
            : d.steps,
      }
    }
    case 'apology-issued':
      return {
        ...s,
        apology: { at: e.at, reason: e.reason, newAppointmentAt: e.newAppointmentAt },
        appointmentAt: e.newAppointmentAt,
        apologyLate: e.late === true,
      }
    case 'withdrawal-requested':
      return {
        ...s,
        withdrawal: {
          requestedAt: e.at,
          requestedBy: e.actor.name,
          reason: e.reason,
          decidedAt: null,
          accepted: null,
          note: '',
          decidedBy: null,
        },
      }
    case 'withdrawal-decided': {
      const withdrawal = d.withdrawal
        ? { ...d.withdrawal, decidedAt: e.at, accepted: e.accepted, note: e.note, decidedBy: e.actor.name }
        : null
      if (!e.accepted) return { ...s, withdrawal }
      return {
        ...s,
        withdrawal,
        status: DossierStatus.Withdrawn,
        endedAt: e.at,
        pausedSince: null,
        paymentPausedSince: null,
        closing: { reason: d.withdrawal?.reason ?? e.note, legalBasis: '' },
        steps: closeStep(d.steps, e.at, e.actor),
      }
    }
    case 'rated':
      return { ...s, rating: { satisfaction: e.satisfaction, at: e.at } }
    case 'electronic-result-issued':
      return { ...s, electronicResult: { sha256: e.sha256, fileName: e.fileName, at: e.at } }
  }
}

/** The declaration with the changed fields set; each changed path is remembered once, for highlighting. */
function corrected(declaration: DeclarationState, changes: readonly DeclarationChange[]): DeclarationState {
  const data = structuredClone(declaration.data) as Record<string, unknown>
  for (const change of changes) setValueAt(data, change.path, change.value)
  const changedPaths = [...new Set([...declaration.changedPaths, ...changes.map((c) => c.path)])]
  return { ...declaration, data, changedPaths }
}

export function foldEvents(events: readonly DossierEvent[]): Dossier | null {
  return events.reduce<Dossier | null>(applyEvent, null)
}

// The runtime schema of the same state: what `dossiers.state` read back from the database must be.

const Instant = Type.Number({ description: 'Epoch milliseconds' })
const NullableInstant = Type.Union([Instant, Type.Null()])
const StatusSchema = Type.Enum(Object.values(DossierStatus))
const StepRecordSchema = Type.Object({
  phase: Phase,
  name: Type.String(),
  agencyId: Type.String(),
  startedAt: Instant,
  dueAt: Instant,
  handedBy: Actor,
  endedAt: NullableInstant,
  endedBy: Type.Union([Actor, Type.Null()]),
})
const SupplementRequestSchema = Type.Object({
  agencyId: Type.String(),
  at: Instant,
  items: Type.Array(Type.String()),
  reason: Type.String(),
  exception: Exception,
  fields: Type.Optional(Type.Array(Type.String())),
})
/** The runtime schema of `Dossier`, the same name for the same concept. */
export const Dossier = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  status: StatusSchema,
  code: Type.Union([Type.String(), Type.Null()]),
  procedure: ProcedureRef,
  channel: ChannelSchema,
  applicant: Applicant,
  receivingAgencyId: Type.String(),
  processingAgencyId: Type.Union([Type.String(), Type.Null()]),
  holderAgencyId: Type.String(),
  assignee: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  submittedAt: Instant,
  receivedAt: NullableInstant,
  originalAppointmentAt: NullableInstant,
  appointmentAt: NullableInstant,
  pausedSince: NullableInstant,
  pausedMinutes: Type.Number(),
  resumeStatus: Type.Union([StatusSchema, Type.Null()]),
  receptionSupplements: Type.Integer(),
  supplementRequests: Type.Array(SupplementRequestSchema),
  steps: Type.Array(StepRecordSchema),
  appraisal: Type.Union([Type.Object({ outcome: Type.Enum(['approve', 'refuse']), note: Type.String() }), Type.Null()]),
  payment: Type.Union([
    Type.Object({ amountVnd: Type.Number(), requestedAt: Instant, paidAt: NullableInstant, online: Type.Boolean() }),
    Type.Null(),
  ]),
  lateWarningAt: NullableInstant,
  apology: Type.Union([Type.Object({ at: Instant, reason: Type.String(), newAppointmentAt: Instant }), Type.Null()]),
  result: Type.Union([Type.Object({ number: Type.String(), issuedAt: Instant }), Type.Null()]),
  electronicResult: Type.Optional(
    Type.Union([Type.Object({ sha256: Type.String(), fileName: Type.String(), at: Instant }), Type.Null()]),
  ),
  returned: Type.Union([Type.Object({ at: Instant, method: ReturnMethodSchema }), Type.Null()]),
  endedAt: NullableInstant,
  rating: Type.Union([Type.Object({ satisfaction: SatisfactionSchema, at: Instant }), Type.Null()]),
  components: Type.Array(Component),
  closing: Type.Union([Type.Object({ reason: Type.String(), legalBasis: Type.String() }), Type.Null()]),
  declaration: Type.Optional(
    Type.Union([
      Type.Object({
        formVersion: Type.Integer(),
        data: Type.Record(Type.String(), Type.Unknown()),
        changedPaths: Type.Array(Type.String()),
      }),
      Type.Null(),
    ]),
  ),
  decision: Type.Optional(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
  competentAgencyId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  receptionGuidance: Type.Optional(
    Type.Union([
      Type.Object({
        at: Instant,
        agencyId: Type.String(),
        officer: Type.String(),
        reason: Type.String(),
        items: Type.Array(Type.Object({ name: Type.String(), reason: Type.String() })),
      }),
      Type.Null(),
    ]),
  ),
  withdrawal: Type.Optional(
    Type.Union([
      Type.Object({
        requestedAt: Instant,
        requestedBy: Type.String(),
        reason: Type.String(),
        decidedAt: NullableInstant,
        accepted: Type.Union([Type.Boolean(), Type.Null()]),
        note: Type.String(),
        decidedBy: Type.Union([Type.String(), Type.Null()]),
      }),
      Type.Null(),
    ]),
  ),
  apologyLate: Type.Optional(Type.Boolean()),
  paymentPausedSince: Type.Optional(NullableInstant),
  calendarChange: Type.Optional(Type.Integer()),
})
export const stateSchemaAgrees: Agrees<Static<typeof Dossier>, Dossier> = true
