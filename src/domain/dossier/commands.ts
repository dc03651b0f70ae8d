import { type Static, type TProperties, Type } from 'typebox'
import { type ChangedDay, ChangedDaySchema } from '../calendar/calendar-change.ts'
import type { EpochMs } from '../calendar/local-time.ts'
import type { Declaration } from '../declarations/form-definition.ts'
import { Actor } from './actor.ts'
import type { DeclarationChange as Change } from './events.ts'
import {
  type Applicant,
  Component,
  DeclarationChange,
  Exception,
  ReturnMethodSchema,
  SatisfactionSchema,
} from './events.ts'
import type { CommandAction } from './permissions.ts'
import type { Agrees } from './schema-agrees.ts'
import type { Channel, ReturnMethod, Satisfaction } from './status.ts'

type On<A extends CommandAction, T = object> = { readonly action: A; readonly actor: Actor } & T

/** Creating a dossier: an online submission, or a walk-in received at the counter in one step. */
export type Creation =
  | ({ readonly action: 'submit'; readonly actor: Actor } & NewDossier)
  | ({ readonly action: 'receive-at-counter'; readonly actor: Actor; readonly code: string } & NewDossier)
  /** A walk-in or postal dossier the counter registers to check before reception (status 1). */
  | ({ readonly action: 'register-at-counter'; readonly actor: Actor } & NewDossier)

export type NewDossier = {
  readonly channel: Channel
  readonly applicant: Applicant
  readonly procedure: { readonly code: string; readonly version: number }
  readonly receivingAgencyId: string
  readonly components: readonly Component[]
  /** Validated against the pinned form by the application layer before the engine sees it. */
  readonly declaration?: Declaration | undefined
  /** The commune chosen to decide an any-location procedure (absent: the receiving unit's own). */
  readonly competentAgencyId?: string | undefined
}

/** An item the counter asks for at reception: its name and, optionally, why it is missing or wrong. */
export type GuidanceItem = string | { readonly name: string; readonly reason: string }

/** A command on an existing dossier; its `action` names the guard in permissions.ts. */
export type Command =
  | On<'receive', { readonly code: string }>
  | On<'request-reception-supplement', { readonly items: readonly GuidanceItem[]; readonly reason: string }>
  | On<'reject-reception', { readonly reason: string; readonly legalBasis: string }>
  | On<'redirect', { readonly toAgencyId: string; readonly reason: string }>
  | On<'digitize', { readonly name: string; readonly fileRef: string }>
  | On<'reuse-component', { readonly name: string; readonly fileRef: string; readonly vaultItemId: string }>
  | On<'transfer'>
  | On<'assign', { readonly assigneeId: string; readonly assigneeName: string }>
  | On<
      'appraise',
      {
        readonly outcome: 'approve' | 'refuse'
        readonly note: string
        readonly decision?: Readonly<Record<string, unknown>> | undefined
      }
    >
  | On<
      'request-supplement',
      {
        readonly items: readonly string[]
        readonly reason: string
        readonly exception: { readonly approver: string; readonly legalBasis: string } | null
        readonly fields?: readonly string[] | undefined
      }
    >
  | On<
      'receive-supplement',
      { readonly components: readonly Component[]; readonly corrections?: readonly Change[] | undefined }
    >
  | On<'require-payment', { readonly amountVnd: number; readonly reason: string }>
  | On<'record-payment', { readonly amountVnd: number; readonly receipt: string }>
  | On<'transfer-to-agency', { readonly toAgencyId: string; readonly reason: string }>
  | On<'return-from-agency', { readonly note: string }>
  | On<'approve'>
  | On<'issue', { readonly resultNumber: string }>
  | On<'return-result', { readonly method: ReturnMethod }>
  | On<'withdraw', { readonly reason: string }>
  | On<'request-withdrawal', { readonly reason: string }>
  | On<'decide-withdrawal', { readonly accepted: boolean; readonly note: string }>
  | On<'stop', { readonly reason: string; readonly legalBasis: string }>
  | On<'warn-late'>
  | On<'issue-apology', { readonly reason: string; readonly newAppointmentAt: EpochMs }>
  | On<'rate', { readonly satisfaction: Satisfaction; readonly comment: string }>
  | On<'record-electronic-result', { readonly sha256: string; readonly fileName: string }>
  | On<
      'reschedule',
      {
        /** The days the change flipped, with their status before it. */
        readonly changedDays: readonly ChangedDay[]
        /** Days flipped by later changes not yet applied, with their status before those: undone first. */
        readonly laterChangedDays?: readonly ChangedDay[] | undefined
        /** When the change was made: deadlines set after it were counted on the new calendar already. */
        readonly changedAt: EpochMs
        /** The change's number, increasing: a dossier is moved once per change. */
        readonly changeId: number
        readonly reason: string
      }
    >

// The engine's commands are exactly the guarded command actions: no capability can be run as a command.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const commandsMatchActions: Same<Command['action'], CommandAction> = true
void commandsMatchActions

const command = <A extends CommandAction, P extends TProperties>(action: A, fields: P) =>
  Type.Object({ action: Type.Literal(action), actor: Actor, ...fields })
const Text = Type.String()
const Texts = Type.Array(Type.String())

/** The runtime schema of `Command`: a capability (pay-online, attach-file) is none of these. */
export const Command = Type.Union([
  command('receive', { code: Text }),
  command('request-reception-supplement', {
    items: Type.Array(Type.Union([Text, Type.Object({ name: Text, reason: Text })])),
    reason: Text,
  }),
  command('reject-reception', { reason: Text, legalBasis: Text }),
  command('redirect', { toAgencyId: Text, reason: Text }),
  command('digitize', { name: Text, fileRef: Text }),
  command('reuse-component', { name: Text, fileRef: Text, vaultItemId: Text }),
  command('transfer', {}),
  command('assign', { assigneeId: Text, assigneeName: Text }),
  command('appraise', {
    outcome: Type.Enum(['approve', 'refuse']),
    note: Text,
    decision: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
  command('request-supplement', { items: Texts, reason: Text, exception: Exception, fields: Type.Optional(Texts) }),
  command('receive-supplement', {
    components: Type.Array(Component),
    corrections: Type.Optional(Type.Array(DeclarationChange)),
  }),
  command('require-payment', { amountVnd: Type.Number(), reason: Text }),
  command('record-payment', { amountVnd: Type.Number(), receipt: Text }),
  command('transfer-to-agency', { toAgencyId: Text, reason: Text }),
  command('return-from-agency', { note: Text }),
  command('approve', {}),
  command('issue', { resultNumber: Text }),
  command('return-result', { method: ReturnMethodSchema }),
  command('withdraw', { reason: Text }),
  command('request-withdrawal', { reason: Text }),
  command('decide-withdrawal', { accepted: Type.Boolean(), note: Text }),
  command('stop', { reason: Text, legalBasis: Text }),
  command('warn-late', {}),
  command('issue-apology', { reason: Text, newAppointmentAt: Type.Number() }),
  command('rate', { satisfaction: SatisfactionSchema, comment: Text }),
  command('record-electronic-result', { sha256: Text, fileName: Text }),
  command('reschedule', {
    changedDays: Type.Array(ChangedDaySchema),
    laterChangedDays: Type.Optional(Type.Array(ChangedDaySchema)),
    changedAt: Type.Number(),
    changeId: Type.Integer(),
    reason: Text,
  }),
])
export const commandSchemaAgrees: Agrees<Static<typeof Command>, Command> = true
