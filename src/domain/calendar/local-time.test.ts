import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatInstant, isoDate, localDate, parseInstant, parseIsoDate } from './local-time.ts'

test('ISO dates round-trip and impossible dates are refused', () => {
  assert.equal(isoDate(parseIsoDate('2024-02-29') ?? 0), '2024-02-29')
  assert.equal(parseIsoDate('2025-02-29'), null)
  assert.equal(parseIsoDate('2025-13-01'), null)
})

test('an instant after 17:00 UTC is already the next day in Vietnam', () => {
  assert.equal(localDate(new Date('2026-01-31T17:00:00Z')), '2026-02-01')
  assert.equal(localDate(new Date('2026-01-31T16:59:59Z')), '2026-01-31')
})

test('instants parse with Z, an offset, or none (Vietnam time) and print with +07:00', () => {
  const expected = '2026-11-23T09:00:00+07:00'
  for (const text of [
    '2026-11-23T02:00:00Z',
    '2026-11-23T09:00:00+07:00',
    '2026-11-23T09:00',
    '2026-11-22T21:00:00-05:00',
  ])
    assert.equal(formatInstant(parseInstant(text) ?? 0), expected, text)
  assert.equal(parseInstant('2026-11-23T24:00'), null)
  assert.equal(parseInstant('tomorrow'), null)
})
