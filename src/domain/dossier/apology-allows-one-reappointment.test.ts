import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, at, fixtureCalendar, Story } from '../../../test/support/dossier-fixtures.ts'
import { formatInstant } from '../calendar/local-time.ts'
import { kpiDeadline } from './deadlines.ts'

const processing = () =>
  new Story()
    .submit('2026-11-23T20:00')
    .receive('2026-11-24T09:00')
    .do('2026-11-24T10:00', { action: 'transfer', actor: actors.counter })

test('the head of the agency apologises once with a later date; the original appointment stays for indicators', () => {
  const story = processing()
  const original = story.dossier.appointmentAt
  story.do('2026-12-04T09:00', {
    action: 'issue-apology',
    actor: actors.leader,
    reason: 'Cần xác minh thực địa',
    newAppointmentAt: at('2026-12-15T17:00'),
  })
  assert.equal(formatInstant(story.dossier.appointmentAt ?? 0), '2026-12-15T17:00:00+07:00')
  assert.equal(story.dossier.originalAppointmentAt, original)
  assert.equal(kpiDeadline({ calendar: () => fixtureCalendar }, story.dossier), original)
})

test('a second re-appointment is refused', () => {
  const story = processing().do('2026-12-04T09:00', {
    action: 'issue-apology',
    actor: actors.leader,
    reason: 'x',
    newAppointmentAt: at('2026-12-15T17:00'),
  })
  const again = story.try('2026-12-14T09:00', {
    action: 'issue-apology',
    actor: actors.leader,
    reason: 'y',
    newAppointmentAt: at('2026-12-22T17:00'),
  })
  assert.equal(again.ok ? '' : again.refusal.code, 'alreadyReappointed')
})

test('the new date must be after the current appointment, and only a leader of the processing agency apologises', () => {
  const story = processing()
  const earlier = story.try('2026-12-04T09:00', {
    action: 'issue-apology',
    actor: actors.leader,
    reason: 'x',
    newAppointmentAt: at('2026-12-07T17:00'),
  })
  assert.equal(earlier.ok ? '' : earlier.refusal.code, 'appointmentNotLater')
  const bySpecialist = story.try('2026-12-04T09:00', {
    action: 'issue-apology',
    actor: actors.specialist,
    reason: 'x',
    newAppointmentAt: at('2026-12-15T17:00'),
  })
  assert.equal(bySpecialist.ok ? '' : bySpecialist.refusal.code, 'notAllowed')
})
