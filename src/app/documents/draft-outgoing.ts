import { type DocumentActor, mayDraft } from '../../domain/documents/actions.ts'
import {
  type DraftContent,
  foldOutgoing,
  type OutgoingDocument,
  type OutgoingEvent,
} from '../../domain/documents/outgoing.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import type { Db } from '../../store/database.ts'
import { agenciesExist, insertDocument } from '../../store/documents/document-store.ts'
import type { DocumentDeps } from './document-deps.ts'

export type DraftOutcome =
  | { readonly kind: 'drafted'; readonly document: OutgoingDocument }
  | { readonly kind: 'refused' }
  | { readonly kind: 'recipientInvalid' }

/**
 * Soạn thảo văn bản (Decree 30/2020 Art. 10): a specialist of the agency starts a draft; audited.
 * `alongside` runs in the same transaction with the draft (a consultation letter's link to its dossier).
 */
export async function draftOutgoing(
  deps: DocumentDeps,
  agencyId: string,
  content: DraftContent,
  actor: DocumentActor,
  alongside?: (tx: Db, document: OutgoingDocument) => Promise<void>,
): Promise<DraftOutcome> {
  if (!mayDraft(actor, agencyId)) return { kind: 'refused' }
  const now = deps.now()
  return deps.db.transaction().execute(async (tx) => {
    const internal = content.recipients.flatMap((r) => (r.kind === 'agency' ? [r.agencyId] : []))
    if (!(await agenciesExist(tx, [agencyId, ...internal]))) return { kind: 'recipientInvalid' }
    const drafted: OutgoingEvent = {
      type: 'drafted',
      at: now.toISOString(),
      actor: actor.id,
      id: deps.newId(),
      agencyId,
      content,
    }
    const document = foldOutgoing([drafted]) as OutgoingDocument
    await insertDocument(tx, document, drafted, now)
    await appendAudit(tx, {
      at: now,
      actor: actor.id,
      action: 'document.drafted',
      subject: `document:${document.id}`,
      before: null,
      after: drafted,
    })
    await alongside?.(tx, document)
    return { kind: 'drafted', document }
  })
}
