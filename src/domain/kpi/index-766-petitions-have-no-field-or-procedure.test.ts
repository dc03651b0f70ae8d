import assert from 'node:assert/strict'
import { test } from 'node:test'
import { inputs } from '../../../test/support/index-766-inputs.ts'
import { index766 } from './index-766.ts'

// A petition names an agency, not a procedure (rules.md "Petitions"): a field's or a procedure's index
// has 5.1–5.3 not recorded, and their points are not shared (the METRICS note speaks of a unit).
test('a field or procedure scope has 5.1–5.3 not recorded and 5.4 keeps its 6 points', () => {
  const index = index766(inputs({ petitions: null }))
  const seen = ['5.1', '5.2', '5.3', '5.4'].map((id) => [
    index.indicators[id]?.notApplicable?.reason,
    index.indicators[id]?.max,
  ])
  assert.deepEqual(seen, [
    ['not_recorded', 0],
    ['not_recorded', 6],
    ['not_recorded', 6],
    ['zero_denominator', 6],
  ])
})
