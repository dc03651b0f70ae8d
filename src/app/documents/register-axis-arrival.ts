import { dayOf, isoDate, localDate } from '../../domain/calendar/local-time.ts'
import { DocumentTypes } from '../../domain/documents/document-type.ts'
import type { ParsedPackage } from '../../domain/documents/edxml/parse-package.ts'
import { foldIncoming, type IncomingDocument, type IncomingEvent } from '../../domain/documents/incoming.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import type { Db } from '../../store/database.ts'
import { agencyOfCode, directoryName } from '../../store/document-axis/axis-directory.ts'
import { claimArrival, documentsOfEdxml, saveAttachments } from '../../store/documents/axis-arrivals.ts'
import {
  allocateRegisterNumber,
  appendDocumentEvent,
  insertDocument,
  loadDocumentEvents,
} from '../../store/documents/document-store.ts'
import type { DocumentArrival } from '../document-axis/axis-deps.ts'
import { axisActor } from '../document-axis/axis-deps.ts'
import type { DocumentDeps } from './document-deps.ts'
import { incomingDocumentRegistered } from './incoming-registered.ts'

/** Our agency a package is for: the first recipient whose QCVN 102 code is one of ours on `day`. */
export async function recipientAgency(db: Db, p: ParsedPackage, day: string): Promise<string | null> {
  for (const r of p.recipients) {
    const agencyId = await agencyOfCode(db, r.organId, day)
    if (agencyId) return agencyId
  }
  return null
}

/** edXML's DocumentType/Type back to the type (the inverse of send-over-axis.ts `typeCode`); unknown: công văn. */
const typeOfCode = (code: string) =>
  (Object.keys(DocumentTypes)[Number(code) - 1] as keyof typeof DocumentTypes | undefined) ?? 'cong-van'

/**
 * Tiếp nhận và đăng ký văn bản đến từ trục (Decree 30/2020 Art. 21–22): a package received over the
 * axis becomes an incoming document of the recipient agency, registered at once with the next number
 * of its incoming register and today's date (product rule: an electronic document arriving through the
 * system is registered by the system), its sender named by the agency directory (the catalogue for one
 * of ours, else the axis's directory, else the package), its files stored with their SHA-256 — all in
 * one transaction with the audit entries. Idempotent by the axis message id: the same package twice,
 * even at once, is one document. A package for none of our agencies is refused before it gets here
 * (take-in-message.ts).
 */
export async function registerAxisArrival(deps: DocumentDeps, arrival: DocumentArrival): Promise<string | null> {
  const p = arrival.package
  const now = deps.now()
  const today = isoDate(dayOf(now.getTime()))
  const agencyId = await recipientAgency(deps.db, p, today)
  if (agencyId === null) return null
  const senderAgencyId = await agencyOfCode(deps.db, p.from.organId, today)
  const senderName = (await directoryName(deps.db, p.from.organId)) ?? p.from.name
  const id = deps.newId()
  if (p.business === 'revocation') {
    await deps.db.transaction().execute((tx) => revokeEarlier(tx, p, now))
    return null
  }
  return deps.db.transaction().execute(async (tx) => {
    const claim = { axisMessageId: arrival.messageId, documentId: id, edxmlDocumentId: p.documentId }
    if (!(await claimArrival(tx, claim, now))) return null
    const base = { at: now.toISOString(), actor: axisActor }
    // Thay thế / cập nhật: the earlier documents of the target are superseded by this one.
    const earlier = (p.business === 'new' ? [] : await documentsOfEdxml(tx, p.targetDocumentId ?? p.documentId)).filter(
      (e) => e !== id,
    )
    const replaced = earlier.at(-1)
    const arrived: IncomingEvent = {
      type: 'arrived',
      ...base,
      id,
      agencyId,
      ...(replaced ? { replacesId: replaced } : {}),
      document: {
        senderAgencyId,
        senderName,
        type: typeOfCode(p.type.code),
        notation: `${p.number}/${p.notation}`,
        issuedOn: p.promulgatedOn,
        subject: p.subject,
        signerName: p.signer.fullName,
        urgency: p.urgency === 'express' ? 'flash' : p.urgency,
        confidentiality: 'none',
        sourceDocumentId: null,
      },
    }
    const year = Number(localDate(now).slice(0, 4))
    const number = await allocateRegisterNumber(tx, agencyId, 'incoming', year)
    const registered: IncomingEvent = { type: 'registered', ...base, year, number, arrivedOn: localDate(now) }
    const document = foldIncoming([arrived]) as IncomingDocument
    await insertDocument(tx, document, arrived, now)
    await saveAttachments(tx, id, p.attachments)
    await appendAudit(tx, {
      at: now,
      actor: axisActor,
      action: 'document.arrived',
      subject: `document:${id}`,
      before: null,
      after: { ...arrived, axisMessageId: arrival.messageId, edxmlDocumentId: p.documentId },
    })
    const after = foldIncoming([arrived, registered]) as IncomingDocument
    await appendRegistered(tx, after, registered, now)
    await incomingDocumentRegistered(tx, deps, after)
    for (const earlierId of earlier) await moveEarlier(tx, earlierId, { type: 'superseded', ...base, byId: id }, now)
    return id
  })
}

async function appendRegistered(tx: Db, d: IncomingDocument, registered: IncomingEvent, now: Date) {
  if (!(await appendDocumentEvent(tx, d, registered, 1))) throw new Error(`document ${d.id} changed while registering`)
  await appendAudit(tx, {
    at: now,
    actor: axisActor,
    action: 'document.registered',
    subject: `document:${d.id}`,
    before: { status: 'arrived', version: 1 },
    after: registered,
  })
}

/** Thu hồi: each incoming document that arrived as the revoked edXML document is marked revoked (once). */
async function revokeEarlier(tx: Db, p: ParsedPackage, now: Date): Promise<void> {
  const reason = p.reason || 'Nơi gửi thu hồi văn bản / revoked by the sender'
  for (const earlierId of await documentsOfEdxml(tx, p.targetDocumentId ?? ''))
    await moveEarlier(tx, earlierId, { type: 'revoked', at: now.toISOString(), actor: axisActor, reason }, now)
}

/** Appends a revocation or supersession to an earlier incoming document not already revoked or superseded. */
async function moveEarlier(
  tx: Db,
  documentId: string,
  event: Extract<IncomingEvent, { type: 'revoked' | 'superseded' }>,
  now: Date,
): Promise<void> {
  const events = ((await loadDocumentEvents(tx, documentId, true))?.events ?? []) as IncomingEvent[]
  const before = foldIncoming(events)
  if (before === null || before.status === 'revoked' || before.status === 'superseded') return
  const after = foldIncoming([...events, event]) as IncomingDocument
  if (!(await appendDocumentEvent(tx, after, event, before.version))) throw new Error(`document ${documentId} moved`)
  await appendAudit(tx, {
    at: now,
    actor: axisActor,
    action: `document.${event.type}`,
    subject: `document:${documentId}`,
    before: { status: before.status, version: before.version },
    after: event,
  })
}
