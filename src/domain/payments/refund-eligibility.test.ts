import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, Story } from '../../../test/support/dossier-fixtures.ts'
import { refundDue } from './refund-eligibility.ts'

const on = { refundOnWithdrawal: true }
const received = () => new Story().submit('2026-11-23T20:00').receive('2026-11-24T09:00')
const withdraw = { action: 'withdraw', actor: actors.applicant, reason: 'Không còn nhu cầu' } as const

test('a dossier withdrawn before its result is refunded', () => {
  assert.equal(refundDue(received().do('2026-11-25T10:00', withdraw).dossier, on), true)
})

test('refunds turned off by policy keep the fee', () => {
  assert.equal(refundDue(received().do('2026-11-25T10:00', withdraw).dossier, { refundOnWithdrawal: false }), false)
})

test('a dossier not withdrawn, or unknown, is not refunded', () => {
  assert.equal(refundDue(received().dossier, on), false)
  assert.equal(refundDue(null, on), false)
})
