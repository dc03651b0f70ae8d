import assert from 'node:assert/strict'
import { test } from 'node:test'
import { payableWindow } from './payable-window.ts'

test('a payment request is payable for fifteen minutes', () => {
  const now = new Date('2026-11-26T03:00:00Z')
  assert.deepEqual(payableWindow(now), { createdAt: now, expiresAt: new Date('2026-11-26T03:15:00Z') })
})
