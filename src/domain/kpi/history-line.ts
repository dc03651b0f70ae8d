import { type EpochMs, parseInstant } from '../calendar/local-time.ts'
import {
  addOfficeMinutes,
  addWorkingTime,
  type WorkingCalendar,
  workingTimeBetween,
} from '../calendar/working-calendar.ts'
import type { TimeLimit } from '../catalog/time-limit.ts'
import { parseDossierCode } from '../dossier/dossier-code.ts'
import { Channel, DossierStatus, Satisfaction } from '../dossier/status.ts'
import type { DossierEnd, DossierFacts } from './facts.ts'

/** Sự kiện của hồ sơ lịch sử: what a predecessor system exports about a dossier's course. */
export const HistoryEventType = {
  SupplementRequested: 'supplement_requested',
  SupplementReceived: 'supplement_received',
  PaymentRequired: 'payment_required',
  Paid: 'paid',
  Done: 'done',
  Returned: 'returned',
  Withdrawn: 'withdrawn',
  Stopped: 'stopped',
  Rejected: 'rejected',
} as const
export type HistoryEventType = (typeof HistoryEventType)[keyof typeof HistoryEventType]
const eventTypes = new Set<string>(Object.values(HistoryEventType))

export type HistoryEvent = { readonly type: HistoryEventType; readonly at: EpochMs }

/** One line of a history file (`motcua import dossiers`), checked but not yet matched to the catalogue. */
export type HistoryLine = {
  readonly code: string
  /** National procedure code (mã TTHC trên Cổng DVC quốc gia). */
  readonly procedure: string
  /** QCVN 102 code of the processing agency. */
  readonly agency: string
  readonly channel: Channel
  readonly receivedAt: EpochMs
  /** Ngày hẹn trả ban đầu; null when the procedure has no fixed limit. */
  readonly appointmentAt: EpochMs | null
  readonly events: readonly HistoryEvent[]
  readonly paidOnline: boolean
  readonly feeVnd: number
  readonly eResult: boolean
  readonly digitized: boolean
  readonly reused: boolean
  readonly vneid: boolean
  readonly citizen: boolean
  readonly rating: Satisfaction | null
  readonly complaint: boolean
}

/** Why a line is refused, in both languages the CLI prints. */
export type LineProblem = { readonly vi: string; readonly en: string }

export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: LineProblem }

const refuse = (vi: string, en: string): { ok: false; problem: LineProblem } => ({ ok: false, problem: { vi, en } })

const channels: Record<string, Channel> = { online: Channel.Online, counter: Channel.InPerson, post: Channel.Post }
const ratings = new Set<string>(Object.values(Satisfaction))
const withOffset = /(Z|[+-]\d{2}:?\d{2})$/

function instant(value: unknown): EpochMs | null {
  if (typeof value !== 'string' || !withOffset.test(value.trim())) return null
  return parseInstant(value)
}

type Fields = Record<string, unknown>

function flag(o: Fields, name: string, fallback: boolean): boolean | LineProblem {
  const v = o[name]
  if (v === undefined || v === null) return fallback
  if (typeof v === 'boolean') return v
  return { vi: `trường "${name}" phải là true/false`, en: `field "${name}" must be true or false` }
}

const isProblem = (v: unknown): v is LineProblem => typeof v === 'object' && v !== null && 'en' in v

function checkEvents(raw: unknown, receivedAt: EpochMs): Checked<HistoryEvent[]> {
  if (!Array.isArray(raw)) return refuse('trường "events" phải là một mảng', 'field "events" must be an array')
  const events: HistoryEvent[] = []
  for (const [i, e] of raw.entries()) {
    const type = (e as Fields | null)?.type
    if (typeof type !== 'string' || !eventTypes.has(type))
      return refuse(
        `sự kiện ${i + 1}: loại không hợp lệ ${JSON.stringify(type)}`,
        `event ${i + 1}: unknown type ${JSON.stringify(type)}`,
      )
    const at = instant((e as Fields).at)
    if (at === null)
      return refuse(
        `sự kiện ${i + 1}: thời điểm phải theo ISO 8601 có múi giờ`,
        `event ${i + 1}: "at" must be an ISO 8601 instant with an offset`,
      )
    if (at < receivedAt)
      return refuse(
        `sự kiện ${i + 1} (${type}) trước thời điểm tiếp nhận`,
        `event ${i + 1} (${type}) is before receivedAt`,
      )
    const previous = events[events.length - 1]
    if (previous && at < previous.at)
      return refuse(
        `sự kiện ${i + 1} (${type}) không theo thứ tự thời gian`,
        `event ${i + 1} (${type}) is out of order`,
      )
    events.push({ type: type as HistoryEventType, at })
  }
  return { ok: true, value: events }
}

/** Đọc một dòng: parses and checks one JSONL line on its own (the catalogue is matched later). */
export function parseHistoryLine(text: string): Checked<HistoryLine> {
  let o: Fields
  try {
    o = JSON.parse(text)
  } catch {
    return refuse('không phải JSON hợp lệ', 'invalid JSON')
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o))
    return refuse('dòng phải là một đối tượng JSON', 'a line must be a JSON object')
  for (const name of ['code', 'procedure', 'agency'])
    if (typeof o[name] !== 'string' || (o[name] as string).trim() === '')
      return refuse(`thiếu trường "${name}"`, `missing field "${name}"`)
  const code = (o.code as string).trim()
  if (parseDossierCode(code) === null)
    return refuse(
      `mã hồ sơ ${code} không đúng dạng MÃĐƠNVỊ-YYMMDD-XXXX`,
      `dossier code ${code} is not UNITCODE-YYMMDD-XXXX`,
    )
  const channel = typeof o.channel === 'string' ? channels[o.channel] : undefined
  if (channel === undefined)
    return refuse(
      'trường "channel" phải là online, counter hoặc post',
      'field "channel" must be online, counter or post',
    )
  const receivedAt = instant(o.receivedAt)
  if (receivedAt === null)
    return refuse(
      'trường "receivedAt" phải là thời điểm ISO 8601 có múi giờ',
      'field "receivedAt" must be an ISO 8601 instant with an offset',
    )
  if (!('appointmentAt' in o)) return refuse('thiếu trường "appointmentAt"', 'missing field "appointmentAt"')
  const appointmentAt = o.appointmentAt === null ? null : instant(o.appointmentAt)
  if (o.appointmentAt !== null && appointmentAt === null)
    return refuse(
      'trường "appointmentAt" phải là thời điểm ISO 8601 có múi giờ hoặc null',
      'field "appointmentAt" must be an ISO 8601 instant with an offset, or null',
    )
  if (appointmentAt !== null && appointmentAt < receivedAt)
    return refuse('ngày hẹn trả trước thời điểm tiếp nhận', 'appointmentAt is before receivedAt')
  const events = checkEvents(o.events, receivedAt)
  if (!events.ok) return events
  const fee = o.fee ?? 0
  if (typeof fee !== 'number' || !Number.isInteger(fee) || fee < 0)
    return refuse('trường "fee" phải là số nguyên đồng ≥ 0', 'field "fee" must be a whole number of VND ≥ 0')
  const reusedComponents = o.reusedComponents ?? 0
  if (
    typeof reusedComponents !== 'boolean' &&
    !(Number.isInteger(reusedComponents) && (reusedComponents as number) >= 0)
  )
    return refuse(
      'trường "reusedComponents" phải là số nguyên ≥ 0 hoặc true/false',
      'field "reusedComponents" must be a whole number ≥ 0 or a boolean',
    )
  const rating = o.rating ?? null
  if (rating !== null && (typeof rating !== 'string' || !ratings.has(rating)))
    return refuse(
      'trường "rating" phải là very_satisfied, satisfied, not_satisfied hoặc null',
      'field "rating" must be very_satisfied, satisfied, not_satisfied or null',
    )
  const flags = {
    paidOnline: flag(o, 'paidOnline', false),
    eResult: flag(o, 'eResult', false),
    digitized: flag(o, 'digitized', false),
    vneid: flag(o, 'vneid', false),
    citizen: flag(o, 'citizen', true),
    complaint: flag(o, 'complaint', false),
  }
  for (const v of Object.values(flags)) if (isProblem(v)) return { ok: false, problem: v }
  const f = flags as Record<keyof typeof flags, boolean>
  return {
    ok: true,
    value: {
      code,
      procedure: (o.procedure as string).trim(),
      agency: (o.agency as string).trim(),
      channel,
      receivedAt,
      appointmentAt,
      events: events.value,
      paidOnline: f.paidOnline,
      feeVnd: fee,
      eResult: f.eResult,
      digitized: f.digitized,
      reused: reusedComponents === true || (typeof reusedComponents === 'number' && reusedComponents > 0),
      vneid: f.vneid,
      citizen: f.citizen,
      rating: rating as Satisfaction | null,
      complaint: f.complaint,
    },
  }
}

/** What the catalogue says about the procedure version in force at reception. */
export type HistoryProcedure = {
  readonly code: string
  readonly fieldId: string
  readonly resultIsDocument: boolean
  /** Judges a dossier imported without an appointment (rules.md §6: end − start − pauses ≤ the limit). */
  readonly timeLimit: TimeLimit
}

/** Lookups into the catalogue; null when nothing matches. */
export type HistoryCatalogue = {
  procedure(code: string, at: EpochMs): HistoryProcedure | null
  agency(code: string): string | null
  calendar(agencyId: string): WorkingCalendar
}

type Course = {
  readonly end: DossierEnd | null
  readonly status: DossierStatus
  readonly requests: readonly EpochMs[]
  readonly pausedMinutes: number
  readonly pendingSince: EpochMs | null
}

const terminal = new Set<HistoryEventType>(['done', 'returned', 'withdrawn', 'stopped', 'rejected'])

function firstOf(events: readonly HistoryEvent[], ...types: HistoryEventType[]) {
  return events.find((e) => types.includes(e.type))
}

/** The course of the dossier from its events: pauses, end and status (rules.md §6). */
function courseOf(events: readonly HistoryEvent[], cal: WorkingCalendar): Checked<Course> {
  const requests: EpochMs[] = []
  let open: EpochMs | null = null
  let pausedMinutes = 0
  let ended: HistoryEventType | null = null
  for (const [i, e] of events.entries()) {
    if (ended !== null && !(ended === 'done' && e.type === 'returned'))
      return refuse(
        `sự kiện ${i + 1} (${e.type}) sau khi hồ sơ đã kết thúc`,
        `event ${i + 1} (${e.type}) after the dossier ended`,
      )
    if (e.type === 'supplement_requested') {
      if (open !== null)
        return refuse(
          `sự kiện ${i + 1}: yêu cầu bổ sung khi đang chờ bổ sung`,
          `event ${i + 1}: supplement requested while one is pending`,
        )
      open = e.at
      requests.push(e.at)
    } else if (e.type === 'supplement_received') {
      if (open === null)
        return refuse(
          `sự kiện ${i + 1}: nhận bổ sung khi không có yêu cầu`,
          `event ${i + 1}: supplement received without a request`,
        )
      pausedMinutes += Math.max(0, workingTimeBetween(cal, open, e.at))
      open = null
    } else if (terminal.has(e.type)) ended = e.type
  }
  const done = firstOf(events, 'done') ?? firstOf(events, 'returned')
  const stopped = firstOf(events, 'stopped', 'rejected')
  const withdrawn = firstOf(events, 'withdrawn')
  const end: DossierEnd | null = done
    ? { kind: 'done', at: done.at }
    : stopped
      ? { kind: 'stopped', at: stopped.at }
      : withdrawn
        ? { kind: 'withdrawn', at: withdrawn.at }
        : null
  const status = statusAfter(events[events.length - 1]?.type)
  const pendingSince = status === DossierStatus.SupplementRequested ? open : null
  return { ok: true, value: { end, status, requests, pausedMinutes, pendingSince } }
}

function statusAfter(last: HistoryEventType | undefined): DossierStatus {
  switch (last) {
    case 'done':
      return DossierStatus.Done
    case 'returned':
      return DossierStatus.Returned
    case 'withdrawn':
      return DossierStatus.Withdrawn
    case 'stopped':
    case 'rejected':
      return DossierStatus.Stopped
    case 'supplement_requested':
      return DossierStatus.SupplementRequested
    case 'payment_required':
      return DossierStatus.PaymentRequired
    default:
      return DossierStatus.Processing
  }
}

/** The deterministic facts id of an imported dossier, so a re-import finds and compares it. */
export const importedDossierId = (code: string) => `import:${code}`

/**
 * Hồ sơ lịch sử → dữ liệu chỉ số: the indicator facts of an imported dossier. The deadline is the
 * appointment shifted by the finished supplement pauses, measured on the processing agency's calendar.
 */
/** The appointment, or without one the statutory limit from reception; shifted by the finished pauses. */
function deadlineOf(line: HistoryLine, procedure: HistoryProcedure, cal: WorkingCalendar, pausedMinutes: number) {
  const due = line.appointmentAt ?? addWorkingTime(cal, line.receivedAt, procedure.timeLimit)
  return due === null ? null : addOfficeMinutes(cal, due, pausedMinutes)
}

export function historyFacts(line: HistoryLine, catalogue: HistoryCatalogue): Checked<DossierFacts> {
  const procedure = catalogue.procedure(line.procedure, line.receivedAt)
  if (procedure === null) return refuse(`không có thủ tục mã ${line.procedure}`, `unknown procedure ${line.procedure}`)
  const agencyId = catalogue.agency(line.agency)
  if (agencyId === null) return refuse(`không có cơ quan mã ${line.agency}`, `unknown agency ${line.agency}`)
  const cal = catalogue.calendar(agencyId)
  const course = courseOf(line.events, cal)
  if (!course.ok) return course
  const { end, status, requests, pausedMinutes, pendingSince } = course.value
  return {
    ok: true,
    value: {
      dossierId: importedDossierId(line.code),
      code: line.code,
      origin: 'import',
      status,
      agencyId,
      fieldId: procedure.fieldId,
      procedureCode: procedure.code,
      channel: line.channel,
      receivedAt: line.receivedAt,
      deadlineAt: deadlineOf(line, procedure, cal, pausedMinutes),
      supplementRequests: requests.length,
      secondSupplementAt: requests[1] ?? null,
      pendingSupplementSince: pendingSince,
      end,
      workingMinutes:
        end === null ? null : Math.max(0, workingTimeBetween(cal, line.receivedAt, end.at) - pausedMinutes),
      feeVnd: line.feeVnd,
      paidOnline: line.paidOnline,
      resultIsDocument: procedure.resultIsDocument,
      eResult: line.eResult,
      digitized: line.digitized,
      reused: line.reused,
      citizen: line.citizen,
      vneid: line.vneid,
      rating: line.rating,
      complaint: line.complaint,
      apology: false,
      steps: [],
    },
  }
}

/** `dòng 12: … / line 12: …` */
export const describeProblem = (lineNumber: number, p: LineProblem) =>
  `dòng ${lineNumber}: ${p.vi} / line ${lineNumber}: ${p.en}`
