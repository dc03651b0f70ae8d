import assert from 'node:assert/strict'
import { test } from 'node:test'
import { at, fixtureCalendar } from '../../../test/support/dossier-fixtures.ts'
import { paperTransferDue } from './deadlines.ts'

// Decree 61/2018/NĐ-CP Art. 19(1)(a), kept by Decree 118/2025/NĐ-CP: a dossier received in person
// or by post is handed to the competent agency within the working day, or at the start of the next
// working day when received after 15:00. "At the start" is read as the first office hour (product rule).

test('received before 15:00, a paper dossier is due at the agency by the close of the same day', () => {
  assert.equal(paperTransferDue(fixtureCalendar, at('2026-11-03T14:59')), at('2026-11-03T17:00'))
})

test('received at or after 15:00, it is due within the first office hour of the next working day', () => {
  assert.equal(paperTransferDue(fixtureCalendar, at('2026-11-03T15:00')), at('2026-11-04T08:00'))
  // Friday afternoon: Monday morning.
  assert.equal(paperTransferDue(fixtureCalendar, at('2026-11-06T16:30')), at('2026-11-09T08:00'))
})
