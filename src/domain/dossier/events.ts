import type { EpochMs } from '../calendar/local-time.ts'
import type { Actor } from './actor.ts'
import type { Channel, ReturnMethod, Satisfaction } from './status.ts'

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
  readonly reused?: boolean
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

type Base<T extends string> = { readonly type: T; readonly at: EpochMs; readonly actor: Actor }

/** Sự kiện hồ sơ: what happened to a dossier. State is the fold of these; they are never changed. */
export type DossierEvent =
  | (Base<'submitted'> & {
      readonly channel: Channel
      readonly applicant: Applicant
      readonly procedure: { readonly code: string; readonly version: number }
      readonly receivingAgencyId: string
      readonly components: readonly Component[]
    })
  | (Base<'reception-supplement-requested'> & { readonly items: readonly string[]; readonly reason: string })
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
  | (Base<'appraised'> & { readonly outcome: 'approve' | 'refuse'; readonly note: string; readonly step: OpenedStep })
  | (Base<'supplement-requested'> & {
      readonly agencyId: string
      readonly items: readonly string[]
      readonly reason: string
      readonly exception: { readonly approver: string; readonly legalBasis: string } | null
    })
  | (Base<'supplement-received'> & {
      readonly pausedMinutes: number
      readonly appointmentAt: EpochMs | null
      readonly stepDueAt: EpochMs | null
      readonly components: readonly Component[]
    })
  | (Base<'payment-required'> & { readonly amountVnd: number; readonly reason: string })
  | (Base<'payment-recorded'> & { readonly amountVnd: number; readonly receipt: string })
  | (Base<'transferred-to-agency'> & { readonly step: OpenedStep; readonly reason: string })
  | (Base<'returned-from-agency'> & { readonly note: string; readonly step: OpenedStep })
  | (Base<'approved'> & { readonly step: OpenedStep })
  | (Base<'issued'> & { readonly resultNumber: string })
  | (Base<'result-returned'> & { readonly method: ReturnMethod })
  | (Base<'withdrawn'> & { readonly reason: string })
  | (Base<'stopped'> & { readonly reason: string; readonly legalBasis: string })
  | (Base<'late-warning-raised'> & { readonly appointmentAt: EpochMs })
  | (Base<'apology-issued'> & { readonly reason: string; readonly newAppointmentAt: EpochMs })
  | (Base<'rated'> & { readonly satisfaction: Satisfaction; readonly comment: string })

export type DossierEventType = DossierEvent['type']
