import assert from 'node:assert/strict'
import { test } from 'node:test'
import { canSeeAssessment, decideAssessment } from './actions.ts'
import { emptyAssessment } from './round.ts'
import {
  afterDeadline,
  beforeDeadline,
  councilMember,
  evidence,
  otherUnitStaff,
  round2026,
  unitStaff,
} from './round-fixtures.ts'

const command = {
  action: 'self-assess',
  answers: { '1.1': { kind: 'level', level: 'full', evidence } },
  note: '',
} as const
const own = emptyAssessment(round2026.id, 'sotp')

test('a unit self-assesses its own assessment before the deadline', () => {
  assert.equal(decideAssessment(round2026, own, command, unitStaff, beforeDeadline).ok, true)
})

test('a unit cannot self-assess another unit’s assessment', () => {
  assert.deepEqual(decideAssessment(round2026, own, command, otherUnitStaff, beforeDeadline), {
    ok: false,
    refusal: 'notAllowed',
  })
})

test('a unit cannot change its self-assessment after the deadline', () => {
  assert.deepEqual(decideAssessment(round2026, own, command, unitStaff, afterDeadline), {
    ok: false,
    refusal: 'notAllowed',
  })
})

test('a unit sees its own assessment but not another unit’s', () => {
  assert.deepEqual(
    [
      canSeeAssessment(round2026, 'sotp', unitStaff, beforeDeadline),
      canSeeAssessment(round2026, 'sotp', otherUnitStaff, beforeDeadline),
    ],
    [true, false],
  )
})

test('the council does not see a self-assessment before the deadline', () => {
  assert.equal(canSeeAssessment(round2026, 'sotp', councilMember, beforeDeadline), false)
})
