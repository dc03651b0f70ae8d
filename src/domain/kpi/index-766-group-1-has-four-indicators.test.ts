import assert from 'node:assert/strict'
import { test } from 'node:test'
import { inputs } from '../../../test/support/index-766-inputs.ts'
import { decision766Scoring, index766 } from './index-766.ts'

// Mô tả công thức tính chỉ số 766, group 1 (công khai, minh bạch): 1.1 published on time, 1.2 updated
// on time, 1.3 the seven components of Decree 63/2010/NĐ-CP Art. 8(2), 1.4 the sync rate.
test('group 1 has four indicators; without synced publication data 1.1–1.3 are n/a naming it, 1.4 is the sync rate', () => {
  const ids = decision766Scoring.filter((r) => r.group === 'transparency').map((r) => r.id)
  assert.deepEqual(ids, ['1.1', '1.2', '1.3', '1.4'])
  const index = index766(inputs({ sync: { received: 40, synced: 30 } }))
  for (const id of ['1.1', '1.2', '1.3']) assert.equal(index.indicators[id]?.notApplicable?.reason, 'not_recorded', id)
  assert.ok(
    index.indicators['1.3']?.notApplicable?.missing.includes(
      'đối tượng thực hiện (Nghị định 63/2010/NĐ-CP Điều 8 khoản 2)',
    ),
  )
  assert.ok(index.indicators['1.1']?.notApplicable?.missing.includes('ngày quyết định công bố TTHC'))
  assert.deepEqual(index.indicators['1.4'], { ratio: 0.75, points: 4.5, max: 6, notApplicable: null })
})

test('with synced publication data, 1.1–1.3 are shares of the procedures published in the period', () => {
  const index = index766(
    inputs({ publication: { published: 4, publishedOnTime: 3, madePublicOnTime: 2, complete: 4 } }),
  )
  assert.deepEqual(
    ['1.1', '1.2', '1.3'].map((id) => index.indicators[id]?.ratio),
    [0.75, 0.5, 1],
  )
})

test('with publication data but nothing published in the period, 1.1–1.3 have a zero denominator', () => {
  const index = index766(
    inputs({ publication: { published: 0, publishedOnTime: 0, madePublicOnTime: 0, complete: 0 } }),
  )
  assert.equal(index.indicators['1.1']?.notApplicable?.reason, 'zero_denominator')
})
