import assert from 'node:assert/strict'
import { test } from 'node:test'
import { classifiedShare } from './indicators.ts'
import { iso, petitionOf } from './petition-fixtures.ts'

test('5.1 is the share of the period’s petitions classified by content (Decree 20/2008 Art. 5; 766 indicator 5.1)', () => {
  const classified = petitionOf('2026-12-01T09:00:00+07:00')
  const unclassified = { ...petitionOf('2026-12-02T09:00:00+07:00'), category: null }
  const classifiedLater = petitionOf('2026-12-02T09:00:00+07:00', {
    type: 'classified',
    at: iso('2026-12-02T10:00:00+07:00'),
    actor: 'o',
    category: 'regulation',
  })
  const period = { from: new Date('2026-12-01T00:00:00+07:00'), to: new Date('2027-01-01T00:00:00+07:00') }
  assert.deepEqual(classifiedShare([classified, unclassified, classifiedLater], period), {
    numerator: 2,
    denominator: 3,
    percent: 66.67,
  })
})
