import assert from 'node:assert/strict'
import { test } from 'node:test'
import { iso, petitionOf } from './petition-fixtures.ts'

const assigned = { type: 'assigned', at: iso('2026-11-27T10:00:00+07:00'), actor: 'o', agencyId: 'xa-22333' } as const
const answered = { type: 'answered', at: iso('2026-12-01T10:00:00+07:00'), actor: 's', answer: 'Đã xử lý.' } as const
const consent = (consent: boolean, local: string) =>
  ({ type: 'publication-consent', at: iso(local), actor: 'citizen-1', consent }) as const

test('an answer is public only while the petitioner consents (Decree 20/2008 Art. 19, product rule)', () => {
  assert.equal(petitionOf('2026-11-27T09:00:00+07:00', assigned, answered).publishedAt, null)
  const later = petitionOf('2026-11-27T09:00:00+07:00', assigned, answered, consent(true, '2026-12-02T08:00:00+07:00'))
  assert.equal(later.publishedAt, iso('2026-12-02T08:00:00+07:00'))
  const before = petitionOf('2026-11-27T09:00:00+07:00', consent(true, '2026-11-27T09:30:00+07:00'), assigned, answered)
  assert.equal(before.publishedAt, answered.at)
  const withdrawn = petitionOf(
    '2026-11-27T09:00:00+07:00',
    assigned,
    answered,
    consent(true, '2026-12-02T08:00:00+07:00'),
    consent(false, '2026-12-03T08:00:00+07:00'),
  )
  assert.equal(withdrawn.publishedAt, null)
})
