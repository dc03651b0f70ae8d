import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, at, context, Story } from '../../../test/support/dossier-fixtures.ts'
import { Action, availableActions, availableCommands, Capability, capabilities } from './permissions.ts'
import { QueueStatuses } from './queues.ts'
import { DossierStatus } from './status.ts'

const ctx = context(at('2026-11-26T10:00'))
const payable = () =>
  new Story()
    .submit('2026-11-23T20:00')
    .receive('2026-11-24T09:00')
    .do('2026-11-24T10:00', { action: 'transfer', actor: actors.counter })
    .do('2026-11-25T09:00', {
      action: 'require-payment',
      actor: actors.specialist,
      amountVnd: 50_000,
      reason: 'Lệ phí',
    })

test('pay-online is offered to the applicant only, while the payment asked is unpaid', () => {
  const s = payable()
  assert.equal(s.dossier.status, DossierStatus.PaymentRequired)
  assert.ok(availableActions(s.dossier, actors.applicant, ctx).includes(Action.PayOnline))
  assert.equal(capabilities[Capability.PayOnline](s.dossier, actors.counter)?.code, 'notAllowed')
  assert.equal(capabilities[Capability.PayOnline](s.dossier, actors.otherApplicant)?.code, 'notAllowed')
  s.do('2026-11-25T10:00', { action: 'record-payment', actor: actors.counter, amountVnd: 50_000, receipt: 'BL-1' })
  assert.equal(capabilities[Capability.PayOnline](s.dossier, actors.applicant)?.code, 'wrongStatus')
})

test('attach-file: the applicant and the receiving counter, until the dossier is finished', () => {
  const s = new Story().submit('2026-11-23T20:00')
  for (const who of [actors.applicant, actors.counter])
    assert.equal(capabilities[Capability.AttachFile](s.dossier, who), null, who.id)
  for (const who of [actors.otherApplicant, actors.otherCounter, actors.specialist])
    assert.equal(capabilities[Capability.AttachFile](s.dossier, who)?.code, 'notAllowed', who.id)
  s.do('2026-11-24T09:00', { action: 'withdraw', actor: actors.applicant, reason: '' })
  assert.equal(capabilities[Capability.AttachFile](s.dossier, actors.applicant)?.code, 'wrongStatus')
})

test('capabilities are offered but are not commands the engine runs', () => {
  const s = payable()
  const offered = availableActions(s.dossier, actors.applicant, ctx)
  assert.ok(offered.includes('pay-online') && offered.includes('attach-file'))
  const commands: readonly string[] = availableCommands(s.dossier, actors.applicant, ctx)
  assert.equal(commands.includes('pay-online') || commands.includes('attach-file'), false)
})

test('the counter’s queue holds submissions, received dossiers, awaited supplements and payments, and results', () => {
  assert.deepEqual(QueueStatuses.counter_officer, [1, 2, 5, 6, 9])
  for (const role of ['specialist', 'leader', 'clerk'] as const)
    assert.deepEqual(QueueStatuses[role], [DossierStatus.Processing])
})
