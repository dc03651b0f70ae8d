import type { Principal } from '../../domain/access/principal.ts'
import { actorsFor, canReadDossier } from '../../domain/access/route-permissions.ts'
import type { Urgency } from '../../domain/documents/document-type.ts'
import type { OutgoingDocument } from '../../domain/documents/outgoing.ts'
import { Role } from '../../domain/dossier/actor.ts'
import { Action, availableActions } from '../../domain/dossier/permissions.ts'
import { refuse } from '../../domain/dossier/refusal.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import { agenciesExist } from '../../store/documents/document-store.ts'
import { linkDossierDocument } from '../../store/documents/dossier-documents.ts'
import type { dossierCommands } from '../../store/dossiers/dossier-commands.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import type { DossierRefusal } from './consultation-on-issue.ts'
import type { DocumentDeps } from './document-deps.ts'
import { draftOutgoing } from './draft-outgoing.ts'

/** What the specialist writes; the rest of the công văn follows from the dossier. */
export type ConsultationRequest = {
  readonly toAgencyId: string
  readonly subject: string
  readonly body: string
  readonly urgency: Urgency
  readonly draftingUnit: string
}

export type ConsultationDraftOutcome =
  | { readonly kind: 'drafted'; readonly document: OutgoingDocument }
  | { readonly kind: 'recipientInvalid' }
  /** Not found, not the caller's to draft, or not now: answered as the engine's refusals are. */
  | { readonly kind: 'dossier'; readonly outcome: DossierRefusal }

const forbidden: ConsultationDraftOutcome = { kind: 'dossier', outcome: { ok: false, problem: 'forbidden' } }

/**
 * Soạn văn bản lấy ý kiến from a dossier in appraisal (rules.md "Consultation letters on dossiers"):
 * only a specialist whom the dossier's `availableActions` lets transfer it to another agency drafts
 * it, to one other motcua agency; the draft and its link to the dossier are written together.
 */
export async function draftConsultationLetter(
  deps: DocumentDeps & { readonly engine: ReturnType<typeof dossierCommands> },
  principal: Principal,
  ref: string,
  request: ConsultationRequest,
): Promise<ConsultationDraftOutcome> {
  const found = await loadDossier(deps.db, ref)
  if (found === null) return { kind: 'dossier', outcome: { ok: false, problem: 'not-found' } }
  if (!canReadDossier(principal, found.state)) return forbidden
  const ctx = await deps.engine.contextOf(found.state, deps.now())
  if (ctx === null) throw new Error(`dossier ${found.id} has no procedure terms`)
  const specialists = actorsFor(principal, found.state).filter((a) => a.role === Role.Specialist)
  const actor = specialists.find((a) => availableActions(found.state, a, ctx).includes(Action.TransferToAgency))
  if (actor?.agencyId == null) {
    const atTheAgency = specialists.some((a) => a.agencyId === found.state.processingAgencyId)
    return atTheAgency
      ? { kind: 'dossier', outcome: { ok: false, problem: 'refused', refusal: refuse('wrongStep') } }
      : forbidden
  }
  const elsewhere = request.toAgencyId !== found.state.holderAgencyId
  if (!elsewhere || !(await agenciesExist(deps.db, [request.toAgencyId]))) return { kind: 'recipientInvalid' }
  const content = {
    type: 'cong-van' as const,
    subject: request.subject,
    body: request.body,
    urgency: request.urgency,
    confidentiality: 'none' as const,
    draftingUnit: request.draftingUnit,
    recipients: [{ kind: 'agency' as const, agencyId: request.toAgencyId }],
    replyTo: null,
  }
  const documentActor = {
    id: principal.userId,
    name: principal.name,
    grants: principal.kind === 'citizen' ? [] : principal.grants,
  }
  const outcome = await draftOutgoing(deps, actor.agencyId, content, documentActor, async (tx, document) => {
    const link = {
      documentId: document.id,
      dossierId: found.id,
      role: 'consultation_letter' as const,
      replyTo: null,
      createdAt: document.createdAt,
    }
    await linkDossierDocument(tx, link)
    await appendAudit(tx, {
      at: new Date(document.createdAt),
      actor: principal.userId,
      action: 'dossier.consultation-drafted',
      subject: `dossier:${found.id}`,
      before: null,
      after: link,
    })
  })
  return outcome.kind === 'refused' ? forbidden : outcome
}
