import assert from 'node:assert/strict'
import { test } from 'node:test'
import { flows, inputs } from '../../../test/support/index-766-inputs.ts'
import { index766 } from './index-766.ts'

// Mô tả công thức tính chỉ số 766, 3.3: "Tổng số hồ sơ tiếp nhận trực tuyến … / Tổng số hồ sơ tiếp nhận
// trong kỳ * Tỷ lệ đồng bộ hồ sơ"; from 50% full points.
test('3.3 is the online share times the sync rate, and not applicable without a sync rate', () => {
  const online = flows({ received: 100, online_counted: 60 })
  const half = index766(inputs({ flows: online, sync: { received: 100, synced: 50 } }))
  assert.deepEqual(half.indicators['3.3'], { ratio: 0.3, points: 3.6, max: 6, notApplicable: null })
  const unsynced = index766(inputs({ flows: online, sync: { received: 0, synced: 0 } }))
  assert.equal(unsynced.indicators['3.3']?.ratio, null)
  assert.equal(unsynced.indicators['3.3']?.points, 0)
})
