import type { KeyPairPem } from '../../adapters/signing/certificates.ts'
import { queueDocument } from '../../app/document-axis/queue-document.ts'
import { DocumentTypes } from '../../domain/documents/document-type.ts'
import { documentIdOf } from '../../domain/documents/edxml/document-id.ts'
import type { OutgoingDocumentForExchange, Urgency } from '../../domain/documents/edxml/exchange-document.ts'
import type { Db } from '../../store/database.ts'
import { agencyCodeOn } from '../../store/document-axis/axis-directory.ts'
import { packagesOfDocument } from '../../store/document-axis/axis-messages.ts'
import { loadDocumentFile } from '../../store/documents/document-store.ts'

/** The payload of `document.issued` (issue-outgoing.ts `exchangePayload`). */
export type IssuedForExchange = {
  readonly documentId: string
  readonly agencyId: string
  readonly from: { readonly name: string; readonly organizationInCharge: string | null }
  readonly recipients: readonly { readonly organId: string; readonly name: string }[]
  readonly number: string
  readonly notation: string
  readonly place: string
  readonly promulgatedOn: string
  readonly type: { readonly id: keyof typeof DocumentTypes; readonly name: string }
  readonly subject: string
  readonly signer: { readonly fullName: string; readonly position: string; readonly competence: string | null }
  readonly urgency: Urgency
  readonly sha256: string
}

/** Why an issued document cannot go over the axis; the relay dead-letters it (retrying changes nothing). */
export class NotExchangeable extends Error {}

/**
 * Loại văn bản as edXML's DocumentType/Type: the type's place in Decree 30/2020 Appendix III's list
 * (Nghị quyết 1 … Công văn 18 …). An assumption: QCVN 102's own code list was not read.
 */
export const typeCode = (id: keyof typeof DocumentTypes) => String(Object.keys(DocumentTypes).indexOf(id) + 1)

/**
 * Gửi văn bản đi qua trục: an issued document's recipients outside motcua get its signed PDF as one
 * edXML package, signed by the issuing agency (queueDocument). Idempotent: a redelivered
 * `document.issued` finds the package queued under the same DocumentId and queues nothing.
 */
export async function sendIssuedOverAxis(
  deps: { db: Db; now: () => Date; newId: () => string; signer?: KeyPairPem },
  issued: IssuedForExchange,
): Promise<string | null> {
  const organId = await agencyCodeOn(deps.db, issued.agencyId, issued.promulgatedOn)
  if (organId === null)
    throw new NotExchangeable(`agency ${issued.agencyId} has no QCVN 102 code in the catalogue on the day of issue`)
  const key = { organId, number: issued.number, notation: issued.notation, promulgatedOn: issued.promulgatedOn }
  if ((await packagesOfDocument(deps.db, 'out', documentIdOf(key))).some((m) => m.kind === 'edoc')) return null
  const pdf = await loadDocumentFile(deps.db, issued.documentId)
  if (pdf === null) throw new Error(`issued document ${issued.documentId} has no file yet`)
  const document: OutgoingDocumentForExchange = {
    from: {
      organId,
      name: issued.from.name,
      ...(issued.from.organizationInCharge ? { organizationInCharge: issued.from.organizationInCharge } : {}),
    },
    recipients: issued.recipients.map((r) => ({ organId: r.organId, name: r.name })),
    number: issued.number,
    notation: issued.notation,
    place: issued.place,
    promulgatedOn: issued.promulgatedOn,
    type: { code: typeCode(issued.type.id), name: issued.type.name },
    subject: issued.subject,
    signer: {
      fullName: issued.signer.fullName,
      position: issued.signer.position,
      ...(issued.signer.competence ? { competence: issued.signer.competence } : {}),
    },
    urgency: issued.urgency,
    attachments: [
      {
        name: `${issued.number}-${issued.notation.replaceAll('/', '-')}.pdf`,
        mediaType: 'application/pdf',
        bytes: new Uint8Array(pdf),
        sha256: issued.sha256,
      },
    ],
  }
  return queueDocument(deps, {
    agencyId: issued.agencyId,
    document,
    envelope: { business: 'new' },
    actor: 'system:documents',
  })
}
