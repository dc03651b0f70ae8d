import assert from 'node:assert/strict'
import { test } from 'node:test'
import { localDate } from './local-date.ts'

test('an instant after 17:00 UTC is already the next day in Vietnam', () => {
  assert.equal(localDate(new Date('2026-01-31T17:00:00Z')), '2026-02-01')
  assert.equal(localDate(new Date('2026-01-31T16:59:59Z')), '2026-01-31')
})
