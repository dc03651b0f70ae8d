import type { KeyPairPem } from '../../adapters/signing/certificates.ts'
import { signPackage } from '../../adapters/signing/xml-signer.ts'
import { buildPackage, type PackageEnvelope } from '../../domain/documents/edxml/build-package.ts'
import { documentIdOf } from '../../domain/documents/edxml/document-id.ts'
import type { OutgoingDocumentForExchange } from '../../domain/documents/edxml/exchange-document.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import type { Db } from '../../store/database.ts'
import { queueOutgoing } from '../../store/document-axis/axis-messages.ts'
import { agencySigner } from '../signing/agency-signer.ts'

export type QueueDocumentInput = {
  /** Our agency that issues the document; its key signs the package. */
  readonly agencyId: string
  readonly document: OutgoingDocumentForExchange
  readonly envelope: Omit<PackageEnvelope, 'sentAt'>
  /** Who asked (a user id, or a system name), for the audit log. */
  readonly actor: string
}

/**
 * Gửi văn bản qua trục: packages the document as edXML, signs it — with `deps.signer` when the axis
 * is configured (DOCUMENT_AXIS_SIGNING_…, the connection's certificate), else with the issuing
 * agency's demo key — and queues it with its outbox message in one transaction; from then on the relay delivers it at least
 * once (src/jobs/document-axis-consumer.ts). Returns the package's id.
 */
export async function queueDocument(
  deps: { db: Db; now: () => Date; newId: () => string; signer?: KeyPairPem },
  input: QueueDocumentInput,
): Promise<string> {
  const now = deps.now()
  const signer = deps.signer ?? (await agencySigner(deps.db, input.agencyId, now))
  const xml = signPackage(buildPackage(input.document, { ...input.envelope, sentAt: now }), signer)
  const d = input.document
  const documentId = documentIdOf({
    organId: d.from.organId,
    number: d.number,
    notation: d.notation,
    promulgatedOn: d.promulgatedOn,
  })
  const id = deps.newId()
  await deps.db.transaction().execute(async (tx) => {
    await queueOutgoing(
      tx,
      {
        id,
        direction: 'out',
        kind: 'edoc',
        axisId: null,
        documentId,
        business: input.envelope.business,
        fromCode: d.from.organId,
        toCodes: d.recipients.map((r) => r.organId),
        state: 'queued',
        xml,
        problems: null,
      },
      now,
    )
    await appendAudit(tx, {
      at: now,
      actor: input.actor,
      action: 'axis.queued',
      subject: `axis-message:${id}`,
      before: null,
      after: { documentId, business: input.envelope.business, to: d.recipients.map((r) => r.organId) },
    })
  })
  return id
}
