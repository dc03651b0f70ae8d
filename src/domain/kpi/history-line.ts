import { type EpochMs, parseInstant } from '../calendar/local-time.ts'
import {
  addOfficeMinutes,
  addWorkingTime,
  type WorkingCalendar,
  workingTimeBetween,
} from '../calendar/working-calendar.ts'
import type { TimeLimit } from '../catalog/time-limit.ts'
import { parseDossierCode } from '../dossier/dossier-code.ts'
import { Channel, DossierStatus, type Satisfaction } from '../dossier/status.ts'
import type { DossierEnd, DossierFacts } from './facts.ts'
import { fieldProblems, schemaProblem } from './history-line-errors.ts'
import type { HistoryEventType, HistoryLineRecord } from './history-line-record.ts'

export { HistoryEventType } from './history-line-record.ts'

export type HistoryEvent = { readonly type: HistoryEventType; readonly at: EpochMs }

/** One line of a history file (`motcua import dossiers`), checked but not yet matched to the catalogue. */
export type HistoryLine = {
  readonly code: string
  /** National procedure code (mã TTHC trên Cổng DVC quốc gia). */
  readonly procedure: string
  /** QCVN 102 code of the processing agency; a former unit's code stands for its successor (rules.md §7). */
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

const channels: Record<HistoryLineRecord['channel'], Channel> = {
  online: Channel.Online,
  counter: Channel.InPerson,
  post: Channel.Post,
}

/** The events in time order, none before the reception (what the schema cannot say). */
function checkEvents(raw: HistoryLineRecord['events'], receivedAt: EpochMs): Checked<HistoryEvent[]> {
  const events: HistoryEvent[] = []
  for (const [i, e] of raw.entries()) {
    const at = parseInstant(e.at)
    if (at === null)
      return refuse(
        `sự kiện ${i + 1}: thời điểm phải theo ISO 8601 có múi giờ`,
        `event ${i + 1}: "at" must be an ISO 8601 instant with an offset`,
      )
    if (at < receivedAt)
      return refuse(
        `sự kiện ${i + 1} (${e.type}) trước thời điểm tiếp nhận`,
        `event ${i + 1} (${e.type}) is before receivedAt`,
      )
    const previous = events[events.length - 1]
    if (previous && at < previous.at)
      return refuse(
        `sự kiện ${i + 1} (${e.type}) không theo thứ tự thời gian`,
        `event ${i + 1} (${e.type}) is out of order`,
      )
    events.push({ type: e.type, at })
  }
  return { ok: true, value: events }
}

/** Đọc một dòng: parses and checks one JSONL line on its own (the catalogue is matched later). */
export function parseHistoryLine(text: string): Checked<HistoryLine> {
  let record: unknown
  try {
    record = JSON.parse(text)
  } catch {
    return refuse('không phải JSON hợp lệ', 'invalid JSON')
  }
  const invalid = schemaProblem(record)
  if (invalid) return { ok: false, problem: invalid }
  const o = record as HistoryLineRecord
  const code = o.code.trim()
  if (parseDossierCode(code) === null)
    return refuse(
      `mã hồ sơ ${code} không đúng dạng MÃĐƠNVỊ-YYMMDD-XXXX`,
      `dossier code ${code} is not UNITCODE-YYMMDD-XXXX`,
    )
  const receivedAt = parseInstant(o.receivedAt)
  if (receivedAt === null) return { ok: false, problem: fieldProblems.receivedAt }
  const appointmentAt = o.appointmentAt === null ? null : parseInstant(o.appointmentAt)
  if (o.appointmentAt !== null && appointmentAt === null) return { ok: false, problem: fieldProblems.appointmentAt }
  if (appointmentAt !== null && appointmentAt < receivedAt)
    return refuse('ngày hẹn trả trước thời điểm tiếp nhận', 'appointmentAt is before receivedAt')
  const events = checkEvents(o.events, receivedAt)
  if (!events.ok) return events
  const reused = o.reusedComponents ?? 0
  return {
    ok: true,
    value: {
      code,
      procedure: o.procedure.trim(),
      agency: o.agency.trim(),
      channel: channels[o.channel],
      receivedAt,
      appointmentAt,
      events: events.value,
      paidOnline: o.paidOnline ?? false,
      feeVnd: o.fee ?? 0,
      eResult: o.eResult ?? false,
      digitized: o.digitized ?? false,
      reused: reused === true || (typeof reused === 'number' && reused > 0),
      vneid: o.vneid ?? false,
      citizen: o.citizen ?? true,
      rating: o.rating ?? null,
      complaint: o.complaint ?? false,
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
  /** The procedure's cut-off (rules.md §4): a reception after it counts from the next working day. */
  readonly cutoffMinute: number | null
}

/** Lookups into the catalogue; null when nothing matches. */
export type HistoryCatalogue = {
  procedure(code: string, at: EpochMs): HistoryProcedure | null
  /** The agency a QCVN 102 code names, or for a unit abolished or merged, the one its dossiers count at today. */
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
  const due =
    line.appointmentAt ??
    addWorkingTime(cal, line.receivedAt, procedure.timeLimit, { cutoffMinute: procedure.cutoffMinute })
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
      portalSynced: false,
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
