import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, at, Story } from '../../../test/support/dossier-fixtures.ts'

// Decree 118/2025/NĐ-CP (Decree 61/2018 Art. 19(4)(c) before it): an agency that will be late sends
// the apology (form 04) with one new date before the deadline. One sent after it is still issued and
// recorded as late.

const received = () =>
  new Story()
    .submit('2026-11-23T20:00')
    .receive('2026-11-24T09:00')
    .do('2026-11-24T10:00', { action: 'transfer', actor: actors.counter })

test('an apology before the appointment is on time; after it, it is recorded as late', () => {
  const early = received()
  const due = early.dossier.appointmentAt
  assert.ok(due)
  early.do('2026-12-04T09:00', {
    action: 'issue-apology',
    actor: actors.leader,
    reason: 'Chờ ý kiến cơ quan thuế',
    newAppointmentAt: due + 3 * 86_400_000,
  })
  assert.equal(early.dossier.apologyLate, false)

  const late = received()
  const lateDue = late.dossier.appointmentAt
  assert.ok(lateDue)
  assert.ok(at('2026-12-10T09:00') > lateDue)
  late.do('2026-12-10T09:00', {
    action: 'issue-apology',
    actor: actors.leader,
    reason: 'Chờ ý kiến cơ quan thuế',
    newAppointmentAt: at('2026-12-15T17:00'),
  })
  assert.equal(late.dossier.apologyLate, true)
  assert.equal(late.dossier.apology?.newAppointmentAt, at('2026-12-15T17:00'))
})
