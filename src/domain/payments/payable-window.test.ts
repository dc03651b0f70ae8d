import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, Story } from '../../../test/support/dossier-fixtures.ts'
import { awaitedFee, payableWindow } from './payable-window.ts'

const askedToPay = () =>
  new Story()
    .submit('2026-11-23T20:00')
    .receive('2026-11-24T09:00')
    .do('2026-11-24T10:00', { action: 'transfer', actor: actors.counter })
    .do('2026-11-24T11:00', {
      action: 'require-payment',
      actor: actors.specialist,
      amountVnd: 100_000,
      reason: 'Lệ phí',
    })

test('a payment request is payable for fifteen minutes', () => {
  const now = new Date('2026-11-26T03:00:00Z')
  assert.deepEqual(payableWindow(now), { createdAt: now, expiresAt: new Date('2026-11-26T03:15:00Z') })
})

test('a dossier asked to pay awaits the amount the specialist required', () => {
  assert.deepEqual(awaitedFee(askedToPay().dossier), { amountVnd: 100_000 })
})

test('a dossier in processing awaits no fee', () => {
  const story = new Story()
    .submit('2026-11-23T20:00')
    .receive('2026-11-24T09:00')
    .do('2026-11-24T10:00', { action: 'transfer', actor: actors.counter })
  assert.equal(awaitedFee(story.dossier), null)
})

test('once the payment is recorded the dossier awaits no fee', () => {
  const story = askedToPay().do('2026-11-24T12:00', {
    action: 'record-payment',
    actor: actors.counter,
    amountVnd: 100_000,
    receipt: 'BL-1',
  })
  assert.equal(awaitedFee(story.dossier), null)
})
