import type { Grant } from '../access/principal.ts'
import { type IncomingDocument, type IncomingEvent, IncomingStatus } from './incoming.ts'
import {
  type DraftContent,
  type OutgoingDocument,
  type OutgoingEvent,
  OutgoingStatus,
  type Signer,
} from './outgoing.ts'

/** Who acts on a document: staff with roles at agencies (văn thư = clerk, chuyên viên, lãnh đạo). */
export type DocumentActor = { readonly id: string; readonly name: string; readonly grants: readonly Grant[] }

export const OutgoingAction = {
  Revise: 'revise',
  Submit: 'submit',
  Review: 'review',
  Return: 'return',
  Approve: 'approve',
  Number: 'number',
  Issue: 'issue',
} as const
export type OutgoingAction = (typeof OutgoingAction)[keyof typeof OutgoingAction]

export const IncomingAction = {
  Register: 'register',
  Assign: 'assign',
  AddOpinion: 'add-opinion',
  Finish: 'finish',
  Answer: 'answer',
} as const
export type IncomingAction = (typeof IncomingAction)[keyof typeof IncomingAction]

const holds = (actor: DocumentActor, agencyId: string, role: string) =>
  actor.grants.some((g) => g.agencyId === agencyId && g.role === role)

/**
 * What `actor` may do to an outgoing document now — the one gate. The drafter (a specialist) revises
 * and submits (Art. 10); a leader or the clerk checks it or returns it with a note (Art. 12, 10(3)); a
 * leader approves it as its signer (Art. 11, 13); the clerk numbers it and issues it (Art. 15–18).
 */
export function availableOutgoingActions(d: OutgoingDocument, actor: DocumentActor): OutgoingAction[] {
  const a = d.agencyId
  const actions: OutgoingAction[] = []
  const drafting = d.status === OutgoingStatus.Draft || d.status === OutgoingStatus.Returned
  if (drafting && d.drafterId === actor.id && holds(actor, a, 'specialist'))
    actions.push(OutgoingAction.Revise, OutgoingAction.Submit)
  const checker = holds(actor, a, 'leader') || holds(actor, a, 'clerk')
  if (d.status === OutgoingStatus.Submitted && checker) actions.push(OutgoingAction.Review)
  if ((d.status === OutgoingStatus.Submitted || d.status === OutgoingStatus.Reviewed) && checker)
    actions.push(OutgoingAction.Return)
  if (d.status === OutgoingStatus.Reviewed && holds(actor, a, 'leader')) actions.push(OutgoingAction.Approve)
  if (d.status === OutgoingStatus.Approved && holds(actor, a, 'clerk')) actions.push(OutgoingAction.Number)
  if (d.status === OutgoingStatus.Numbered && holds(actor, a, 'clerk')) actions.push(OutgoingAction.Issue)
  return actions
}

/** Whether `actor` may draft an outgoing document of `agencyId` (a specialist there). */
export const mayDraft = (actor: DocumentActor, agencyId: string) => holds(actor, agencyId, 'specialist')

/**
 * What `actor` may do to an incoming document now — the one gate. The clerk registers it (Art. 22), a
 * leader assigns it (Art. 23), the handler adds opinions and finishes or answers it (Art. 24); a
 * leader may add an opinion too.
 */
export function availableIncomingActions(d: IncomingDocument, actor: DocumentActor): IncomingAction[] {
  const a = d.agencyId
  const actions: IncomingAction[] = []
  // Revoked or superseded by its sender: nothing more is done to it (the new one is handled instead).
  if (d.status === IncomingStatus.Revoked || d.status === IncomingStatus.Superseded) return actions
  if (d.status === IncomingStatus.Arrived && holds(actor, a, 'clerk')) actions.push(IncomingAction.Register)
  const open = d.status === IncomingStatus.Assigned || d.status === IncomingStatus.Handling
  if ((d.status === IncomingStatus.Registered || open) && holds(actor, a, 'leader')) actions.push(IncomingAction.Assign)
  const handler = d.handlerId === actor.id
  if (open && (handler || holds(actor, a, 'leader'))) actions.push(IncomingAction.AddOpinion)
  if (open && handler) actions.push(IncomingAction.Finish, IncomingAction.Answer)
  return actions
}

export type OutgoingCommand =
  | { readonly action: 'revise'; readonly content: DraftContent }
  | { readonly action: 'submit' }
  | { readonly action: 'review'; readonly note: string | null }
  | { readonly action: 'return'; readonly note: string }
  | { readonly action: 'approve'; readonly signerTitle: string }
  | {
      readonly action: 'number'
      readonly year: number
      readonly number: number
      readonly notation: string
      readonly issuedOn: string
    }
  | {
      readonly action: 'issue'
      readonly sha256: string
      readonly delivered: readonly { readonly agencyId: string; readonly documentId: string }[]
      readonly external: readonly { readonly code: string; readonly name: string }[]
    }

export type IncomingCommand =
  | { readonly action: 'register'; readonly year: number; readonly number: number; readonly arrivedOn: string }
  | { readonly action: 'assign'; readonly handlerId: string; readonly dueOn: string | null; readonly opinion: string }
  | { readonly action: 'add-opinion'; readonly text: string }
  | { readonly action: 'finish'; readonly note: string }
  | { readonly action: 'answer'; readonly replyId: string }

export type Decision<E> =
  | { readonly ok: true; readonly event: E }
  | { readonly ok: false; readonly refusal: 'notAllowed' }

/** The event an outgoing command produces, or its refusal; time is passed in. */
export function decideOutgoing(
  d: OutgoingDocument,
  command: OutgoingCommand,
  actor: DocumentActor,
  now: Date,
): Decision<OutgoingEvent> {
  if (!availableOutgoingActions(d, actor).includes(command.action)) return { ok: false, refusal: 'notAllowed' }
  const base = { at: now.toISOString(), actor: actor.id }
  switch (command.action) {
    case 'revise':
      return { ok: true, event: { type: 'revised', ...base, content: command.content } }
    case 'submit':
      return { ok: true, event: { type: 'submitted', ...base } }
    case 'review':
      return { ok: true, event: { type: 'reviewed', ...base, note: command.note } }
    case 'return':
      return { ok: true, event: { type: 'returned', ...base, note: command.note } }
    case 'approve': {
      const signer: Signer = { userId: actor.id, name: actor.name, title: command.signerTitle }
      return { ok: true, event: { type: 'approved', ...base, signer } }
    }
    case 'number': {
      const { action: _a, ...numbered } = command
      return { ok: true, event: { type: 'numbered', ...base, ...numbered } }
    }
    case 'issue': {
      const { action: _a, ...issued } = command
      return { ok: true, event: { type: 'issued', ...base, ...issued } }
    }
  }
}

/** The event an incoming command produces, or its refusal; time is passed in. */
export function decideIncoming(
  d: IncomingDocument,
  command: IncomingCommand,
  actor: DocumentActor,
  now: Date,
): Decision<IncomingEvent> {
  if (!availableIncomingActions(d, actor).includes(command.action)) return { ok: false, refusal: 'notAllowed' }
  const base = { at: now.toISOString(), actor: actor.id }
  switch (command.action) {
    case 'register':
      return {
        ok: true,
        event: {
          type: 'registered',
          ...base,
          year: command.year,
          number: command.number,
          arrivedOn: command.arrivedOn,
        },
      }
    case 'assign':
      return {
        ok: true,
        event: {
          type: 'assigned',
          ...base,
          handlerId: command.handlerId,
          dueOn: command.dueOn,
          opinion: command.opinion,
        },
      }
    case 'add-opinion':
      return { ok: true, event: { type: 'opinion-added', ...base, text: command.text } }
    case 'finish':
      return { ok: true, event: { type: 'done', ...base, note: command.note } }
    case 'answer':
      return { ok: true, event: { type: 'answered', ...base, replyId: command.replyId } }
  }
}
