import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, at, Story } from '../../../test/support/dossier-fixtures.ts'
import { controlSheet, trackingBookRow } from './registers.ts'

const story = () =>
  new Story()
    .submit('2026-11-02T20:00')
    .receive('2026-11-03T09:00')
    .do('2026-11-03T10:00', { action: 'transfer', actor: actors.counter })
    .do('2026-11-04T09:00', { action: 'appraise', actor: actors.specialist, outcome: 'approve', note: '' })
    .do('2026-11-04T14:00', { action: 'approve', actor: actors.leader })
    .do('2026-11-05T09:00', { action: 'issue', actor: actors.clerk, resultNumber: '3/GP' })
    .do('2026-11-05T10:00', { action: 'return-result', actor: actors.counter, method: 'counter' })

test('the control sheet (form 06) has one row per handover with giver, receiver and timeliness, from the events', () => {
  const rows = controlSheet(story().dossier)
  assert.deepEqual(
    rows.map((r) => [r.step, r.handedBy, r.receivedBy, r.timeliness]),
    [
      ['Tiếp nhận hồ sơ', 'Lê Thu Hà', 'Lê Thu Hà', 'on_time'],
      ['Thẩm định', 'Lê Thu Hà', 'Võ Đức Sơn', 'early'],
      ['Phê duyệt', 'Võ Đức Sơn', 'Huỳnh Quốc Nam', 'early'],
      ['Trả kết quả', 'Huỳnh Quốc Nam', 'Bùi Ngọc Yến', 'on_time'],
    ],
  )
})

test('the tracking book row (form 07) is derived from the events', () => {
  const row = trackingBookRow(story().dossier)
  assert.equal(row.code, '000.33.33.H34-261123-0001')
  assert.equal(row.receivedAt, at('2026-11-03T09:00'))
  assert.equal(row.sentToAgencyAt, at('2026-11-03T10:00'))
  assert.equal(row.resultReceivedAt, at('2026-11-05T09:00'))
  assert.equal(row.returnedAt, at('2026-11-05T10:00'))
  assert.equal(row.leadAgencyId, 'xa-22333')
})
