import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { scoredUnitArb } from '../../../test/par-index/criteria-arbitraries.ts'
import { leavesOf } from './criteria-set.ts'
import { scoreUnit } from './scoring.ts'

const cents = (x: number) => Math.round(x * 100)

test('a unit’s score is the sum of the points of its criteria', () => {
  fc.assert(
    fc.property(scoredUnitArb, ([set, answers, figures]) => {
      const score = scoreUnit(set, answers, figures)
      const sum = leavesOf(set).reduce((s, l) => s + cents(score.leaves[l.code] ?? Number.NaN), 0)
      assert.equal(cents(score.total), sum)
    }),
  )
})

test('a unit’s score is the sum of its areas’ points', () => {
  fc.assert(
    fc.property(scoredUnitArb, ([set, answers, figures]) => {
      const score = scoreUnit(set, answers, figures)
      assert.equal(
        cents(score.total),
        score.areas.reduce((s, a) => s + cents(a.points), 0),
      )
    }),
  )
})
