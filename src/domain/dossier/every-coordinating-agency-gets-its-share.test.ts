import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, at, Story, terms } from '../../../test/support/dossier-fixtures.ts'

// Decree 118/2025/NĐ-CP on inter-agency (liên thông) handling: the time limit is shared among the
// lead and the coordinating agencies as the procedure's internal process sets; a coordinating
// department or commune gets its step's share as a central branch does.

test('a coordinating department gets the budget of its own step, not none', () => {
  const base = terms({ coordination: true })
  const steps = base.steps.map((s) =>
    s.agencyId === 'thue-tinh' ? { ...s, agencyKind: 'department' as const, agencyId: 'so-tnmt' } : s,
  )
  const s = new Story({ ...base, steps })
    .submit('2026-11-23T20:00')
    .receive('2026-11-24T09:00')
    .do('2026-11-24T10:00', { action: 'transfer', actor: actors.counter })
    .do('2026-11-25T09:00', {
      action: 'transfer-to-agency',
      actor: actors.specialist,
      toAgencyId: 'so-tnmt',
      reason: 'Xác nhận nguồn gốc đất',
    })
  const step = s.dossier.steps.at(-1)
  assert.equal(step?.phase, 'coordination')
  assert.equal(step?.name, 'Xác định nghĩa vụ tài chính')
  // 20 office hours from Wed 09:00: Wed 6 h, Thu 8 h, Fri 6 h → Fri 15:00.
  assert.equal(step?.dueAt, at('2026-11-27T15:00'))
})
