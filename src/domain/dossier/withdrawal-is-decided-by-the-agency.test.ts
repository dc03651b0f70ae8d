import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, Story } from '../../../test/support/dossier-fixtures.ts'
import { DossierStatus } from './status.ts'

// Circular 03/2025/TT-VPCP, form 05 (Thông báo dừng giải quyết hồ sơ): a stop at the applicant's
// request is the agency's decision, notified in writing. Before reception the agency holds nothing
// yet, so the applicant takes the dossier back at once (product rule, docs/rules.md).

const inProcessing = () =>
  new Story()
    .submit('2026-11-23T20:00')
    .receive('2026-11-24T09:00')
    .do('2026-11-24T10:00', { action: 'transfer', actor: actors.counter })

const code = (d: { ok: boolean; refusal?: { code: string } }) => (d.ok ? 'ok' : d.refusal?.code)

test('before reception the applicant withdraws at once: status 7, the clock ends', () => {
  const s = new Story().submit('2026-11-23T20:00')
  s.do('2026-11-24T08:00', { action: 'withdraw', actor: actors.applicant, reason: 'Nộp nhầm thủ tục' })
  assert.equal(s.dossier.status, DossierStatus.Withdrawn)
  assert.ok(s.dossier.endedAt)
})

test('after reception a withdrawal is only a request: the status and the clock go on until the agency decides', () => {
  const s = inProcessing()
  const direct = s.try('2026-11-25T09:00', { action: 'withdraw', actor: actors.applicant, reason: 'x' })
  assert.equal(code(direct), 'wrongStatus')
  s.do('2026-11-25T09:00', { action: 'request-withdrawal', actor: actors.applicant, reason: 'Không còn nhu cầu' })
  assert.equal(s.dossier.status, DossierStatus.Processing)
  assert.equal(s.dossier.endedAt, null)
  assert.equal(s.dossier.withdrawal?.reason, 'Không còn nhu cầu')
  assert.equal(s.dossier.withdrawal?.decidedAt, null)
  const again = s.try('2026-11-25T09:30', { action: 'request-withdrawal', actor: actors.applicant, reason: 'y' })
  assert.equal(code(again), 'withdrawalPending')
})

test('the leader of the processing agency decides; accepted, the dossier stops as withdrawn (status 7)', () => {
  const s = inProcessing().do('2026-11-25T09:00', {
    action: 'request-withdrawal',
    actor: actors.counter,
    reason: 'Người nộp đề nghị bằng văn bản',
  })
  for (const who of [actors.specialist, actors.counter, actors.applicant])
    assert.equal(
      code(s.try('2026-11-25T10:00', { action: 'decide-withdrawal', actor: who, accepted: true, note: '' })),
      'notAllowed',
      who.id,
    )
  s.do('2026-11-25T10:00', { action: 'decide-withdrawal', actor: actors.leader, accepted: true, note: '' })
  const d = s.dossier
  assert.equal(d.status, DossierStatus.Withdrawn)
  assert.ok(d.endedAt)
  assert.ok(d.steps.every((step) => step.endedAt !== null))
  assert.equal(d.closing?.reason, 'Người nộp đề nghị bằng văn bản')
  assert.equal(d.withdrawal?.accepted, true)
  assert.equal(d.withdrawal?.decidedBy, actors.leader.name)
})

test('a refusal must give its reason; refused, the dossier goes on and a new request may follow', () => {
  const s = inProcessing().do('2026-11-25T09:00', {
    action: 'request-withdrawal',
    actor: actors.applicant,
    reason: 'Không còn nhu cầu',
  })
  const bare = s.try('2026-11-25T10:00', {
    action: 'decide-withdrawal',
    actor: actors.leader,
    accepted: false,
    note: ' ',
  })
  assert.equal(code(bare), 'invalidInput')
  s.do('2026-11-25T10:00', {
    action: 'decide-withdrawal',
    actor: actors.leader,
    accepted: false,
    note: 'Nghĩa vụ tài chính đã phát sinh',
  })
  assert.equal(s.dossier.status, DossierStatus.Processing)
  assert.equal(s.dossier.withdrawal?.accepted, false)
  s.do('2026-11-26T09:00', { action: 'request-withdrawal', actor: actors.applicant, reason: 'Đề nghị lại' })
  assert.equal(s.dossier.withdrawal?.decidedAt, null)
})

test('nothing is decided without a request, and no request once the result is issued', () => {
  const s = inProcessing()
  const none = s.try('2026-11-25T10:00', {
    action: 'decide-withdrawal',
    actor: actors.leader,
    accepted: true,
    note: '',
  })
  assert.equal(code(none), 'noWithdrawalRequest')
  const other = s.try('2026-11-25T10:00', { action: 'request-withdrawal', actor: actors.otherApplicant, reason: 'x' })
  assert.equal(code(other), 'notAllowed')
})
