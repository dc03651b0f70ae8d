import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { scoredUnitArb } from '../../../test/par-index/criteria-arbitraries.ts'
import { leavesOf } from './criteria-set.ts'
import { scoreUnit } from './scoring.ts'

test('a unit’s total never exceeds the set’s maximum nor falls below minus its penalties’ caps', () => {
  fc.assert(
    fc.property(scoredUnitArb, ([set, answers, figures]) => {
      const { total } = scoreUnit(set, answers, figures)
      const caps = leavesOf(set).reduce((s, l) => s + (l.method.kind === 'penalty' ? l.maxPoints : 0), 0)
      assert.ok(total <= set.maxPoints + 1e-9, `${total} > ${set.maxPoints}`)
      assert.ok(total >= -caps - 1e-9, `${total} < -${caps}`)
    }),
  )
})
