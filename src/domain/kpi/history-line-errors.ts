import type { TValidationError } from 'typebox/error'
import { Value } from 'typebox/value'
import type { LineProblem } from './history-line.ts'
import { HistoryLineRecord } from './history-line-record.ts'

/** The message for a record field that fails its schema (Value.Errors), in the order a reader checks a line. */
export const fieldProblems = {
  code: missing('code'),
  procedure: missing('procedure'),
  agency: missing('agency'),
  channel: {
    vi: 'trường "channel" phải là online, counter hoặc post',
    en: 'field "channel" must be online, counter or post',
  },
  receivedAt: {
    vi: 'trường "receivedAt" phải là thời điểm ISO 8601 có múi giờ',
    en: 'field "receivedAt" must be an ISO 8601 instant with an offset',
  },
  appointmentAt: {
    vi: 'trường "appointmentAt" phải là thời điểm ISO 8601 có múi giờ hoặc null',
    en: 'field "appointmentAt" must be an ISO 8601 instant with an offset, or null',
  },
  events: { vi: 'trường "events" phải là một mảng', en: 'field "events" must be an array' },
  fee: { vi: 'trường "fee" phải là số nguyên đồng ≥ 0', en: 'field "fee" must be a whole number of VND ≥ 0' },
  reusedComponents: {
    vi: 'trường "reusedComponents" phải là số nguyên ≥ 0 hoặc true/false',
    en: 'field "reusedComponents" must be a whole number ≥ 0 or a boolean',
  },
  rating: {
    vi: 'trường "rating" phải là very_satisfied, satisfied, not_satisfied hoặc null',
    en: 'field "rating" must be very_satisfied, satisfied, not_satisfied or null',
  },
  ...Object.fromEntries(
    ['paidOnline', 'eResult', 'digitized', 'vneid', 'citizen', 'complaint'].map((name) => [
      name,
      { vi: `trường "${name}" phải là true/false`, en: `field "${name}" must be true or false` },
    ]),
  ),
} satisfies Record<string, LineProblem>
const problemFor = (field: string): LineProblem =>
  (fieldProblems as Record<string, LineProblem>)[field] ?? missing(field)
function missing(name: string): LineProblem {
  return { vi: `thiếu trường "${name}"`, en: `missing field "${name}"` }
}
const fieldOrder = Object.keys(fieldProblems)

/** Where an error sits: the field in check order, then the event and its part (type before at). */
function rankOf(error: TValidationError): [number, number, number] {
  const [field = '', event, part] = error.instancePath.split('/').slice(1)
  const name = error.keyword === 'required' ? firstMissing(error) : field
  return [fieldOrder.indexOf(name), Number(event ?? -1), part === 'at' ? 1 : 0]
}
const firstMissing = (error: TValidationError) =>
  fieldOrder.find((f) => (error.params as { requiredProperties?: string[] }).requiredProperties?.includes(f)) ?? ''

function problemOf(error: TValidationError, record: unknown): LineProblem {
  const [field, event, part] = error.instancePath.split('/').slice(1)
  if (field === undefined)
    return error.keyword === 'required'
      ? problemFor(firstMissing(error))
      : { vi: 'dòng phải là một đối tượng JSON', en: 'a line must be a JSON object' }
  if (field !== 'events' || event === undefined) return problemFor(field)
  const n = Number(event) + 1
  if (part === 'at')
    return {
      vi: `sự kiện ${n}: thời điểm phải theo ISO 8601 có múi giờ`,
      en: `event ${n}: "at" must be an ISO 8601 instant with an offset`,
    }
  const type = ((record as { events: unknown[] }).events[Number(event)] as { type?: unknown } | null)?.type
  return {
    vi: `sự kiện ${n}: loại không hợp lệ ${JSON.stringify(type)}`,
    en: `event ${n}: unknown type ${JSON.stringify(type)}`,
  }
}

const before = (a: readonly number[], b: readonly number[]) => {
  for (const [i, x] of a.entries()) if (x !== b[i]) return x < (b[i] ?? 0)
  return false
}

/** The first problem the schema finds, in the order a reader checks a line: fields, then events in turn. */
export function schemaProblem(record: unknown): LineProblem | null {
  let first: { error: TValidationError; rank: [number, number, number] } | null = null
  for (const error of Value.Errors(HistoryLineRecord, record)) {
    const rank = rankOf(error)
    if (first === null || before(rank, first.rank)) first = { error, rank }
  }
  return first === null ? null : problemOf(first.error, record)
}
