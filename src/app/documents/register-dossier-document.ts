import { createHash } from 'node:crypto'
import { localDate } from '../../domain/calendar/local-time.ts'
import type { DossierDocumentRole } from '../../domain/documents/dossier-document.ts'
import { defaultAgencyAbbreviation, formatNotation } from '../../domain/documents/notation.ts'
import {
  type DraftContent,
  foldOutgoing,
  type OutgoingDocument,
  type OutgoingEvent,
  type Signer,
} from '../../domain/documents/outgoing.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import type { Db } from '../../store/database.ts'
import {
  agencyForDocuments,
  allocateRegisterNumber,
  appendDocumentEvent,
  insertDocument,
  saveDocumentFile,
} from '../../store/documents/document-store.ts'
import { linkDossierDocument } from '../../store/documents/dossier-documents.ts'
import { recordIssuedDocument } from '../../store/signing/issued-documents.ts'

/** What a dossier's own document states before its number, and who signs it. */
export type DossierDocumentDraft = {
  readonly dossierId: string
  readonly role: Extract<DossierDocumentRole, 'apology' | 'result_decision'>
  readonly agencyId: string
  readonly content: DraftContent
  readonly signer: Signer
  /** Who ran the dossier command that issues it, for the trail and the audit. */
  readonly actorId: string
}

export type AgencyHeading = { readonly id: string; readonly name: string; readonly location: string }

/**
 * Cấp số và đăng ký văn bản đi (Decree 30/2020 Art. 15, 16) for a document the dossier's engine has
 * decided (the apology, the result decision), in the caller's transaction: the number is allocated in
 * the agency's outgoing register, `signed` renders and signs the PDF bearing it, and the document is
 * written issued (drafted, approved, numbered and issued, each event audited), its PDF stored and
 * recorded for /verify, and linked to the dossier. A rollback of the caller returns the number.
 */
export async function registerDossierDocument(
  tx: Db,
  draft: DossierDocumentDraft,
  signed: (notation: string, agency: AgencyHeading) => Promise<Buffer>,
  now: Date,
  newId: () => string,
): Promise<OutgoingDocument> {
  const today = localDate(now)
  const agency = await agencyForDocuments(tx, draft.agencyId, today)
  if (agency === null) throw new Error(`agency ${draft.agencyId} not found for the dossier's document`)
  const year = Number(today.slice(0, 4))
  const number = await allocateRegisterNumber(tx, draft.agencyId, 'outgoing', year)
  const abbreviation = agency.abbreviation ?? defaultAgencyAbbreviation(agency.kind, agency.name)
  const notation = formatNotation(number, draft.content.type, abbreviation, draft.content.draftingUnit)
  const pdf = await signed(notation, {
    id: agency.id,
    name: agency.name,
    location: agency.placeName ?? agency.province,
  })
  const sha256 = createHash('sha256').update(pdf).digest('hex')
  const at = now.toISOString()
  const actor = draft.actorId
  const events: OutgoingEvent[] = [
    { type: 'drafted', at, actor, id: newId(), agencyId: draft.agencyId, content: draft.content },
    { type: 'approved', at, actor, signer: draft.signer },
    { type: 'numbered', at, actor, year, number, notation, issuedOn: today },
    { type: 'issued', at, actor, sha256, delivered: [], external: [] },
  ]
  const [first, ...rest] = events as [OutgoingEvent, ...OutgoingEvent[]]
  let document = foldOutgoing([first]) as OutgoingDocument
  await insertDocument(tx, document, first, now)
  await audit(tx, document.id, first, null, now)
  for (const [i, event] of rest.entries()) {
    const before = document
    document = foldOutgoing(events.slice(0, i + 2)) as OutgoingDocument
    if (!(await appendDocumentEvent(tx, document, event, before.version)))
      throw new Error(`document ${document.id} moved while it was being registered`)
    await audit(tx, document.id, event, { status: before.status, version: before.version }, now)
  }
  await saveDocumentFile(tx, document.id, pdf, sha256, now)
  await recordIssuedDocument(tx, { sha256 }, { dossierId: draft.dossierId, kind: 'official-document', issuedAt: now })
  await linkDossierDocument(tx, {
    documentId: document.id,
    dossierId: draft.dossierId,
    role: draft.role,
    replyTo: null,
    createdAt: at,
  })
  return document
}

async function audit(tx: Db, id: string, event: OutgoingEvent, before: object | null, now: Date) {
  await appendAudit(tx, {
    at: now,
    actor: event.actor,
    action: `document.${event.type}`,
    subject: `document:${id}`,
    before,
    after: event,
  })
}
