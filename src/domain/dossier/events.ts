import { type Static, type TProperties, Type } from 'typebox'
import type { EpochMs } from '../calendar/local-time.ts'
import { Declaration } from '../declarations/form-definition.ts'
import { Actor } from './actor.ts'
import type { Agrees } from './schema-agrees.ts'
import { Channel, ReturnMethod, Satisfaction } from './status.ts'

/** Người nộp: a citizen or an organisation; `vneid` when identity came from VNeID (indicator 4.5). */
export type Applicant = {
  readonly id: string
  readonly kind: 'citizen' | 'organisation'
  readonly name: string
  readonly identityNumber: string | null
  readonly phone: string | null
  readonly email: string | null
  readonly address: string | null
  readonly vneid: boolean
}

/** A component handed in or uploaded, against the procedure's required documents. */
export type Component = {
  readonly name: string
  readonly fileRef: string | null
  readonly digitized: boolean
  /** Tái sử dụng: taken from the applicant's document vault instead of handed in again (indicator 4.3). */
  readonly reused?: boolean | undefined
}

/** The phases a dossier passes through; each opening adds a row to the control sheet (form 06). */
export type Phase = 'reception' | 'appraisal' | 'coordination' | 'approval' | 'issue'

/** A step opened with its due time, from the procedure's step budget. */
export type OpenedStep = {
  readonly phase: Phase
  readonly name: string
  readonly agencyId: string
  readonly dueAt: EpochMs
}

/** One corrected field of a declaration: its path and the new value. */
export type DeclarationChange = { readonly path: string; readonly value: unknown }

type Base<T extends string> = { readonly type: T; readonly at: EpochMs; readonly actor: Actor }

/** Sự kiện hồ sơ: what happened to a dossier. State is the fold of these; they are never changed. */
export type DossierEvent =
  | (Base<'submitted'> & {
      readonly channel: Channel
      readonly applicant: Applicant
      readonly procedure: { readonly code: string; readonly version: number }
      readonly receivingAgencyId: string
      readonly components: readonly Component[]
      /** Tờ khai: what the applicant declared, on the form version pinned with the procedure version. */
      readonly declaration?: Declaration | undefined
      /**
       * Tiếp nhận không phụ thuộc địa giới hành chính (Decree 118/2025/NĐ-CP): the commune chosen to
       * decide an any-location procedure received elsewhere; absent when it is the receiving unit's own.
       */
      readonly competentAgencyId?: string | undefined
    })
  | (Base<'reception-supplement-requested'> & {
      readonly items: readonly string[]
      readonly reason: string
      /** Why each item is missing or wrong, in the order of `items` (form 02); absent: `reason` for all. */
      readonly itemReasons?: readonly string[] | undefined
    })
  | (Base<'reception-rejected'> & { readonly reason: string; readonly legalBasis: string })
  | (Base<'redirected'> & { readonly toAgencyId: string; readonly reason: string })
  | (Base<'received'> & {
      readonly code: string
      readonly processingAgencyId: string
      readonly appointmentAt: EpochMs | null
      readonly step: OpenedStep
    })
  | (Base<'component-digitized'> & { readonly name: string; readonly fileRef: string })
  | (Base<'component-reused'> & { readonly name: string; readonly fileRef: string; readonly vaultItemId: string })
  | (Base<'transferred'> & { readonly step: OpenedStep })
  | (Base<'assigned'> & { readonly assigneeId: string; readonly assigneeName: string })
  | (Base<'appraised'> & {
      readonly outcome: 'approve' | 'refuse'
      readonly note: string
      readonly step: OpenedStep
      /** The result template's decision fields (e.g. registration number and book), when approving. */
      readonly decision?: Readonly<Record<string, unknown>> | undefined
    })
  | (Base<'supplement-requested'> & {
      readonly agencyId: string
      readonly items: readonly string[]
      readonly reason: string
      readonly exception: { readonly approver: string; readonly legalBasis: string } | null
      /** Declaration fields the applicant must correct, by path (e.g. `husband/birthDate`). */
      readonly fields?: readonly string[] | undefined
    })
  /** The applicant's correction of the fields a supplement request named: only those fields. */
  | (Base<'declaration-corrected'> & { readonly changes: readonly DeclarationChange[] })
  | (Base<'supplement-received'> & {
      readonly pausedMinutes: number
      readonly appointmentAt: EpochMs | null
      readonly stepDueAt: EpochMs | null
      readonly components: readonly Component[]
    })
  | (Base<'payment-required'> & {
      readonly amountVnd: number
      readonly reason: string
      /** The procedure's law pauses the time limit while the obligation is awaited. */
      readonly pausesClock?: boolean | undefined
    })
  | (Base<'payment-recorded'> & {
      readonly amountVnd: number
      readonly receipt: string
      /** Office minutes the clock was paused while the payment was awaited, and the appointment after. */
      readonly pausedMinutes?: number | undefined
      readonly appointmentAt?: EpochMs | null | undefined
    })
  | (Base<'transferred-to-agency'> & { readonly step: OpenedStep; readonly reason: string })
  | (Base<'returned-from-agency'> & { readonly note: string; readonly step: OpenedStep })
  | (Base<'approved'> & { readonly step: OpenedStep })
  | (Base<'issued'> & { readonly resultNumber: string })
  | (Base<'result-returned'> & { readonly method: ReturnMethod })
  | (Base<'withdrawn'> & { readonly reason: string })
  /** Đề nghị dừng giải quyết hồ sơ: the applicant asks the agency to stop; the agency decides. */
  | (Base<'withdrawal-requested'> & { readonly reason: string })
  /** The agency's answer: accepted, the dossier stops (status 7, form 05); refused, it goes on. */
  | (Base<'withdrawal-decided'> & { readonly accepted: boolean; readonly note: string })
  | (Base<'stopped'> & { readonly reason: string; readonly legalBasis: string })
  | (Base<'late-warning-raised'> & { readonly appointmentAt: EpochMs })
  /** A holiday calendar change moved the deadlines (null: that one stays); `reason` names the change. */
  | (Base<'deadlines-rescheduled'> & {
      readonly appointmentAt: EpochMs | null
      readonly originalAppointmentAt: EpochMs | null
      readonly stepDueAt: EpochMs | null
      readonly reason: string
      readonly changeId: number
    })
  | (Base<'apology-issued'> & {
      readonly reason: string
      readonly newAppointmentAt: EpochMs
      /** Issued after the deadline it should have come before (recorded as late, still issued). */
      readonly late?: boolean | undefined
    })
  | (Base<'rated'> & { readonly satisfaction: Satisfaction; readonly comment: string })
  /** Kết quả điện tử: the signed PDF of the result, stored by its SHA-256 and linked to the dossier. */
  | (Base<'electronic-result-issued'> & { readonly sha256: string; readonly fileName: string })

export type DossierEventType = DossierEvent['type']

// Runtime schemas of the same concepts: what a stored event (`dossier_events.payload`) must be.

const Instant = Type.Number({ description: 'Epoch milliseconds' })
const NullableInstant = Type.Union([Instant, Type.Null()])
const Text = Type.String()
const Texts = Type.Array(Type.String())

export const ChannelSchema = Type.Enum(Object.values(Channel))
export const ReturnMethodSchema = Type.Enum(Object.values(ReturnMethod))
export const SatisfactionSchema = Type.Enum(Object.values(Satisfaction))
export const ProcedureRef = Type.Object({ code: Text, version: Type.Integer() })
export const Exception = Type.Union([Type.Object({ approver: Text, legalBasis: Text }), Type.Null()])

export const Applicant = Type.Object({
  id: Text,
  kind: Type.Enum(['citizen', 'organisation']),
  name: Text,
  identityNumber: Type.Union([Text, Type.Null()]),
  phone: Type.Union([Text, Type.Null()]),
  email: Type.Union([Text, Type.Null()]),
  address: Type.Union([Text, Type.Null()]),
  vneid: Type.Boolean(),
})
export const applicantSchemaAgrees: Agrees<Static<typeof Applicant>, Applicant> = true

export const Component = Type.Object({
  name: Text,
  fileRef: Type.Union([Text, Type.Null()]),
  digitized: Type.Boolean(),
  reused: Type.Optional(Type.Boolean()),
})
export const componentSchemaAgrees: Agrees<Static<typeof Component>, Component> = true

export const Phase = Type.Enum(['reception', 'appraisal', 'coordination', 'approval', 'issue'])
export const OpenedStep = Type.Object({ phase: Phase, name: Text, agencyId: Text, dueAt: Instant })

const event = <T extends string, P extends TProperties>(type: T, fields: P) =>
  Type.Object({ type: Type.Literal(type), at: Instant, actor: Actor, ...fields })

export const DeclarationChange = Type.Object({ path: Text, value: Type.Unknown() })

/** The runtime schema of `DossierEvent`: one object per event type. A new event type is added to both. */
export const DossierEvent = Type.Union([
  event('submitted', {
    channel: ChannelSchema,
    applicant: Applicant,
    procedure: ProcedureRef,
    receivingAgencyId: Text,
    components: Type.Array(Component),
    declaration: Type.Optional(Declaration),
    competentAgencyId: Type.Optional(Text),
  }),
  event('reception-supplement-requested', { items: Texts, reason: Text, itemReasons: Type.Optional(Texts) }),
  event('reception-rejected', { reason: Text, legalBasis: Text }),
  event('redirected', { toAgencyId: Text, reason: Text }),
  event('received', { code: Text, processingAgencyId: Text, appointmentAt: NullableInstant, step: OpenedStep }),
  event('component-digitized', { name: Text, fileRef: Text }),
  event('component-reused', { name: Text, fileRef: Text, vaultItemId: Text }),
  event('transferred', { step: OpenedStep }),
  event('assigned', { assigneeId: Text, assigneeName: Text }),
  event('appraised', {
    outcome: Type.Enum(['approve', 'refuse']),
    note: Text,
    step: OpenedStep,
    decision: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
  event('supplement-requested', {
    agencyId: Text,
    items: Texts,
    reason: Text,
    exception: Exception,
    fields: Type.Optional(Texts),
  }),
  event('declaration-corrected', { changes: Type.Array(DeclarationChange) }),
  event('supplement-received', {
    pausedMinutes: Type.Number(),
    appointmentAt: NullableInstant,
    stepDueAt: NullableInstant,
    components: Type.Array(Component),
  }),
  event('payment-required', { amountVnd: Type.Number(), reason: Text, pausesClock: Type.Optional(Type.Boolean()) }),
  event('payment-recorded', {
    amountVnd: Type.Number(),
    receipt: Text,
    pausedMinutes: Type.Optional(Type.Number()),
    appointmentAt: Type.Optional(NullableInstant),
  }),
  event('transferred-to-agency', { step: OpenedStep, reason: Text }),
  event('returned-from-agency', { note: Text, step: OpenedStep }),
  event('approved', { step: OpenedStep }),
  event('issued', { resultNumber: Text }),
  event('result-returned', { method: ReturnMethodSchema }),
  event('withdrawn', { reason: Text }),
  event('withdrawal-requested', { reason: Text }),
  event('withdrawal-decided', { accepted: Type.Boolean(), note: Text }),
  event('stopped', { reason: Text, legalBasis: Text }),
  event('late-warning-raised', { appointmentAt: Instant }),
  event('deadlines-rescheduled', {
    appointmentAt: NullableInstant,
    originalAppointmentAt: NullableInstant,
    stepDueAt: NullableInstant,
    reason: Text,
    changeId: Type.Integer(),
  }),
  event('apology-issued', { reason: Text, newAppointmentAt: Instant, late: Type.Optional(Type.Boolean()) }),
  event('rated', { satisfaction: SatisfactionSchema, comment: Text }),
  event('electronic-result-issued', { sha256: Text, fileName: Text }),
])
export const eventSchemaAgrees: Agrees<Static<typeof DossierEvent>, DossierEvent> = true
