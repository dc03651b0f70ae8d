import assert from 'node:assert/strict'
import { test } from 'node:test'
import { answerDueAt } from './handling-limits.ts'
import { calendar, iso, petitionOf } from './petition-fixtures.ts'

test('the 15 working days to answer count from the supplement’s arrival (Decree 20/2008 Art. 9, 14)', () => {
  const p = petitionOf(
    '2026-11-27T09:00:00+07:00',
    { type: 'supplement-requested', at: iso('2026-11-30T09:00:00+07:00'), actor: 'o', items: 'Số hồ sơ' },
    {
      type: 'supplemented',
      at: iso('2026-12-02T14:00:00+07:00'),
      actor: 'citizen-1',
      content: 'Số hồ sơ: 000.00.22.H56-261120-0001',
    },
  )
  assert.equal(p.status, 'received')
  assert.equal(answerDueAt(calendar, p), iso('2026-12-23T14:00:00+07:00'))
})
