import assert from 'node:assert/strict'
import { test } from 'node:test'
import { availableActions, decideAssessment } from './actions.ts'
import { emptyAssessment, foldRound, type ParRound } from './round.ts'
import {
  afterDeadline,
  afterExplanations,
  beforeDeadline,
  councilMember,
  provincialAdmin,
  round2026,
  unitStaff,
} from './round-fixtures.ts'

const own = emptyAssessment(round2026.id, 'sotp')
const appraise = {
  action: 'appraise',
  answers: {
    '1.1': { kind: 'level', level: 'partial', evidence: [] },
    '5.3': { kind: 'points', points: 1, evidence: [] },
  },
  comments: { '1.1': 'Kế hoạch ban hành chậm' },
} as const

test('the council appraises after the self-assessment deadline, a penalty among its scores', () => {
  assert.equal(decideAssessment(round2026, own, appraise, councilMember, afterDeadline).ok, true)
})

test('the council cannot appraise before the deadline', () => {
  assert.deepEqual(decideAssessment(round2026, own, appraise, councilMember, beforeDeadline), {
    ok: false,
    refusal: 'notAllowed',
  })
})

test('a unit’s staff cannot appraise', () => {
  assert.deepEqual(decideAssessment(round2026, own, appraise, unitStaff, afterDeadline), {
    ok: false,
    refusal: 'notAllowed',
  })
})

test('scores are locked only after the explanation deadline', () => {
  assert.deepEqual(
    [
      availableActions(round2026, null, councilMember, afterDeadline),
      availableActions(round2026, null, councilMember, afterExplanations),
    ],
    [[], ['lock']],
  )
})

test('once locked, nobody appraises and only the provincial administrator publishes', () => {
  const locked = foldRound([
    { type: 'opened', at: '2026-10-01T00:00:00.000Z', actor: 'admin', ...openedOf(round2026) },
    { type: 'locked', at: afterExplanations.toISOString(), actor: 'council-1', results: [] },
  ]) as ParRound
  assert.deepEqual(
    [
      availableActions(locked, own, councilMember, afterExplanations),
      availableActions(locked, null, councilMember, afterExplanations),
      availableActions(locked, null, provincialAdmin, afterExplanations),
    ],
    [[], [], ['publish']],
  )
})

function openedOf(r: ParRound) {
  return {
    criteriaSet: r.criteriaSet,
    units: r.units,
    council: r.council,
    selfAssessmentDeadline: r.selfAssessmentDeadline,
    explanationDeadline: r.explanationDeadline,
  }
}
