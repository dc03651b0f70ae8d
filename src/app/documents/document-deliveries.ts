import { type Delivery, type DeliveryStep, stepsOfIncoming, trailOf } from '../../domain/documents/delivery-status.ts'
import { documentIdOf } from '../../domain/documents/edxml/document-id.ts'
import { isStatusCode } from '../../domain/documents/edxml/status-code.ts'
import type { IncomingEvent } from '../../domain/documents/incoming.ts'
import type { OutgoingDocument } from '../../domain/documents/outgoing.ts'
import type { Db } from '../../store/database.ts'
import { agencyCodeOn } from '../../store/document-axis/axis-directory.ts'
import { packagesOfDocument, type StatusEntry, statusHistory } from '../../store/document-axis/axis-messages.ts'
import { documentTrail } from '../../store/documents/document-store.ts'

/**
 * Quá trình gửi nhận of an issued document, per recipient in the order of its "Nơi nhận": each
 * motcua recipient's register steps, each outside recipient's statuses received over the axis for
 * the package(s) carrying the document. Nothing before issuance.
 */
export async function documentDeliveries(db: Db, d: OutgoingDocument): Promise<Delivery[]> {
  if (d.issuedOn === null || d.notation === null) return []
  const internal = await Promise.all(
    d.delivered.map(async (r) => ({
      kind: 'agency' as const,
      agencyId: r.agencyId,
      documentId: r.documentId,
      steps: stepsOfIncoming((await documentTrail(db, r.documentId)) as IncomingEvent[]),
    })),
  )
  const reported = d.external.length > 0 ? await statusesReported(db, d.agencyId, d.issuedOn, d.notation) : []
  const external = d.external.map((r) => ({
    kind: 'external' as const,
    code: r.code,
    name: r.name,
    steps: trailOf(reported.filter((s) => s.reportedBy === r.code).flatMap(stepOfStatus)),
  }))
  return [...internal, ...external]
}

/** The statuses received over the axis about the document, named as its packages name it (edXML DocumentId). */
async function statusesReported(db: Db, agencyId: string, issuedOn: string, notation: string) {
  const organId = await agencyCodeOn(db, agencyId, issuedOn)
  if (organId === null) return []
  const [number = '', ...letters] = notation.split('/')
  const packages = await packagesOfDocument(
    db,
    'out',
    documentIdOf({ organId, number, notation: letters.join('/'), promulgatedOn: issuedOn }),
  )
  const histories = await Promise.all(packages.map((p) => statusHistory(db, p.id)))
  return histories.flat().filter((s) => s.direction === 'received')
}

const stepOfStatus = (s: StatusEntry): DeliveryStep[] =>
  isStatusCode(s.statusCode) ? [{ code: s.statusCode, at: s.at.toISOString(), description: s.description }] : []
