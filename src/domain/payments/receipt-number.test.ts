import assert from 'node:assert/strict'
import { test } from 'node:test'
import { receiptNumber } from './receipt-number.ts'

test('a receipt number carries the year and six digits of the sequence', () => {
  assert.equal(receiptNumber(42, new Date('2026-11-26T03:00:00Z')), 'BLDT-2026-000042')
})

test('the year is Vietnam’s: 31 December 18:00 UTC is already the new year', () => {
  assert.equal(receiptNumber(1, new Date('2026-12-31T18:00:00Z')), 'BLDT-2027-000001')
  assert.equal(receiptNumber(1, new Date('2026-12-31T16:59:59Z')), 'BLDT-2026-000001')
})
