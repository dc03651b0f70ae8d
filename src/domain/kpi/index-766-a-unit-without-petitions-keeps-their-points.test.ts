import assert from 'node:assert/strict'
import { test } from 'node:test'
import { figures, flows, inputs, petitions } from '../../../test/support/index-766-inputs.ts'
import { index766 } from './index-766.ts'

// Công thức 766.xlsx, METRICS row 23 (5.3), as transcribed in ChippedTopaz/qd766 docs/metrics.m0.json:
// "Trường hợp, cơ quan, đơn vị không có phản ánh, kiến nghị thì điểm số được chia đều cho 02 chỉ tiêu về
// Tỷ lệ phản ánh, kiến nghị đúng hạn và tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC" (rules.md
// "Decision 766 index"). 5.4 here: 1 − 10/100 late = 0.9, at its 90 % threshold.
const dossiers = {
  figures: figures({ received: 100, resolved: 100, resolvedOnTime: 90, resolvedLate: 10 }),
  flows: flows({ received: 100 }),
}

test('without any petition in the period, 5.2’s and 5.3’s 12 points are scored on 5.4', () => {
  const index = index766(inputs({ ...dossiers, petitions: petitions() }))
  const worth = Object.fromEntries(['5.2', '5.3', '5.4'].map((id) => [id, index.indicators[id]?.max]))
  assert.deepEqual(worth, { '5.2': 0, '5.3': 0, '5.4': 18 })
})

test('without petitions received in the period, 5.3’s 6 points go half to 5.2 and half to 5.4', () => {
  const carriedOver = petitions({ '5.2': { numerator: 3, denominator: 4 } })
  const index = index766(inputs({ ...dossiers, petitions: carriedOver }))
  const scored = Object.fromEntries(['5.2', '5.3', '5.4'].map((id) => [id, index.indicators[id]?.points]))
  assert.deepEqual(scored, { '5.2': 6.75, '5.3': 0, '5.4': 9 }) // 0.75 × 9; 5.4 at its threshold: 9
})

test('a unit that shares its petition points names where they went', () => {
  const index = index766(inputs({ ...dossiers, petitions: petitions() }))
  assert.deepEqual(index.indicators['5.3']?.sharedTo, ['5.2', '5.4'])
})
