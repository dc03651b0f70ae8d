import { type BusinessType, businessTypeCode, defaultReason } from './business-type.ts'
import { documentIdOf } from './document-id.ts'
import type { DocumentReference, OutgoingDocumentForExchange } from './exchange-document.ts'
import { priorityCode } from './priority.ts'
import { edxmlDay, edxmlNamespace, edxmlTimestamp, element, group } from './xml-text.ts'

/** What a package does and when it leaves: the trace header (TraceHeaderList) of QCVN 102:2016. */
export type PackageEnvelope = {
  readonly business: BusinessType
  /** The document revoked, updated or replaced (Bussiness/DocumentId); absent for a new one. */
  readonly target?: DocumentReference
  /** BussinessDocReason; the standard wording of the business type when absent. */
  readonly reason?: string
  /** The moment the sending agency hands it to the axis (TraceHeader/Timestamp). */
  readonly sentAt: Date
}

const organ = (name: string, o: { organId: string; name: string; organizationInCharge?: string }) =>
  group(
    name,
    element('OrganId', o.organId),
    element('OrganizationInCharge', o.organizationInCharge ?? o.name),
    element('OrganName', o.name),
  )

const reference = (name: string, ref: DocumentReference) =>
  group(
    name,
    element('OrganId', ref.organId),
    element('Code', `${ref.number}/${ref.notation}`),
    element('PromulgationDate', edxmlDay(ref.promulgatedOn)),
    element('DocumentId', documentIdOf(ref)),
  )

function messageHeader(d: OutgoingDocumentForExchange): string {
  return group(
    'MessageHeader',
    organ('From', d.from),
    ...d.recipients.map((r) => organ('To', r)),
    element(
      'DocumentId',
      documentIdOf({ organId: d.from.organId, number: d.number, notation: d.notation, promulgatedOn: d.promulgatedOn }),
    ),
    group('Code', element('CodeNumber', d.number), element('CodeNotation', d.notation)),
    group('PromulgationInfo', element('Place', d.place), element('PromulgationDate', edxmlDay(d.promulgatedOn))),
    group('DocumentType', element('Type', d.type.code), element('TypeName', d.type.name)),
    element('Subject', d.subject),
    element('Content', d.content ?? d.subject),
    group(
      'SignerInfo',
      element('Competence', d.signer.competence),
      element('Position', d.signer.position),
      element('FullName', d.signer.fullName),
    ),
    d.dueOn ? element('DueDate', edxmlDay(d.dueOn)) : '',
    d.toPlaces?.length ? group('ToPlaces', ...d.toPlaces.map((p) => element('Place', p))) : '',
    group('OtherInfo', element('Priority', priorityCode[d.urgency])),
    d.responseFor ? reference('ResponseFor', d.responseFor) : '',
    element('SteeringType', '0'),
  )
}

function traceHeaderList(d: OutgoingDocumentForExchange, e: PackageEnvelope): string {
  return group(
    'TraceHeaderList',
    group('TraceHeader', element('OrganId', d.from.organId), element('Timestamp', edxmlTimestamp(e.sentAt))),
    group(
      'Bussiness',
      e.target ? element('DocumentId', documentIdOf(e.target)) : '',
      element('BussinessDocType', businessTypeCode[e.business]),
      element('BussinessDocReason', e.reason ?? defaultReason[e.business]),
      element('Paper', '0'),
    ),
  )
}

const contentId = (index: number) => `cid:${index + 1}`

/**
 * Gói tin edXML (QCVN 102:2016/BTTTT): the document's header, its trace header and its files, base64
 * in AttachmentEncoded and listed in the manifest. Unsigned: the agency's XML signature goes into
 * edXMLHeader afterwards (src/adapters/signing/xml-signer.ts). Files are sent as they are, not zipped
 * as some axis clients do (an assumption the receiving side must accept, rules.md).
 */
export function buildPackage(d: OutgoingDocumentForExchange, e: PackageEnvelope): string {
  if ((e.business === 'new') !== (e.target === undefined))
    throw new RangeError('a new document has no target; a revocation, update or replacement has one')
  const manifest = d.attachments.map((a, i) =>
    group(
      'Reference',
      element('ContentId', contentId(i)),
      element('ContentType', a.mediaType),
      element('Description', a.name),
      element('AttachmentName', a.name),
    ),
  )
  const encoded = d.attachments.map((a, i) =>
    group(
      'Attachment',
      element('ContentId', contentId(i)),
      element('AttachmentName', a.name),
      element('Description', a.name),
      element('ContentType', a.mediaType),
      element('ContentTransferEncoded', Buffer.from(a.bytes).toString('base64')),
    ),
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<edXML:edXML xmlns:edXML="${edxmlNamespace}">`,
    group(
      'edXMLEnvelope',
      group('edXMLHeader', messageHeader(d), traceHeaderList(d, e)),
      group('edXMLBody', `<edXML:edXMLManifest version="1.0">${manifest.join('')}</edXML:edXMLManifest>`),
    ),
    group('AttachmentEncoded', ...encoded),
    '</edXML:edXML>',
  ].join('')
}
