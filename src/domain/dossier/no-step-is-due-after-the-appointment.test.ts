import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, at, Story, terms } from '../../../test/support/dossier-fixtures.ts'

// Luật Hộ tịch 2014 Art. 16(2): a birth is registered the same day (after 15:00, the next working
// day). The internal process splits the limit into steps (Decree 61/2018/NĐ-CP Art. 18 as amended);
// a step's budget counts "within the day" as a whole 8-hour day, so without a cap the steps of a
// same-day procedure would fall due the next day while the dossier is due that afternoon. Product
// rule: no step is due after the dossier's appointment.

const sameDay = terms({ timeLimit: { unit: 'within_day' }, cutoffMinute: 15 * 60 })

test('a same-day dossier’s appraisal, approval and issue steps are due by its appointment', () => {
  const s = new Story(sameDay).submit('2026-12-01T08:30').receive('2026-12-01T09:00')
  const appointment = s.dossier.appointmentAt
  assert.equal(appointment, at('2026-12-01T17:00'))
  s.do('2026-12-01T09:10', { action: 'transfer', actor: actors.counter })
  assert.equal(s.dossier.steps.at(-1)?.dueAt, appointment, 'appraisal (52 h budget) capped at 17:00')
})

test('a step of a ten-day procedure keeps its own budget when that ends before the appointment', () => {
  const s = new Story(terms()).submit('2026-12-01T08:30').receive('2026-12-01T09:00')
  s.do('2026-12-01T09:10', { action: 'transfer', actor: actors.counter })
  const step = s.dossier.steps.at(-1)
  assert.ok(step && s.dossier.appointmentAt && step.dueAt < s.dossier.appointmentAt)
  assert.equal(step.dueAt, at('2026-12-09T15:10'), '52 office hours (six days and four) from Tuesday 09:10')
})

test('a step opened after the appointment has passed is due by its budget, not in the past', () => {
  const s = new Story(sameDay).submit('2026-12-01T08:30').receive('2026-12-01T09:00')
  s.do('2026-12-02T09:00', { action: 'transfer', actor: actors.counter })
  const step = s.dossier.steps.at(-1)
  assert.ok(step && step.dueAt > at('2026-12-02T09:00'))
})
