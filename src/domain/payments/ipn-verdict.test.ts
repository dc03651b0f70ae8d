import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type CallbackCheck, type HeldPayment, IpnVerdict, ipnVerdict } from './ipn-verdict.ts'

const paid: CallbackCheck = { ok: true, amountVnd: 100_000, currency: null, succeeded: true }
const pending: HeldPayment = { amountVnd: 100_000, currency: 'VND', state: 'pending' }

test('a verified success for a pending payment of that amount is confirmed', () => {
  assert.equal(ipnVerdict(paid, pending), IpnVerdict.Confirmed)
})

test('a verified failure for a pending payment is recorded as failed', () => {
  assert.equal(ipnVerdict({ ...paid, succeeded: false }, pending), IpnVerdict.Failed)
})

test('a bad signature wins over everything, even an unknown reference', () => {
  assert.equal(ipnVerdict({ ok: false, reason: 'invalid-signature' }, null), IpnVerdict.InvalidSignature)
  assert.equal(ipnVerdict({ ok: false, reason: 'malformed' }, pending), IpnVerdict.Malformed)
})

test('an unknown reference is not found before its amount is looked at', () => {
  assert.equal(ipnVerdict({ ...paid, amountVnd: 1 }, null), IpnVerdict.NotFound)
})

test('another amount or currency is refused before a settled payment is reported', () => {
  const settled: HeldPayment = { ...pending, state: 'paid' }
  assert.equal(ipnVerdict({ ...paid, amountVnd: 10_000 }, settled), IpnVerdict.InvalidAmount)
  assert.equal(ipnVerdict({ ...paid, currency: 'USD' }, pending), IpnVerdict.InvalidAmount)
})

test('a callback without a currency is taken as the order’s VND', () => {
  assert.equal(ipnVerdict({ ...paid, currency: 'VND' }, pending), IpnVerdict.Confirmed)
})

test('a payment already settled, paid, failed or refunded, is never settled again', () => {
  for (const state of ['paid', 'failed', 'refunded'] as const)
    assert.equal(ipnVerdict(paid, { ...pending, state }), IpnVerdict.AlreadyConfirmed, state)
})
