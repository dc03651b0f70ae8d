import assert from 'node:assert/strict'
import { test } from 'node:test'
import { inputs } from '../../../test/support/index-766-inputs.ts'
import { index766 } from './index-766.ts'

// Mô tả công thức tính chỉ số 766 (VPCP, via ChippedTopaz/qd766), every indicator's note: "Nếu mẫu số
// = 0: hiển thị 0 hoặc N/A"; motcua shows n/a and awards nothing (rules.md "Decision 766 index").
test('an indicator whose denominator is zero is not applicable and awards no points', () => {
  const index = index766(inputs())
  for (const [id, s] of Object.entries(index.indicators)) {
    assert.equal(s.ratio, null, id)
    assert.equal(s.points, 0, id)
    assert.ok(s.notApplicable, id)
  }
  assert.deepEqual(index.indicators['2.1']?.notApplicable, { reason: 'zero_denominator', missing: [] })
  assert.equal(index.total, 0)
})
