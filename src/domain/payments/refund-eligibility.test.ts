import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, Story } from '../../../test/support/dossier-fixtures.ts'
import { refundDue } from './refund-eligibility.ts'

const on = { refundOnWithdrawal: true }
const received = () => new Story().submit('2026-11-23T20:00').receive('2026-11-24T09:00')
/** After reception: asked by the applicant, accepted by the leader (Circular 03/2025/TT-VPCP, form 05). */
const withdrawn = () =>
  received()
    .do('2026-11-25T09:00', { action: 'request-withdrawal', actor: actors.applicant, reason: 'Không còn nhu cầu' })
    .do('2026-11-25T10:00', { action: 'decide-withdrawal', actor: actors.leader, accepted: true, note: '' })

test('a dossier withdrawn before its result is refunded', () => {
  assert.equal(refundDue(withdrawn().dossier, on), true)
})

test('refunds turned off by policy keep the fee', () => {
  assert.equal(refundDue(withdrawn().dossier, { refundOnWithdrawal: false }), false)
})

test('a dossier not withdrawn, or unknown, is not refunded', () => {
  assert.equal(refundDue(received().dossier, on), false)
  const refused = received()
    .do('2026-11-25T09:00', { action: 'request-withdrawal', actor: actors.applicant, reason: 'Không còn nhu cầu' })
    .do('2026-11-25T10:00', {
      action: 'decide-withdrawal',
      actor: actors.leader,
      accepted: false,
      note: 'Đã có kết quả',
    })
  assert.equal(refundDue(refused.dossier, on), false)
  assert.equal(refundDue(null, on), false)
})
