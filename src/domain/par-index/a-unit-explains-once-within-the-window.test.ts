import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decideAssessment } from './actions.ts'
import { applyAssessment, emptyAssessment } from './round.ts'
import { afterDeadline, afterExplanations, round2026, unitStaff } from './round-fixtures.ts'

const appraised = applyAssessment(emptyAssessment(round2026.id, 'sotp'), {
  type: 'appraised',
  at: afterDeadline.toISOString(),
  actor: 'council-1',
  answers: {},
  comments: {},
})
const explain = { action: 'explain', explanation: 'Kế hoạch ban hành ngày 10/01, kèm văn bản' } as const

test('a unit explains the council’s scores once, after the appraisal and within the window', () => {
  assert.equal(decideAssessment(round2026, appraised, explain, unitStaff, afterDeadline).ok, true)
})

test('a unit cannot explain before it has been appraised', () => {
  const fresh = emptyAssessment(round2026.id, 'sotp')
  assert.deepEqual(decideAssessment(round2026, fresh, explain, unitStaff, afterDeadline), {
    ok: false,
    refusal: 'notAllowed',
  })
})

test('a unit cannot explain a second time', () => {
  const decision = decideAssessment(round2026, appraised, explain, unitStaff, afterDeadline)
  assert.ok(decision.ok)
  const explained = applyAssessment(appraised, decision.event)
  assert.deepEqual(decideAssessment(round2026, explained, explain, unitStaff, afterDeadline), {
    ok: false,
    refusal: 'notAllowed',
  })
})

test('a unit cannot explain after the window closes', () => {
  assert.deepEqual(decideAssessment(round2026, appraised, explain, unitStaff, afterExplanations), {
    ok: false,
    refusal: 'notAllowed',
  })
})
