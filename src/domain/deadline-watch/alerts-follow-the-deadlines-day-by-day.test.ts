import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { actors, at, fixtureCalendar, Story, terms } from '../../../test/support/dossier-fixtures.ts'
import { type DayNumber, dayOf, type EpochMs, formatInstant, instantAt, minuteOfDay } from '../calendar/local-time.ts'
import { workingTimeBetween } from '../calendar/working-calendar.ts'
import type { Command } from '../dossier/commands.ts'
import { decide } from '../dossier/decide.ts'
import { currentStep, type Dossier } from '../dossier/state.ts'
import { DossierStatus, openStatuses } from '../dossier/status.ts'
import { alertsDue } from './alerts-due.ts'

// The deadline watcher (issue 15 §4) against a day-by-day simulation. Decree 61/2018/NĐ-CP as amended
// by Decree 107/2021 and Decree 118/2025/NĐ-CP: the officer and their leader are warned one working
// day before a step's or the dossier's deadline; a deadline passed without an apology (form 04, one
// new date, sent before the deadline) is escalated to the leader; the supplement's time limit passing
// stops the dossier. The oracle below reasons in calendar days and the working-day table, not the
// office clock the watcher uses.

const days = fixtureCalendar.days
const working = (day: DayNumber) => days.working[day - days.firstDay] === 1
const previousWorkingDay = (day: DayNumber) => {
  let d = day - 1
  while (!working(d)) d--
  return d
}
/** The working day a deadline ends in: one on a day off or before opening ends at the previous closing. */
const deadlineDay = (instant: EpochMs) =>
  working(dayOf(instant)) && minuteOfDay(instant) > fixtureCalendar.office.opening
    ? dayOf(instant)
    : previousWorkingDay(dayOf(instant))
/** The day a limit of `limit` working days from `from` ends on (a request on a day off counts from the next opening). */
function limitEndDay(from: EpochMs, limit: number): DayNumber {
  const day = dayOf(from)
  const before = days.workingBefore[day - days.firstDay] as number
  return days.workingDays[working(day) ? before + limit : before + limit - 1] as number
}

const firstDay = dayOf(at('2026-11-03T09:00'))
const horizon = 45
const tickOf = (day: DayNumber) => instantAt(day, 23 * 60)
const open = (d: Dossier) => openStatuses.includes(d.status)
const paused = (d: Dossier) => d.pausedSince !== null

/** When each alert key the oracle expects becomes due, given the state at a day's tick. */
function expectedKeys(d: Dossier, day: DayNumber): string[] {
  if (!open(d) || paused(d)) return []
  const keys: string[] = []
  const step = currentStep(d)
  if (
    step &&
    workingTimeBetween(fixtureCalendar, step.startedAt, step.dueAt) > fixtureCalendar.office.minutesPerDay &&
    day >= previousWorkingDay(deadlineDay(step.dueAt))
  )
    keys.push(`step-warning:${d.steps.length - 1}`)
  const appointment = d.appointmentAt as EpochMs
  if (day >= previousWorkingDay(deadlineDay(appointment))) keys.push(`dossier-warning:${appointment}`)
  const apologyLate = d.apology !== null && d.apologyLate === true
  if (apologyLate || day >= dayOf(appointment)) keys.push('dossier-overdue-escalation')
  return keys
}

const scenario = fc.record({
  supplementDay: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  resumeAfter: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
  limitDays: fc.integer({ min: 1, max: 12 }),
  apologyDay: fc.option(fc.integer({ min: 0, max: 25 }), { nil: null }),
  apologyExtraDays: fc.integer({ min: 1, max: 10 }),
  stopDay: fc.option(fc.integer({ min: 0, max: horizon }), { nil: null }),
})

const seen = new Set<string>()

test('each alert is due from the working day its rule names, under a key of its own, never for a finished dossier', () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const story = new Story(terms({ supplementLimitDays: s.limitDays }))
        .submit('2026-11-02T20:00')
        .receive('2026-11-03T09:00')
        .do('2026-11-03T10:00', { action: 'transfer', actor: actors.counter })
      const run = (when: EpochMs, command: Command) => story.try(formatInstant(when), command)
      for (let i = 0; i <= horizon; i++) {
        const day = firstDay + i
        const morning = instantAt(day, 11 * 60)
        if (s.supplementDay === i)
          run(morning, {
            action: 'request-supplement',
            actor: actors.specialist,
            items: ['Giấy xác nhận'],
            reason: 'Thiếu giấy tờ',
            exception: null,
          })
        if (
          s.supplementDay !== null &&
          s.resumeAfter !== null &&
          s.supplementDay + s.resumeAfter === i &&
          i > s.supplementDay
        )
          run(morning + 3_600_000, { action: 'receive-supplement', actor: actors.counter, components: [] })
        if (s.apologyDay === i && story.dossier.appointmentAt !== null)
          run(morning + 2 * 3_600_000, {
            action: 'issue-apology',
            actor: actors.leader,
            reason: 'Chờ ý kiến cơ quan thuế',
            newAppointmentAt: story.dossier.appointmentAt + s.apologyExtraDays * 86_400_000,
          })
        if (s.stopDay === i)
          run(morning + 3 * 3_600_000, { action: 'stop', actor: actors.leader, reason: 'Dừng', legalBasis: 'x' })

        const d = story.dossier
        const tick = tickOf(day)
        const due = alertsDue(d, tick, { calendar: () => fixtureCalendar, supplementLimitDays: s.limitDays })
        if (!open(d)) assert.deepEqual(due, [], 'no alert for a finished dossier')
        const dueKeys = due.map((a) => a.key).sort()
        const supplementKey = `supplement-expired:${d.supplementRequests.length}`
        const expected = expectedKeys(d, day)
        if (open(d) && paused(d) && day >= limitEndDay(d.pausedSince as EpochMs, s.limitDays))
          expected.push(supplementKey)
        assert.deepEqual(dueKeys, expected.sort(), `day ${i}`)
        for (const alert of due) seen.add(alert.kind)

        // An apology sent before the deadline: no escalation until its new date has passed too.
        if (due.some((a) => a.key === 'dossier-overdue-escalation') && d.apology !== null && !d.apologyLate)
          assert.ok(tick > d.apology.newAppointmentAt)
        // The job stops a dossier whose supplement limit passed, as the system, through the one gate.
        if (due.some((a) => a.key === supplementKey)) {
          const stop = decide(
            d,
            { action: 'stop', actor: actors.system, reason: 'Hết thời hạn bổ sung', legalBasis: 'Decree 61/2018' },
            { now: tick, terms: story.procedure, calendar: () => fixtureCalendar },
          )
          assert.ok(stop.ok, 'the system may stop a dossier whose supplement limit passed')
          run(tick, {
            action: 'stop',
            actor: actors.system,
            reason: 'Hết thời hạn bổ sung',
            legalBasis: 'Decree 61/2018',
          })
          assert.equal(story.dossier.status, DossierStatus.Stopped)
        }
      }
    }),
    { numRuns: 300 },
  )
  // Every kind of alert was reached by some generated history.
  assert.deepEqual([...seen].sort(), [
    'dossier-overdue-escalation',
    'dossier-warning',
    'step-warning',
    'supplement-expired',
  ])
})
