import assert from 'node:assert/strict'
import { test } from 'node:test'
import { answerDueAt } from './handling-limits.ts'
import { handledOnTime } from './indicators.ts'
import { calendar, iso, petitionOf } from './petition-fixtures.ts'

const assigned = { type: 'assigned', at: iso('2026-11-27T10:00:00+07:00'), actor: 'o', agencyId: 'xa-22333' } as const
const answeredAt = (local: string) => ({ type: 'answered', at: iso(local), actor: 'o', answer: 'Đã xử lý.' }) as const

test('the answer is due 15 working days after reception, weekends skipped (Decree 20/2008 Art. 14; 766 formula 5.2)', () => {
  const p = petitionOf('2026-11-27T09:00:00+07:00', assigned)
  assert.equal(answerDueAt(calendar, p), iso('2026-12-18T09:00:00+07:00'))
  assert.equal(
    handledOnTime(calendar, petitionOf('2026-11-27T09:00:00+07:00', assigned, answeredAt('2026-12-18T09:00:00+07:00'))),
    true,
  )
  assert.equal(
    handledOnTime(calendar, petitionOf('2026-11-27T09:00:00+07:00', assigned, answeredAt('2026-12-18T10:00:00+07:00'))),
    false,
  )
})
