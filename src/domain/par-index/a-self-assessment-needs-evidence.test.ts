import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decideAssessment } from './actions.ts'
import { emptyAssessment } from './round.ts'
import { beforeDeadline, round2026, unitStaff } from './round-fixtures.ts'

const own = emptyAssessment(round2026.id, 'sotp')
const selfAssess = (answers: object) =>
  decideAssessment(round2026, own, { action: 'self-assess', answers, note: '' } as never, unitStaff, beforeDeadline)

test('a self-assessed level without an evidence file is refused', () => {
  assert.deepEqual(selfAssess({ '1.1': { kind: 'level', level: 'full', evidence: [] } }), {
    ok: false,
    refusal: 'evidenceMissing',
    leaf: '1.1',
  })
})

test('a level the scale does not have is refused', () => {
  assert.deepEqual(selfAssess({ '1.1': { kind: 'level', level: 'excellent', evidence: ['e'] } }), {
    ok: false,
    refusal: 'wrongAnswer',
    leaf: '1.1',
  })
})

test('a unit cannot answer a computed criterion', () => {
  assert.deepEqual(selfAssess({ '3.2.a': { kind: 'points', points: 6, evidence: ['e'] } }), {
    ok: false,
    refusal: 'unknownLeaf',
    leaf: '3.2.a',
  })
})

test('a unit cannot set its own penalty', () => {
  assert.deepEqual(selfAssess({ '5.3': { kind: 'points', points: 0, evidence: ['e'] } }), {
    ok: false,
    refusal: 'notAllowed',
    leaf: '5.3',
  })
})
