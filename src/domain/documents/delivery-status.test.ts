import assert from 'node:assert/strict'
import { test } from 'node:test'
import { stepsOfIncoming, trailOf } from './delivery-status.ts'
import type { IncomingEvent } from './incoming.ts'

const at = (minute: number) => `2026-12-03T02:${String(minute).padStart(2, '0')}:00.000Z`

test('a recipient’s done and answered steps show once as 06, after its opinions’ single 05, without its notes', () => {
  const events = [
    { type: 'assigned', at: at(1), actor: 'u', handlerId: 'h', dueOn: null, opinion: 'Giao xử lý' },
    { type: 'opinion-added', at: at(2), actor: 'h', text: 'Đang tham mưu' },
    { type: 'opinion-added', at: at(3), actor: 'h', text: 'Đã xin ý kiến' },
    { type: 'done', at: at(4), actor: 'h', note: 'Đã trả lời' },
    { type: 'answered', at: at(5), actor: 'h', replyId: 'r' },
  ] as IncomingEvent[]
  assert.deepEqual(
    stepsOfIncoming(events).map((s) => [s.code, s.description]),
    [
      ['04', ''],
      ['05', ''],
      ['06', ''],
    ],
  )
})

test('statuses reported out of order are shown in the order they were taken', () => {
  const steps = trailOf([
    { code: '03', at: at(5), description: '' },
    { code: '01', at: at(1), description: '' },
  ])
  assert.deepEqual(
    steps.map((s) => s.code),
    ['01', '03'],
  )
})
