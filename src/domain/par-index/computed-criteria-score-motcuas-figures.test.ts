import assert from 'node:assert/strict'
import { test } from 'node:test'
import { departmentSet2026 } from './demo-criteria-sets.ts'
import { scoreUnit } from './scoring.ts'

test('the on-time share earns the points of the highest band it reaches', () => {
  const score = scoreUnit(departmentSet2026, {}, { 'on-time-share': 0.96 })
  assert.equal(score.leaves['3.2.a'], 4)
})

test('the 766 index earns its points in proportion to its 100', () => {
  const score = scoreUnit(departmentSet2026, {}, { 'index-766': 87.5 })
  assert.equal(score.leaves['3.2.c'], 3.5)
})

test('a figure that is not applicable scores nothing', () => {
  const score = scoreUnit(departmentSet2026, {}, { 'online-share': null })
  assert.equal(score.leaves['3.2.b'], 0)
})
