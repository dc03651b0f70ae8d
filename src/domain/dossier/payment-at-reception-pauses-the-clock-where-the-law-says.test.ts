import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, Story, terms } from '../../../test/support/dossier-fixtures.ts'
import { DossierStatus } from './status.ts'

// Decree 118/2025/NĐ-CP: a financial obligation known at reception (a fixed fee) may be asked by the
// counter at once; where the procedure's own law says so, the time limit does not run while the
// obligation is awaited (a setting of the procedure version: paymentPausesClock).

const receivedWith = (paymentPausesClock: boolean) =>
  new Story(terms({ paymentPausesClock })).submit('2026-11-02T20:00').receive('2026-11-03T09:00')

test('the counter asks the fee at reception; paid, the dossier is back at reception and can be transferred', () => {
  const s = receivedWith(false).do('2026-11-03T09:10', {
    action: 'require-payment',
    actor: actors.counter,
    amountVnd: 50_000,
    reason: 'Lệ phí đăng ký',
  })
  assert.equal(s.dossier.status, DossierStatus.PaymentRequired)
  const due = s.dossier.appointmentAt
  s.do('2026-11-05T09:10', { action: 'record-payment', actor: actors.counter, amountVnd: 50_000, receipt: 'BL-1' })
  assert.equal(s.dossier.status, DossierStatus.Received)
  assert.equal(s.dossier.appointmentAt, due, 'no pause: the appointment stands')
  s.do('2026-11-05T09:20', { action: 'transfer', actor: actors.counter })
  assert.equal(s.dossier.status, DossierStatus.Processing)
})

test('where the law pauses the clock, the appointment moves by the office time the payment was awaited', () => {
  const s = receivedWith(true).do('2026-11-03T09:10', {
    action: 'require-payment',
    actor: actors.counter,
    amountVnd: 50_000,
    reason: 'Lệ phí đăng ký',
  })
  const due = s.dossier.appointmentAt
  assert.ok(due)
  // Two working days (16 office hours) awaited.
  s.do('2026-11-05T09:10', { action: 'record-payment', actor: actors.counter, amountVnd: 50_000, receipt: 'BL-1' })
  assert.equal(s.dossier.pausedMinutes, 16 * 60)
  assert.ok((s.dossier.appointmentAt ?? 0) > due)
})

test('the counter cannot ask again once a payment was asked, nor anyone but the receiving counter at reception', () => {
  const s = receivedWith(false)
  const specialist = s.try('2026-11-03T09:10', {
    action: 'require-payment',
    actor: actors.specialist,
    amountVnd: 50_000,
    reason: 'Lệ phí',
  })
  assert.equal(specialist.ok ? 'ok' : specialist.refusal.code, 'notAllowed')
})
