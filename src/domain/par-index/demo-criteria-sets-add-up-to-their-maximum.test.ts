import assert from 'node:assert/strict'
import { test } from 'node:test'
import { criteriaSetProblems } from './criteria-set.ts'
import { demoCriteriaSets } from './demo-criteria-sets.ts'

test('the demo’s 2026 criteria sets are valid: their leaves add up to 100 points', () => {
  assert.deepEqual(
    demoCriteriaSets.map((s) => criteriaSetProblems(s)),
    demoCriteriaSets.map(() => []),
  )
})

test('the demo’s criteria sets cite the decision they follow and say they are illustrative', () => {
  for (const s of demoCriteriaSets) assert.match(s.source, /876\/QĐ-BNV.*minh họa/)
})
