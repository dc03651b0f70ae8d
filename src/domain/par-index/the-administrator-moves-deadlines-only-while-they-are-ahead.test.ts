import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decideDeadlines } from './actions.ts'
import { foldRound, type RoundEvent } from './round.ts'
import * as at from './round-fixtures.ts'

// round2026: self-assessment until 1 Dec, explanations until 15 Dec.
const self = at.round2026.selfAssessmentDeadline
const opened = {
  type: 'opened',
  at: '2026-10-01T00:00:00.000Z',
  actor: 'admin',
  criteriaSet: at.round2026.criteriaSet,
  units: at.round2026.units,
  council: at.round2026.council,
  selfAssessmentDeadline: self,
  explanationDeadline: at.round2026.explanationDeadline,
} satisfies RoundEvent

test('before the deadline the administrator extends the self-assessment to 5 December', () => {
  const d = decideDeadlines(
    at.round2026,
    at.provincialAdmin,
    at.beforeDeadline,
    '2026-12-05T00:00:00Z',
    '2026-12-20T00:00:00Z',
  )
  assert.ok(d.ok)
  assert.equal(foldRound([opened, d.event])?.selfAssessmentDeadline, '2026-12-05T00:00:00.000Z')
})

test('a self-assessment deadline already passed cannot move', () => {
  assert.deepEqual(
    decideDeadlines(at.round2026, at.provincialAdmin, at.afterDeadline, '2026-12-08T00:00:00Z', '2026-12-20T00:00:00Z'),
    { ok: false, refusal: 'selfPassed' },
  )
})

test('after the self-assessment deadline the explanation window can still be extended', () => {
  assert.equal(
    decideDeadlines(at.round2026, at.provincialAdmin, at.afterDeadline, self, '2026-12-20T00:00:00Z').ok,
    true,
  )
})

test('the explanation deadline must come after the self-assessment deadline', () => {
  assert.deepEqual(
    decideDeadlines(
      at.round2026,
      at.provincialAdmin,
      at.beforeDeadline,
      '2026-12-05T00:00:00Z',
      '2026-12-04T00:00:00Z',
    ),
    { ok: false, refusal: 'explanationOrder' },
  )
})

test('a council member does not move deadlines', () => {
  assert.deepEqual(
    decideDeadlines(at.round2026, at.councilMember, at.beforeDeadline, '2026-12-05T00:00:00Z', '2026-12-20T00:00:00Z'),
    { ok: false, refusal: 'notAllowed' },
  )
})

test('after the explanation deadline nothing moves any more', () => {
  assert.deepEqual(
    decideDeadlines(at.round2026, at.provincialAdmin, at.afterExplanations, self, '2026-12-30T00:00:00Z'),
    {
      ok: false,
      refusal: 'notAllowed',
    },
  )
})
