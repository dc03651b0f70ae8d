import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, at, context, fixtureCalendar, Story, terms } from '../../../test/support/dossier-fixtures.ts'
import { type ChangedDay, daysBeforeChange } from '../calendar/calendar-change.ts'
import { formatInstant } from '../calendar/local-time.ts'
import { workingCalendar } from '../calendar/working-calendar.ts'
import type { Command } from './commands.ts'
import type { ProcedureTerms } from './context.ts'
import { decide } from './decide.ts'
import { applyEvent, type Dossier } from './state.ts'

// Shared rules §4: the Government's holiday decisions are data, and "changing them recomputes open
// deadlines". The fixtures' calendar is the one before the change; `flip` gives the one after.

/** The fixtures' calendar with `days` flipped: what the province's calendar is after the change. */
function after(days: readonly ChangedDay[]) {
  const flipped = days.map((d) => ({ date: d.date, workingBefore: !d.workingBefore }))
  return workingCalendar(daysBeforeChange(fixtureCalendar.days, flipped))
}

function reschedule(d: Dossier, now: string, changed: readonly ChangedDay[], t: ProcedureTerms = terms()) {
  const command: Command = {
    action: 'reschedule',
    actor: actors.system,
    changedDays: changed,
    changedAt: at(now),
    changeId: 1,
    reason: 'QĐ 01/2026',
  }
  const cal = after(changed)
  return decide(d, command, { ...context(at(now), t), calendar: () => cal })
}

const moved = (d: Dossier, decision: ReturnType<typeof reschedule>) => {
  assert.ok(decision.ok, decision.ok ? '' : decision.refusal.en)
  return decision.events.reduce<Dossier | null>(applyEvent, d) as Dossier
}

// Received 24/11/2026 09:00, 10 working days: due 08/12/2026 17:00; appraisal step due 03/12 11:00.
const processing = (t: ProcedureTerms = terms()) =>
  new Story(t)
    .submit('2026-11-23T20:00')
    .receive('2026-11-24T09:00')
    .do('2026-11-24T10:00', { action: 'transfer', actor: actors.counter }).dossier

const wednesdayOff = [{ date: '2026-12-02', workingBefore: true }]

test('a working day that became a holiday before the appointment moves it one working day later', () => {
  const d = moved(processing(), reschedule(processing(), '2026-11-30T09:00', wednesdayOff))
  assert.equal(formatInstant(d.appointmentAt ?? 0), '2026-12-09T17:00:00+07:00')
})

test('the appointment given at reception moves with it, so the indicators judge by the new statutory date', () => {
  const d = moved(processing(), reschedule(processing(), '2026-11-30T09:00', wednesdayOff))
  assert.equal(formatInstant(d.originalAppointmentAt ?? 0), '2026-12-09T17:00:00+07:00')
})

test('the open step keeps its remaining office time too', () => {
  const d = moved(processing(), reschedule(processing(), '2026-11-30T09:00', wednesdayOff))
  assert.equal(formatInstant(d.steps.at(-1)?.dueAt ?? 0), '2026-12-04T11:00:00+07:00')
})

test('a Saturday made a working day before the appointment moves it one working day earlier', () => {
  const saturdayWorks = [{ date: '2026-12-05', workingBefore: false }]
  const d = moved(processing(), reschedule(processing(), '2026-11-30T09:00', saturdayWorks))
  assert.equal(formatInstant(d.appointmentAt ?? 0), '2026-12-07T17:00:00+07:00')
})

test('a change after the appointment moves nothing, and the command says so', () => {
  const decision = reschedule(processing(), '2026-11-30T09:00', [{ date: '2026-12-15', workingBefore: true }])
  assert.equal(decision.ok ? '' : decision.refusal.code, 'deadlinesUnchanged')
})

test('a day already counted is history: a change before now moves nothing', () => {
  const decision = reschedule(processing(), '2026-12-03T09:00', wednesdayOff)
  assert.equal(decision.ok ? '' : decision.refusal.code, 'deadlinesUnchanged')
})

test('a date promised in an apology stays; the statutory appointment behind it moves', () => {
  const apologised = new Story()
    .submit('2026-11-23T20:00')
    .receive('2026-11-24T09:00')
    .do('2026-11-24T10:00', { action: 'transfer', actor: actors.counter })
    .do('2026-11-30T08:00', {
      action: 'issue-apology',
      actor: actors.leader,
      reason: 'Cần xác minh',
      newAppointmentAt: at('2026-12-15T17:00'),
    }).dossier
  const d = moved(apologised, reschedule(apologised, '2026-11-30T09:00', wednesdayOff))
  assert.deepEqual(
    [formatInstant(d.appointmentAt ?? 0), formatInstant(d.originalAppointmentAt ?? 0)],
    ['2026-12-15T17:00:00+07:00', '2026-12-09T17:00:00+07:00'],
  )
})

test('a limit in calendar days counts holidays: only an end that became a day off moves, to the next working day', () => {
  const calendarDays = terms({ timeLimit: { unit: 'calendar_days', value: 14 } })
  const d0 = processing(calendarDays)
  assert.equal(formatInstant(d0.appointmentAt ?? 0), '2026-12-09T17:00:00+07:00')
  const inside = reschedule(d0, '2026-11-30T09:00', wednesdayOff, calendarDays)
  assert.equal(formatInstant(moved(d0, inside).appointmentAt ?? 0), '2026-12-09T17:00:00+07:00')
  const onTheEnd = reschedule(d0, '2026-11-30T09:00', [{ date: '2026-12-09', workingBefore: true }], calendarDays)
  assert.equal(formatInstant(moved(d0, onTheEnd).appointmentAt ?? 0), '2026-12-10T17:00:00+07:00')
})

test('only the system reschedules: an officer cannot set a dossier’s deadlines', () => {
  const command: Command = {
    action: 'reschedule',
    actor: actors.leader,
    changedDays: wednesdayOff,
    changedAt: at('2026-11-30T09:00'),
    changeId: 1,
    reason: 'QĐ 01/2026',
  }
  const decision = decide(processing(), command, context(at('2026-11-30T09:00')))
  assert.equal(decision.ok ? '' : decision.refusal.code, 'notAllowed')
})

test('changes apply in order: a holiday added and then taken back leaves the appointment where it was', () => {
  const d0 = processing()
  const added = [{ date: '2026-12-02', workingBefore: true }]
  const takenBack = [{ date: '2026-12-02', workingBefore: false }]
  // The province's calendar now has 2/12 working again: the fixtures' calendar as it is.
  const run = (d: Dossier, changeId: number, changedDays: typeof added, laterChangedDays: typeof added) =>
    moved(
      d,
      decide(
        d,
        {
          action: 'reschedule',
          actor: actors.system,
          changedDays,
          laterChangedDays,
          changedAt: at('2026-11-30T09:00'),
          changeId,
          reason: 'QĐ',
        },
        context(at('2026-11-30T09:00')),
      ),
    )
  const first = run(d0, 1, added, takenBack)
  assert.equal(formatInstant(first.appointmentAt ?? 0), '2026-12-09T17:00:00+07:00')
  const second = run(first, 2, takenBack, [])
  assert.equal(second.appointmentAt, d0.appointmentAt)
})

test('a dossier received after the change was counted on the new calendar: nothing moves', () => {
  const command: Command = {
    action: 'reschedule',
    actor: actors.system,
    changedDays: wednesdayOff,
    changedAt: at('2026-11-24T08:00'),
    changeId: 1,
    reason: 'QĐ 01/2026',
  }
  const decision = decide(processing(), command, {
    ...context(at('2026-11-30T09:00')),
    calendar: () => after(wednesdayOff),
  })
  assert.equal(decision.ok ? '' : decision.refusal.code, 'deadlinesUnchanged')
})

test('a change moves a dossier once: done again after a crash, it finds the dossier moved already', () => {
  const once = moved(processing(), reschedule(processing(), '2026-11-30T09:00', wednesdayOff))
  const again = reschedule(once, '2026-11-30T09:05', wednesdayOff)
  assert.equal(again.ok ? '' : again.refusal.code, 'deadlinesUnchanged')
})
