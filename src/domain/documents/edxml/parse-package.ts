import { createHash } from 'node:crypto'
import { isAgencyCode } from './agency-code.ts'
import { type BusinessType, businessTypeOfCode } from './business-type.ts'
import type { DocumentReference, OutgoingDocumentForExchange } from './exchange-document.ts'
import type { PackageProblem } from './package-problem.ts'
import { urgencyOfPriority } from './priority.ts'
import { optionalText, Reader, readXml, type XmlNode } from './xml-reader.ts'
import { instantOfTimestamp } from './xml-text.ts'

/** A received edXML package: the document as the sender described it, and what the package does to it. */
export type ParsedPackage = OutgoingDocumentForExchange & {
  /** MessageHeader/DocumentId: names the document across every package about it. */
  readonly documentId: string
  readonly business: BusinessType
  /** The document this package revokes, updates or replaces (Bussiness/DocumentId). */
  readonly targetDocumentId: string | null
  readonly reason: string
  readonly sentAt: Date
  /** Whether the package carries an XML signature (verifying it is the signing adapter's job). */
  readonly signed: boolean
}

export type ParseOutcome = { ok: true; package: ParsedPackage } | { ok: false; problems: readonly PackageProblem[] }

const dayOf = (text: string): string | null => (/^\d{4}\/\d{2}\/\d{2}$/.test(text) ? text.replaceAll('/', '-') : null)

const header = '/edXML/edXMLEnvelope/edXMLHeader'
const mh = `${header}/MessageHeader`

function organ(r: Reader, node: XmlNode | undefined, path: string) {
  const organId = r.text(node, 'OrganId', path)
  r.check(organId === '' || isAgencyCode(organId), `${path}/OrganId`, {
    vi: 'không đúng cấu trúc mã định danh QCVN 102',
    en: 'not a QCVN 102 agency code',
  })
  const name = r.text(node, 'OrganName', path)
  const inCharge = optionalText(node, 'OrganizationInCharge')
  return { organId, name, ...(inCharge && inCharge !== name ? { organizationInCharge: inCharge } : {}) }
}

function day(r: Reader, node: unknown, name: string, path: string): string {
  const text = r.text(node, name, path)
  const parsed = dayOf(text)
  r.check(text === '' || parsed !== null, `${path}/${name}`, {
    vi: 'ngày phải theo dạng YYYY/MM/DD',
    en: 'a day must read YYYY/MM/DD',
  })
  return parsed ?? ''
}

function responseFor(r: Reader, node: XmlNode | undefined): DocumentReference | undefined {
  const ref = node?.ResponseFor
  if (ref === undefined) return undefined
  const path = `${mh}/ResponseFor`
  const code = r.text(ref, 'Code', path)
  const slash = code.indexOf('/')
  r.check(code === '' || slash > 0, `${path}/Code`, { vi: 'phải có dạng số/ký hiệu', en: 'must read number/notation' })
  return {
    organId: r.text(ref, 'OrganId', path),
    number: code.slice(0, slash),
    notation: code.slice(slash + 1),
    promulgatedOn: day(r, ref, 'PromulgationDate', path),
  }
}

function attachments(r: Reader, root: XmlNode | undefined) {
  const encoded = r.list(r.node(root, 'AttachmentEncoded', '/edXML'), 'Attachment')
  r.check(encoded.length > 0, '/edXML/AttachmentEncoded', {
    vi: 'văn bản phải có ít nhất một tệp đính kèm',
    en: 'a document needs at least one attachment',
  })
  return encoded.map((a, i) => {
    const path = `/edXML/AttachmentEncoded/Attachment[${i + 1}]`
    const text = optionalText(a, 'ContentTransferEncoded')
    if (text === undefined) r.text(a, 'ContentTransferEncoded', path)
    const base64 = (text ?? '').replace(/\s+/g, '')
    r.check(/^[A-Za-z0-9+/]*={0,2}$/.test(base64) && base64.length % 4 === 0, `${path}/ContentTransferEncoded`, {
      vi: 'không phải base64',
      en: 'not base64',
    })
    const bytes = new Uint8Array(Buffer.from(base64, 'base64'))
    return {
      name: r.text(a, 'AttachmentName', path),
      mediaType: r.text(a, 'ContentType', path),
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    }
  })
}

/**
 * Reads a received edXML package (QCVN 102:2016) back into the fields motcua keeps; a package that
 * lacks a required part, or holds one malformed, gives every problem found (vi/en), never a partial document.
 */
export function parsePackage(xml: string): ParseOutcome {
  const read = readXml(xml)
  if (!read.ok) return { ok: false, problems: [read.problem] }
  const r = new Reader()
  const root = r.node(read.root, 'edXML', '')
  const head = r.node(r.node(root, 'edXMLEnvelope', '/edXML'), 'edXMLHeader', '/edXML/edXMLEnvelope')
  const m = r.node(head, 'MessageHeader', header)
  const trace = r.node(head, 'TraceHeaderList', header)
  const business = r.node(trace, 'Bussiness', `${header}/TraceHeaderList`)
  const code = r.node(m, 'Code', mh)
  const promulgation = r.node(m, 'PromulgationInfo', mh)
  const type = r.node(m, 'DocumentType', mh)
  const signer = r.node(m, 'SignerInfo', mh)
  const recipients = r.list(m, 'To').map((t, i) => organ(r, t, `${mh}/To[${i + 1}]`))
  r.check(recipients.length > 0, `${mh}/To`, {
    vi: 'phải có ít nhất một nơi nhận',
    en: 'at least one recipient is required',
  })
  const priority = optionalText(r.node(m, 'OtherInfo', mh), 'Priority') ?? '0'
  const urgency = urgencyOfPriority(priority)
  r.check(urgency !== undefined, `${mh}/OtherInfo/Priority`, {
    vi: 'mã độ khẩn không xác định',
    en: 'unknown priority code',
  })
  const businessCode = r.text(business, 'BussinessDocType', `${header}/TraceHeaderList/Bussiness`)
  const businessType = businessTypeOfCode(businessCode)
  r.check(businessCode === '' || businessType !== undefined, `${header}/TraceHeaderList/Bussiness/BussinessDocType`, {
    vi: 'nghiệp vụ không xác định',
    en: 'unknown business type',
  })
  const targetDocumentId = optionalText(business, 'DocumentId') || null
  r.check(
    (businessType === 'new') === (targetDocumentId === null) || businessType === undefined,
    `${header}/TraceHeaderList/Bussiness/DocumentId`,
    {
      vi: 'chỉ văn bản thu hồi, cập nhật, thay thế mới chỉ tới văn bản trước',
      en: 'only a revocation, update or replacement names an earlier document',
    },
  )
  const traceHeaders = r.list(trace, 'TraceHeader')
  const stamp = optionalText(traceHeaders[traceHeaders.length - 1], 'Timestamp') ?? ''
  const sentAt = instantOfTimestamp(stamp)
  r.check(sentAt !== null, `${header}/TraceHeaderList/TraceHeader/Timestamp`, {
    vi: 'thời điểm phải theo dạng YYYY/MM/DD HH:mm:ss',
    en: 'a timestamp must read YYYY/MM/DD HH:mm:ss',
  })
  const dueDate = optionalText(m, 'DueDate')
  const places = (m?.ToPlaces as XmlNode | undefined)?.Place
  const fields = {
    documentId: r.text(m, 'DocumentId', mh),
    from: organ(r, r.node(m, 'From', mh), `${mh}/From`),
    recipients,
    number: r.text(code, 'CodeNumber', `${mh}/Code`),
    notation: r.text(code, 'CodeNotation', `${mh}/Code`),
    place: r.text(promulgation, 'Place', `${mh}/PromulgationInfo`),
    promulgatedOn: day(r, promulgation, 'PromulgationDate', `${mh}/PromulgationInfo`),
    type: { code: r.text(type, 'Type', `${mh}/DocumentType`), name: r.text(type, 'TypeName', `${mh}/DocumentType`) },
    subject: r.text(m, 'Subject', mh),
    content: optionalText(m, 'Content') ?? '',
    signer: {
      fullName: r.text(signer, 'FullName', `${mh}/SignerInfo`),
      position: r.text(signer, 'Position', `${mh}/SignerInfo`),
      ...(optionalText(signer, 'Competence') ? { competence: optionalText(signer, 'Competence') } : {}),
    },
    ...(dueDate !== undefined ? { dueOn: day(r, m, 'DueDate', mh) } : {}),
    ...(Array.isArray(places) && places.length ? { toPlaces: places.map(String) } : {}),
    ...(m?.ResponseFor !== undefined ? { responseFor: responseFor(r, m) } : {}),
    urgency: urgency ?? 'normal',
    attachments: attachments(r, root),
    business: businessType ?? 'new',
    targetDocumentId,
    reason: optionalText(business, 'BussinessDocReason') ?? '',
    sentAt: sentAt ?? new Date(0),
    signed: head?.Signature !== undefined,
  } satisfies ParsedPackage
  return r.problems.length > 0 ? { ok: false, problems: r.problems } : { ok: true, package: fields }
}
