import assert from 'node:assert/strict'
import { test } from 'node:test'
import { facts } from '../../../test/support/kpi-facts.ts'
import { contributions } from './counters.ts'

// Mô tả công thức tính chỉ số 766, 1.4: synced dossiers received in the period ÷ dossiers received.
// Product rule (rules.md "Decision 766 index"): only motcua's own dossiers have a sync record.
const counted = (o: Parameters<typeof facts>[1]) =>
  contributions(facts('S1', o))
    .filter((c) => c.column === 'sync_due' || c.column === 'portal_synced')
    .map((c) => c.column)

test('1.4 counts motcua’s own dossiers, and among them those the national portal acknowledged', () => {
  const received = '2026-11-02T09:00'
  assert.deepEqual(counted({ received, origin: 'motcua' }), ['sync_due'])
  assert.deepEqual(counted({ received, origin: 'motcua', portalSynced: true }), ['sync_due', 'portal_synced'])
  assert.deepEqual(counted({ received, origin: 'import', portalSynced: true }), [], 'no sync record for history')
})
