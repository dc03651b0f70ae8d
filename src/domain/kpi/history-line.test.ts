import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseInstant } from '../calendar/local-time.ts'
import { workingCalendar } from '../calendar/working-calendar.ts'
import { buildWorkingDays } from '../calendar/working-days.ts'
import { Channel, DossierStatus } from '../dossier/status.ts'
import { factsTimeliness } from './facts.ts'
import { type HistoryCatalogue, historyFacts, parseHistoryLine } from './history-line.ts'

const calendar = workingCalendar(buildWorkingDays([], undefined, { from: 2025, to: 2027 }))
const catalogue: HistoryCatalogue = {
  procedure: (code) =>
    code === '1.001193'
      ? {
          code: '1.001193',
          fieldId: 'ho-tich',
          resultIsDocument: true,
          timeLimit: { unit: 'working_days', value: 3 },
          cutoffMinute: null,
        }
      : null,
  agency: (code) => (code === '333.00.00.H34' ? 'xa-22333' : null),
  calendar: () => calendar,
}

const at = (text: string) => parseInstant(text) as number

function line(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    code: '333.00.00.H34-260907-0001',
    procedure: '1.001193',
    agency: '333.00.00.H34',
    channel: 'online',
    receivedAt: '2026-09-07T08:00:00+07:00',
    appointmentAt: '2026-09-08T08:00:00+07:00',
    events: [],
    fee: 0,
    ...overrides,
  })
}

function factsOf(text: string) {
  const parsed = parseHistoryLine(text)
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem.en)
  const facts = historyFacts(parsed.value, catalogue)
  assert.ok(facts.ok, facts.ok ? '' : facts.problem.en)
  return facts.value
}

function problemOf(text: string): string {
  const parsed = parseHistoryLine(text)
  if (!parsed.ok) return parsed.problem.en
  const facts = historyFacts(parsed.value, catalogue)
  assert.equal(facts.ok, false, 'expected the line to be refused')
  return facts.ok ? '' : facts.problem.en
}

test('a finished supplement pause shifts the deadline by its office minutes and is not working time', () => {
  const f = factsOf(
    line({
      events: [
        { type: 'supplement_requested', at: '2026-09-07T09:00:00+07:00' },
        { type: 'supplement_received', at: '2026-09-07T11:00:00+07:00' },
        { type: 'done', at: '2026-09-07T15:00:00+07:00' },
      ],
    }),
  )
  assert.equal(f.deadlineAt, at('2026-09-08T10:00:00+07:00'))
  assert.equal(f.supplementRequests, 1)
  // 08:00–15:00 is 5 h of office time (lunch 11:30–13:30), minus the 2 h pause.
  assert.equal(f.workingMinutes, 180)
  assert.deepEqual(f.end, { kind: 'done', at: at('2026-09-07T15:00:00+07:00') })
  assert.equal(f.status, DossierStatus.Done)
})

test('an imported dossier is deterministic, origin import, with the channel and catalogue terms mapped', () => {
  const f = factsOf(line({ channel: 'post' }))
  assert.equal(f.dossierId, 'import:333.00.00.H34-260907-0001')
  assert.equal(f.origin, 'import')
  assert.equal(f.channel, Channel.Post)
  assert.equal(f.agencyId, 'xa-22333')
  assert.equal(f.fieldId, 'ho-tich')
  assert.equal(f.resultIsDocument, true)
  assert.equal(f.citizen, true)
  assert.equal(f.status, DossierStatus.Processing)
  assert.equal(f.end, null)
})

test('a pending supplement request stops the clock and sets the status to waiting', () => {
  const f = factsOf(line({ events: [{ type: 'supplement_requested', at: '2026-09-07T09:00:00+07:00' }] }))
  assert.equal(f.status, DossierStatus.SupplementRequested)
  assert.equal(f.pendingSupplementSince, at('2026-09-07T09:00:00+07:00'))
})

test('a second supplement request is recorded with its instant', () => {
  const f = factsOf(
    line({
      events: [
        { type: 'supplement_requested', at: '2026-09-07T09:00:00+07:00' },
        { type: 'supplement_received', at: '2026-09-07T10:00:00+07:00' },
        { type: 'supplement_requested', at: '2026-09-07T14:00:00+07:00' },
      ],
    }),
  )
  assert.equal(f.supplementRequests, 2)
  assert.equal(f.secondSupplementAt, at('2026-09-07T14:00:00+07:00'))
})

test('done wins over returned as the end, and the status follows the last event', () => {
  const f = factsOf(
    line({
      events: [
        { type: 'done', at: '2026-09-07T10:00:00+07:00' },
        { type: 'returned', at: '2026-09-08T09:00:00+07:00' },
      ],
    }),
  )
  assert.deepEqual(f.end, { kind: 'done', at: at('2026-09-07T10:00:00+07:00') })
  assert.equal(f.status, DossierStatus.Returned)
})

test('a rejection ends the dossier as stopped', () => {
  const f = factsOf(line({ events: [{ type: 'rejected', at: '2026-09-07T10:00:00+07:00' }] }))
  assert.equal(f.end?.kind, 'stopped')
  assert.equal(f.status, DossierStatus.Stopped)
})

test('an unpaid payment request leaves the dossier waiting for payment', () => {
  const f = factsOf(line({ events: [{ type: 'payment_required', at: '2026-09-07T09:00:00+07:00' }] }))
  assert.equal(f.status, DossierStatus.PaymentRequired)
})

test('a line that is not JSON is refused', () => {
  assert.equal(problemOf('{"code":'), 'invalid JSON')
})

test('an instant without an offset is refused', () => {
  assert.match(problemOf(line({ receivedAt: '2026-09-07T08:00:00' })), /receivedAt.*offset/)
})

test('an appointment before the reception is refused', () => {
  assert.equal(problemOf(line({ appointmentAt: '2026-09-06T08:00:00+07:00' })), 'appointmentAt is before receivedAt')
})

test('events out of order are refused', () => {
  const events = [
    { type: 'supplement_requested', at: '2026-09-07T11:00:00+07:00' },
    { type: 'supplement_received', at: '2026-09-07T10:00:00+07:00' },
  ]
  assert.match(problemOf(line({ events })), /event 2 .* out of order/)
})

test('an event before the reception is refused', () => {
  assert.match(problemOf(line({ events: [{ type: 'done', at: '2026-09-06T10:00:00+07:00' }] })), /before receivedAt/)
})

test('an unknown event type is refused', () => {
  assert.match(problemOf(line({ events: [{ type: 'approved', at: '2026-09-07T10:00:00+07:00' }] })), /unknown type/)
})

test('an unknown procedure or agency is refused', () => {
  assert.equal(problemOf(line({ procedure: '9.999999' })), 'unknown procedure 9.999999')
  assert.equal(problemOf(line({ agency: '999.00.00.H34' })), 'unknown agency 999.00.00.H34')
})

test('a missing or malformed field is refused', () => {
  assert.equal(problemOf(line({ code: undefined })), 'missing field "code"')
  assert.match(problemOf(line({ channel: 'fax' })), /channel/)
  assert.match(problemOf(line({ fee: -1 })), /fee/)
  assert.match(problemOf(line({ rating: 'great' })), /rating/)
  assert.match(problemOf(line({ code: 'ABC' })), /UNITCODE-YYMMDD-XXXX/)
})

test('a line that is a JSON array is refused as not an object', () => {
  assert.equal(problemOf('[1, 2]'), 'a line must be a JSON object')
})

test('a flag that is not true/false is refused by its name, and null takes the default', () => {
  assert.equal(problemOf(line({ vneid: 'yes' })), 'field "vneid" must be true or false')
  assert.equal(factsOf(line({ citizen: null })).citizen, true)
})

test('of several schema problems the first field in reading order is reported, with its Vietnamese text', () => {
  const parsed = parseHistoryLine(line({ fee: 'free', channel: 'fax', procedure: undefined }))
  assert.deepEqual(parsed.ok ? null : parsed.problem, {
    vi: 'thiếu trường "procedure"',
    en: 'missing field "procedure"',
  })
  const events = [
    { type: 'done', at: '2026-09-07T10:00:00' },
    { type: 'approved', at: '2026-09-07T11:00:00+07:00' },
  ]
  assert.equal(problemOf(line({ events })), 'event 1: "at" must be an ISO 8601 instant with an offset')
})

test('without an appointment the statutory limit from reception, less the pauses, judges the dossier (rules.md §6)', () => {
  // Received Mon 7 Sep 08:00; 3 working days = 24 office hours → due Thu 10 Sep 08:00.
  const noAppointment = (events: unknown[]) => factsOf(line({ appointmentAt: null, events }))
  const late = noAppointment([{ type: 'done', at: '2026-09-10T09:00:00+07:00' }])
  assert.equal(late.deadlineAt, at('2026-09-10T08:00:00+07:00'))
  assert.equal(factsTimeliness(late), 'late')
  // A supplement paused the clock for 8 office hours (Mon 09:00 → Tue 09:00): due Fri 11 Sep 08:00.
  const paused = noAppointment([
    { type: 'supplement_requested', at: '2026-09-07T09:00:00+07:00' },
    { type: 'supplement_received', at: '2026-09-08T09:00:00+07:00' },
    { type: 'done', at: '2026-09-10T09:00:00+07:00' },
  ])
  assert.equal(paused.deadlineAt, at('2026-09-11T08:00:00+07:00'))
  assert.equal(factsTimeliness(paused), 'early')
})
