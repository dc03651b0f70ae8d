import assert from 'node:assert/strict'
import { test } from 'node:test'
import { petitionIndicators } from './indicators.ts'
import type { Petition } from './petition.ts'
import { calendar, iso, petitionOf } from './petition-fixtures.ts'

const assigned = { type: 'assigned', at: iso('2026-12-01T10:00:00+07:00'), actor: 'o', agencyId: 'xa-22333' } as const
const answered = (local: string) => ({ type: 'answered', at: iso(local), actor: 's', answer: 'Đã xử lý.' }) as const
const satisfied = { type: 'rated', at: iso('2026-12-08T10:00:00+07:00'), actor: 'c', satisfied: true } as const
const coded = (code: string, p: Petition): Petition => ({ ...p, code })
const settled = (code: string) =>
  coded(code, petitionOf('2026-12-01T09:00:00+07:00', assigned, answered('2026-12-04T09:00:00+07:00'), satisfied))
const period = { from: new Date('2026-12-01T00:00:00+07:00'), to: new Date('2027-01-01T00:00:00+07:00') }

test('5.3 counts an answered petition followed up about its answer before the period ends against satisfaction, once (Decision 766 formula, indicator 5.3)', () => {
  // A, B, C, D: answered on time and rated satisfied. A is followed up in the period (by Q), B only
  // after it, C twice (once from another agency's petition, not in this list); D never.
  const followUp = {
    ...coded('PAKN.20261220.0001', petitionOf('2026-12-20T09:00:00+07:00', answered('2026-12-22T09:00:00+07:00'))),
    followsUp: 'PAKN.20261201.0001',
  }
  const petitions = [
    settled('PAKN.20261201.0001'),
    settled('PAKN.20261201.0002'),
    settled('PAKN.20261201.0003'),
    settled('PAKN.20261201.0004'),
    followUp,
  ]
  const followUps = [
    { followsUp: 'PAKN.20261201.0001', receivedAt: followUp.receivedAt },
    { followsUp: 'PAKN.20261201.0002', receivedAt: iso('2027-01-05T09:00:00+07:00') },
    { followsUp: 'PAKN.20261201.0003', receivedAt: iso('2026-12-10T09:00:00+07:00') },
    { followsUp: 'PAKN.20261201.0003', receivedAt: iso('2026-12-11T09:00:00+07:00') },
  ]
  // Received in the period: A, B, C, D and Q = 5; against satisfaction: A and C = 2; (5 − 2) ÷ 5 = 60 %.
  assert.deepEqual(petitionIndicators(petitions, period, () => calendar, followUps)['5.3'], {
    numerator: 3,
    denominator: 5,
    percent: 60,
  })
})
