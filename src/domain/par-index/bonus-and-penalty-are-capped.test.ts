import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Leaf } from './criteria-set.ts'
import { leafCents } from './scoring.ts'

const bonus: Leaf = { code: 'B', name: { vi: 'Thưởng', en: 'Bonus' }, maxPoints: 2, method: { kind: 'bonus' } }
const penalty: Leaf = { code: 'P', name: { vi: 'Trừ', en: 'Penalty' }, maxPoints: 3, method: { kind: 'penalty' } }
const counted: Leaf = {
  code: 'C',
  name: { vi: 'Đếm', en: 'Count' },
  maxPoints: 2,
  method: { kind: 'counted', pointsPerItem: 0.5 },
}
const evidence = ['a'.repeat(64)]

test('a bonus above its cap earns the cap', () => {
  assert.equal(leafCents(bonus, { kind: 'points', points: 5, evidence }, {}), 200)
})

test('a penalty above its cap deducts the cap', () => {
  assert.equal(leafCents(penalty, { kind: 'points', points: 10, evidence: [] }, {}), -300)
})

test('counted items earn their points each up to the criterion’s maximum', () => {
  assert.equal(leafCents(counted, { kind: 'count', count: 3, evidence }, {}), 150)
  assert.equal(leafCents(counted, { kind: 'count', count: 9, evidence }, {}), 200)
})

test('a bonus claimed without evidence earns nothing', () => {
  assert.equal(leafCents(bonus, { kind: 'points', points: 1, evidence: [] }, {}), 0)
})
