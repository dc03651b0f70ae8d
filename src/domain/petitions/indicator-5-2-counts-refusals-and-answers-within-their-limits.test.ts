import assert from 'node:assert/strict'
import { test } from 'node:test'
import { onTimeShare } from './indicators.ts'
import { calendar, iso, petitionOf } from './petition-fixtures.ts'

const assigned = { type: 'assigned', at: iso('2026-12-01T10:00:00+07:00'), actor: 'o', agencyId: 'xa-22333' } as const
const answered = (local: string) => ({ type: 'answered', at: iso(local), actor: 's', answer: 'Đã xử lý.' }) as const
const refused = (local: string) => ({ type: 'refused', at: iso(local), actor: 'o', reason: 'Là khiếu nại' }) as const

test('5.2 counts petitions refused within 2 working days, answered within 15, or open and not yet due, among those handled in the period (766 formula, indicator 5.2)', () => {
  const received = '2026-12-01T09:00:00+07:00'
  const petitions = [
    petitionOf(received, refused('2026-12-03T09:00:00+07:00')),
    petitionOf(received, refused('2026-12-03T10:00:00+07:00')),
    petitionOf(received, assigned, answered('2026-12-22T09:00:00+07:00')),
    petitionOf(received, assigned, answered('2026-12-22T09:30:00+07:00')),
    petitionOf(received, assigned),
    petitionOf('2026-12-25T09:00:00+07:00', { ...assigned, at: iso('2026-12-25T10:00:00+07:00') }),
  ]
  const period = { from: new Date('2026-12-01T00:00:00+07:00'), to: new Date('2027-01-01T00:00:00+07:00') }
  assert.deepEqual(
    onTimeShare(petitions, period, () => calendar),
    { numerator: 3, denominator: 6, percent: 50 },
  )
})
