import { isAgencyCode } from './agency-code.ts'
import type { PackageProblem } from './package-problem.ts'
import { isStatusCode, type StatusCode, statusWording } from './status-code.ts'
import { optionalText, Reader, readXml } from './xml-reader.ts'
import { edxmlDay, edxmlNamespace, edxmlTimestamp, element, group, instantOfTimestamp } from './xml-text.ts'

/** Gói tin trạng thái (QCVN 102:2016): a receiving agency's report on a document it was sent. */
export type StatusMessage = {
  /** The document reported on: its sender's code, number/notation, day and DocumentId. */
  readonly responseFor: {
    readonly organId: string
    readonly code: string
    readonly promulgatedOn: string
    readonly documentId: string
  }
  readonly from: { readonly organId: string; readonly name: string }
  readonly statusCode: StatusCode
  readonly description: string
  readonly at: Date
  readonly staff?: { readonly department: string; readonly name: string }
}

const soap = 'http://schemas.xmlsoap.org/soap/envelope/'

/**
 * The status package as an axis client publishes it — a SOAP envelope whose header holds
 * edXML:Status (ResponseFor, From, StatusCode, Description, Timestamp, StaffInfo); rules.md names
 * the source. The description defaults to the code's Vietnamese wording.
 */
export function buildStatusMessage(s: StatusMessage): string {
  const status = group(
    'Status',
    group(
      'ResponseFor',
      element('OrganId', s.responseFor.organId),
      element('Code', s.responseFor.code),
      element('PromulgationDate', edxmlDay(s.responseFor.promulgatedOn)),
      element('DocumentId', s.responseFor.documentId),
    ),
    group('From', element('OrganId', s.from.organId), element('OrganName', s.from.name)),
    element('StatusCode', s.statusCode),
    element('Description', s.description || statusWording[s.statusCode].vi),
    element('Timestamp', edxmlTimestamp(s.at)),
    s.staff ? group('StaffInfo', element('Department', s.staff.department), element('Staff', s.staff.name)) : '',
  )
  return `<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="${soap}" xmlns:edXML="${edxmlNamespace}"><SOAP-ENV:Header>${status}</SOAP-ENV:Header><SOAP-ENV:Body/></SOAP-ENV:Envelope>`
}

export type StatusOutcome = { ok: true; status: StatusMessage } | { ok: false; problems: readonly PackageProblem[] }

/** Reads a status package back; every missing or malformed part is a problem (vi/en). */
export function parseStatusMessage(xml: string): StatusOutcome {
  const read = readXml(xml)
  if (!read.ok) return { ok: false, problems: [read.problem] }
  const r = new Reader()
  const path = '/Envelope/Header/Status'
  const status = r.node(r.node(r.node(read.root, 'Envelope', ''), 'Header', '/Envelope'), 'Status', '/Envelope/Header')
  const ref = r.node(status, 'ResponseFor', path)
  const from = r.node(status, 'From', path)
  const code = r.text(status, 'StatusCode', path)
  r.check(code === '' || isStatusCode(code), `${path}/StatusCode`, {
    vi: 'mã trạng thái không xác định',
    en: 'unknown status code',
  })
  const organId = r.text(from, 'OrganId', `${path}/From`)
  r.check(organId === '' || isAgencyCode(organId), `${path}/From/OrganId`, {
    vi: 'không đúng cấu trúc mã định danh QCVN 102',
    en: 'not a QCVN 102 agency code',
  })
  const day = r.text(ref, 'PromulgationDate', `${path}/ResponseFor`)
  r.check(day === '' || /^\d{4}\/\d{2}\/\d{2}$/.test(day), `${path}/ResponseFor/PromulgationDate`, {
    vi: 'ngày phải theo dạng YYYY/MM/DD',
    en: 'a day must read YYYY/MM/DD',
  })
  const at = instantOfTimestamp(r.text(status, 'Timestamp', path))
  r.check(at !== null, `${path}/Timestamp`, {
    vi: 'thời điểm phải theo dạng YYYY/MM/DD HH:mm:ss',
    en: 'a timestamp must read YYYY/MM/DD HH:mm:ss',
  })
  const staff = status?.StaffInfo as Record<string, unknown> | undefined
  const parsed: StatusMessage = {
    responseFor: {
      organId: r.text(ref, 'OrganId', `${path}/ResponseFor`),
      code: r.text(ref, 'Code', `${path}/ResponseFor`),
      promulgatedOn: day.replaceAll('/', '-'),
      documentId: r.text(ref, 'DocumentId', `${path}/ResponseFor`),
    },
    from: { organId, name: r.text(from, 'OrganName', `${path}/From`) },
    statusCode: code as StatusCode,
    description: optionalText(status, 'Description') ?? '',
    at: at ?? new Date(0),
    ...(staff
      ? { staff: { department: optionalText(staff, 'Department') ?? '', name: optionalText(staff, 'Staff') ?? '' } }
      : {}),
  }
  return r.problems.length > 0 ? { ok: false, problems: r.problems } : { ok: true, status: parsed }
}
