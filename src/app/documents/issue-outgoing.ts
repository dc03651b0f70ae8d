import { createHash } from 'node:crypto'
import { renderOfficialDocument } from '../../adapters/pdf/official-document.ts'
import { formatInstant, localDate } from '../../domain/calendar/local-time.ts'
import type { DocumentActor, OutgoingCommand } from '../../domain/documents/actions.ts'
import { confidentialityLabel, DocumentTypes, urgencyLabel } from '../../domain/documents/document-type.ts'
import { foldIncoming, type IncomingDocument, type IncomingEvent } from '../../domain/documents/incoming.ts'
import type { OutgoingDocument } from '../../domain/documents/outgoing.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import type { Db } from '../../store/database.ts'
import {
  agencyForDocuments,
  enqueueMessage,
  insertDocument,
  saveDocumentFile,
} from '../../store/documents/document-store.ts'
import { recordIssuedDocument } from '../../store/signing/issued-documents.ts'
import { signAsIssued } from './sign-as-issued.ts'

/** The topic of the seam to the national exchange: an issued document with recipients outside motcua. */
export const documentIssuedTopic = 'document.issued'

/**
 * Phát hành (Decree 30/2020 Art. 17(2), 18): renders the numbered document, signs it with the
 * approving leader's personal certificate and then with the agency's seal certificate (an incremental
 * update, so both stay valid), stores the PDF, delivers an incoming document to each motcua
 * recipient at once, and hands recipients outside motcua to the exchange as one `document.issued`
 * outbox message — all in the caller's transaction.
 */
export async function issueOutgoing(
  tx: Db,
  d: OutgoingDocument,
  actor: DocumentActor,
  now: Date,
  newId: () => string,
): Promise<Extract<OutgoingCommand, { action: 'issue' }>> {
  const today = localDate(now)
  const agency = await agencyForDocuments(tx, d.agencyId, today)
  if (agency === null || d.signer === null || d.notation === null || d.issuedOn === null)
    throw new Error(`document ${d.id} cannot be issued: agency, signer or number missing`)
  const names = new Map<string, string>()
  for (const r of d.content.recipients)
    if (r.kind === 'agency')
      names.set(r.agencyId, (await agencyForDocuments(tx, r.agencyId, today))?.name ?? r.agencyId)
  const signedAt = formatInstant(now.getTime())
  const rendered = await renderOfficialDocument(
    {
      agencyName: agency.name,
      parentName: agency.parentName,
      notation: d.notation,
      placeName: agency.placeName ?? agency.province,
      issuedOn: d.issuedOn,
      typeName: d.content.type === 'cong-van' ? null : DocumentTypes[d.content.type].vi,
      subject: d.content.subject,
      body: d.content.body,
      urgency: d.content.urgency === 'normal' ? null : urgencyLabel[d.content.urgency],
      confidentiality: d.content.confidentiality === 'none' ? null : confidentialityLabel[d.content.confidentiality],
      recipients: d.content.recipients.map((r) =>
        r.kind === 'agency' ? (names.get(r.agencyId) ?? r.agencyId) : r.name,
      ),
      draftingUnit: d.content.draftingUnit,
      signerTitle: d.signer.title,
      signerName: d.signer.name,
      signedAt,
    },
    now,
  )
  const sealed = await signAsIssued(
    tx,
    rendered,
    d.signer,
    { id: d.agencyId, name: agency.name, location: agency.placeName ?? agency.province },
    d.notation,
    now,
  )
  const sha256 = createHash('sha256').update(sealed).digest('hex')
  await saveDocumentFile(tx, d.id, sealed, sha256, now)
  await recordIssuedDocument(tx, { sha256 }, { dossierId: null, kind: 'official-document', issuedAt: now })
  const delivered: { agencyId: string; documentId: string }[] = []
  for (const agencyId of names.keys()) {
    const arrived: IncomingEvent = {
      type: 'arrived',
      at: now.toISOString(),
      actor: actor.id,
      id: newId(),
      agencyId,
      document: {
        senderAgencyId: d.agencyId,
        senderName: agency.name,
        type: d.content.type,
        notation: d.notation,
        issuedOn: d.issuedOn,
        subject: d.content.subject,
        signerName: d.signer.name,
        urgency: d.content.urgency,
        confidentiality: d.content.confidentiality,
        sourceDocumentId: d.id,
      },
    }
    const incoming = foldIncoming([arrived]) as IncomingDocument
    await insertDocument(tx, incoming, arrived, now)
    await appendAudit(tx, {
      at: now,
      actor: actor.id,
      action: 'document.arrived',
      subject: `document:${incoming.id}`,
      before: null,
      after: arrived,
    })
    delivered.push({ agencyId, documentId: incoming.id })
  }
  const external = d.content.recipients.flatMap((r) => (r.kind === 'external' ? [{ code: r.code, name: r.name }] : []))
  if (external.length > 0)
    await enqueueMessage(tx, documentIssuedTopic, `document:${d.id}`, exchangePayload(d, agency, sha256, external), now)
  return { action: 'issue', sha256, delivered, external }
}

/**
 * The `document.issued` message: what the exchange needs to package the document
 * (OutgoingDocumentForExchange of src/domain/documents/edxml/), the PDF being read by `documentId` from
 * document_files. The number and the notation's letters are apart, as edXML's CodeNumber and
 * CodeNotation; the title's last line is the position, the lines above it the authority (KT., TM., …).
 */
function exchangePayload(
  d: OutgoingDocument,
  agency: { name: string; parentName: string | null; placeName: string | null; province: string },
  sha256: string,
  external: readonly { code: string; name: string }[],
) {
  const [number, ...letters] = (d.notation ?? '').split('/')
  const title = (d.signer?.title ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
  return {
    documentId: d.id,
    agencyId: d.agencyId,
    from: { name: agency.name, organizationInCharge: agency.parentName },
    recipients: external.map((r) => ({ organId: r.code, name: r.name })),
    number,
    notation: letters.join('/'),
    place: agency.placeName ?? agency.province,
    promulgatedOn: d.issuedOn,
    type: { id: d.content.type, name: DocumentTypes[d.content.type].vi },
    subject: d.content.subject,
    signer: {
      fullName: d.signer?.name ?? '',
      position: title.at(-1) ?? '',
      competence: title.length > 1 ? title.slice(0, -1).join(' ') : null,
    },
    urgency: d.content.urgency === 'flash' ? 'express' : d.content.urgency,
    confidentiality: d.content.confidentiality,
    toPlaces: d.content.recipients.map((r) => (r.kind === 'agency' ? r.agencyId : r.name)),
    replyTo: d.content.replyTo,
    sha256,
  }
}
