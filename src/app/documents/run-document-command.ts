import { localDate } from '../../domain/calendar/local-time.ts'
import {
  availableIncomingActions,
  availableOutgoingActions,
  type DocumentActor,
  decideIncoming,
  decideOutgoing,
  type IncomingCommand,
  type OutgoingCommand,
} from '../../domain/documents/actions.ts'
import { foldIncoming, type IncomingDocument, type IncomingEvent } from '../../domain/documents/incoming.ts'
import { defaultAgencyAbbreviation, formatNotation } from '../../domain/documents/notation.ts'
import type { DocumentEvent, OfficialDocument } from '../../domain/documents/official-document.ts'
import { foldOutgoing, type OutgoingDocument, type OutgoingEvent } from '../../domain/documents/outgoing.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import type { Db } from '../../store/database.ts'
import {
  agenciesExist,
  agencyForDocuments,
  allocateRegisterNumber,
  appendDocumentEvent,
  loadDocument,
  loadDocumentEvents,
  userHolds,
} from '../../store/documents/document-store.ts'
import { consultationOnIssue, consultationOnNumbering, type DossierRefusal } from './consultation-on-issue.ts'
import type { DocumentDeps } from './document-deps.ts'
import { incomingDocumentMoved } from './incoming-registered.ts'
import { issueOutgoing } from './issue-outgoing.ts'

/** A command as the caller asks it; numbers, notations and signatures are the server's to add. */
export type DocumentRequest =
  | Exclude<OutgoingCommand, { action: 'number' | 'issue' }>
  | { readonly action: 'number' | 'issue' }
  | Exclude<IncomingCommand, { action: 'register' }>
  | { readonly action: 'register' }

export type DocumentOutcome =
  | { readonly kind: 'done'; readonly document: OfficialDocument }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'refused' }
  | { readonly kind: 'conflict'; readonly version: number }
  | { readonly kind: 'handlerInvalid' }
  | { readonly kind: 'replyInvalid' }
  | { readonly kind: 'recipientInvalid' }
  /** The dossier a consultation letter or its answer moves would not move; nothing was issued. */
  | { readonly kind: 'dossierRefused'; readonly outcome: DossierRefusal }

type Rejection = Exclude<DocumentOutcome, { kind: 'done' }>

async function outgoingCommand(
  tx: Db,
  deps: DocumentDeps,
  d: OutgoingDocument,
  request: DocumentRequest,
  actor: DocumentActor,
  now: Date,
): Promise<OutgoingCommand | Rejection> {
  switch (request.action) {
    case 'number': {
      const agency = await agencyForDocuments(tx, d.agencyId, localDate(now))
      if (agency === null) return { kind: 'notFound' }
      const year = Number(localDate(now).slice(0, 4))
      const number = await allocateRegisterNumber(tx, d.agencyId, 'outgoing', year)
      const abbreviation = agency.abbreviation ?? defaultAgencyAbbreviation(agency.kind, agency.name)
      const notation = formatNotation(number, d.content.type, abbreviation, d.content.draftingUnit)
      return { action: 'number', year, number, notation, issuedOn: localDate(now) }
    }
    case 'issue':
      return issueOutgoing(tx, d, actor, now, deps.newId)
    case 'revise': {
      const ids = request.content.recipients.flatMap((r) => (r.kind === 'agency' ? [r.agencyId] : []))
      return (await agenciesExist(tx, ids)) ? request : { kind: 'recipientInvalid' }
    }
    case 'submit':
    case 'review':
    case 'return':
    case 'approve':
      return request
    default:
      return { kind: 'refused' }
  }
}

async function incomingCommand(
  tx: Db,
  d: IncomingDocument,
  request: DocumentRequest,
  now: Date,
): Promise<IncomingCommand | Rejection> {
  switch (request.action) {
    case 'register': {
      const year = Number(localDate(now).slice(0, 4))
      const number = await allocateRegisterNumber(tx, d.agencyId, 'incoming', year)
      return { action: 'register', year, number, arrivedOn: localDate(now) }
    }
    case 'assign': {
      const fits =
        (await userHolds(tx, request.handlerId, d.agencyId, 'specialist')) ||
        (await userHolds(tx, request.handlerId, d.agencyId, 'leader'))
      return fits ? request : { kind: 'handlerInvalid' }
    }
    case 'answer': {
      const reply = await loadDocument(tx, request.replyId)
      const fits = reply?.direction === 'outgoing' && reply.agencyId === d.agencyId && reply.status === 'issued'
      return fits ? request : { kind: 'replyInvalid' }
    }
    case 'add-opinion':
    case 'finish':
      return request
    default:
      return { kind: 'refused' }
  }
}

const allowed = (d: OfficialDocument, actor: DocumentActor): readonly string[] =>
  d.direction === 'outgoing' ? availableOutgoingActions(d, actor) : availableIncomingActions(d, actor)

/**
 * Runs one command on a document with it locked: `availableActions` gates it before anything is
 * allocated, the server adds what it owns (register numbers, the signed PDF, deliveries), the domain
 * decides, and the event, the projection and the audit entry are written in one transaction — a
 * refusal or a rollback takes the register number back with it.
 */
export async function runDocumentCommand(
  deps: DocumentDeps,
  id: string,
  request: DocumentRequest,
  actor: DocumentActor,
  expectedVersion?: number,
): Promise<DocumentOutcome> {
  const now = deps.now()
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const loaded = await loadDocumentEvents(tx, id, true)
      if (loaded === null) return { kind: 'notFound' }
      const before: OfficialDocument | null =
        loaded.direction === 'outgoing'
          ? foldOutgoing(loaded.events as OutgoingEvent[])
          : foldIncoming(loaded.events as IncomingEvent[])
      if (before === null) return { kind: 'notFound' }
      if (expectedVersion !== undefined && expectedVersion !== before.version)
        return { kind: 'conflict', version: before.version }
      if (!allowed(before, actor).includes(request.action)) return { kind: 'refused' }
      let event: DocumentEvent
      let after: OfficialDocument
      if (before.direction === 'outgoing') {
        const command = await outgoingCommand(tx, deps, before, request, actor, now)
        if ('kind' in command) throw new Abort(command)
        const decision = decideOutgoing(before, command, actor, now)
        if (!decision.ok) throw new Abort({ kind: 'refused' })
        event = decision.event
        after = foldOutgoing([...(loaded.events as OutgoingEvent[]), decision.event]) as OutgoingDocument
      } else {
        const command = await incomingCommand(tx, before, request, now)
        if ('kind' in command) throw new Abort(command)
        const decision = decideIncoming(before, command, actor, now)
        if (!decision.ok) throw new Abort({ kind: 'refused' })
        event = decision.event
        after = foldIncoming([...(loaded.events as IncomingEvent[]), decision.event]) as IncomingDocument
      }
      if (!(await appendDocumentEvent(tx, after, event, before.version)))
        throw new Abort({ kind: 'conflict', version: before.version })
      if (after.direction === 'incoming') await incomingDocumentMoved(tx, deps, after, event as IncomingEvent)
      if (before.direction === 'outgoing' && (event.type === 'numbered' || event.type === 'issued')) {
        const consult = event.type === 'numbered' ? consultationOnNumbering : consultationOnIssue
        const refusal = await consult(tx, deps, after as OutgoingDocument, now)
        if (refusal) throw new Abort({ kind: 'dossierRefused', outcome: refusal })
      }
      await appendAudit(tx, {
        at: now,
        actor: actor.id,
        action: `document.${event.type}`,
        subject: `document:${id}`,
        before: { status: before.status, version: before.version },
        after: event,
      })
      return { kind: 'done', document: after }
    })
  } catch (error) {
    if (error instanceof Abort) return error.outcome
    throw error
  }
}

/** Rolls the transaction back (a register number allocated for a refused command is returned). */
class Abort extends Error {
  readonly outcome: Rejection
  constructor(outcome: Rejection) {
    super(outcome.kind)
    this.outcome = outcome
  }
}
