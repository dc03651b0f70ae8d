import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { scoredUnitArb } from '../../../test/par-index/criteria-arbitraries.ts'
import { leavesOf } from './criteria-set.ts'
import { scoreUnit } from './scoring.ts'

test('every criterion scores within [0, its maximum], whatever is answered', () => {
  fc.assert(
    fc.property(scoredUnitArb, ([set, answers, figures]) => {
      const score = scoreUnit(set, answers, figures)
      for (const l of leavesOf(set).filter((l) => l.method.kind !== 'penalty')) {
        const p = score.leaves[l.code] ?? Number.NaN
        assert.ok(p >= 0 && p <= l.maxPoints, `${l.code}: ${p} outside [0, ${l.maxPoints}]`)
      }
    }),
  )
})

test('a penalty deducts within its cap: between minus its maximum and 0', () => {
  fc.assert(
    fc.property(scoredUnitArb, ([set, answers, figures]) => {
      const score = scoreUnit(set, answers, figures)
      for (const l of leavesOf(set).filter((l) => l.method.kind === 'penalty')) {
        const p = score.leaves[l.code] ?? Number.NaN
        assert.ok(p <= 0 && p >= -l.maxPoints, `${l.code}: ${p} outside [-${l.maxPoints}, 0]`)
      }
    }),
  )
})
