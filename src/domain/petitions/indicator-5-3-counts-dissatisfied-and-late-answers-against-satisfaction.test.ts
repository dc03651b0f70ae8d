import assert from 'node:assert/strict'
import { test } from 'node:test'
import { petitionIndicators } from './indicators.ts'
import { calendar, iso, petitionOf } from './petition-fixtures.ts'

const assigned = { type: 'assigned', at: iso('2026-12-01T10:00:00+07:00'), actor: 'o', agencyId: 'xa-22333' } as const
const answered = (local: string) => ({ type: 'answered', at: iso(local), actor: 's', answer: 'Đã xử lý.' }) as const
const rated = (satisfied: boolean) =>
  ({ type: 'rated', at: iso('2026-12-30T10:00:00+07:00'), actor: 'c', satisfied }) as const

test('5.3 is the petitions received in the period less the dissatisfied and the late ones (Decision 766 formula, indicator 5.3)', () => {
  const received = '2026-12-01T09:00:00+07:00'
  const petitions = [
    petitionOf(received, assigned, answered('2026-12-04T09:00:00+07:00'), rated(true)),
    petitionOf(received, assigned, answered('2026-12-04T09:00:00+07:00'), rated(false)),
    petitionOf(received, assigned, answered('2026-12-29T09:00:00+07:00')),
    petitionOf(received, assigned, answered('2026-12-05T09:00:00+07:00')),
    petitionOf(received, {
      type: 'refused',
      at: iso('2026-12-02T09:00:00+07:00'),
      actor: 'o',
      reason: 'Khiếu nại, không phải PAKN',
    }),
  ]
  const period = { from: new Date('2026-12-01T00:00:00+07:00'), to: new Date('2027-01-01T00:00:00+07:00') }
  const figures = petitionIndicators(petitions, period, () => calendar, [])
  assert.deepEqual(figures['5.3'], { numerator: 3, denominator: 5, percent: 60 })
})
