import assert from 'node:assert/strict'
import { test } from 'node:test'
import { petitionIndicators } from './indicators.ts'
import { calendar } from './petition-fixtures.ts'

test('indicators 5.1–5.3 are n/a (null) when the period has nothing to count (Decision 766 group 5)', () => {
  const period = { from: new Date('2026-12-01T00:00:00+07:00'), to: new Date('2027-01-01T00:00:00+07:00') }
  const figures = petitionIndicators([], period, () => calendar, [])
  for (const key of ['5.1', '5.2', '5.3'] as const)
    assert.deepEqual(figures[key], { numerator: 0, denominator: 0, percent: null })
})
