import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, at, context, fixtureCalendar, Story } from '../../../test/support/dossier-fixtures.ts'
import { dossierTimeliness, stepTimeliness, timelinessOf } from './deadlines.ts'
import { availableActions } from './permissions.ts'
import { DossierStatus } from './status.ts'

const story = () =>
  new Story()
    .submit('2026-11-02T20:00')
    .receive('2026-11-03T09:00')
    .do('2026-11-03T10:00', { action: 'transfer', actor: actors.counter })
    .do('2026-11-03T11:00', {
      action: 'assign',
      actor: actors.leader,
      assigneeId: actors.specialist.id,
      assigneeName: actors.specialist.name,
    })

test('submit → receive → transfer → assign → appraise → approve → issue → return → rate', () => {
  const s = story()
    .do('2026-11-05T09:00', { action: 'appraise', actor: actors.specialist, outcome: 'approve', note: 'Đủ điều kiện' })
    .do('2026-11-05T14:00', { action: 'approve', actor: actors.leader })
    .do('2026-11-06T09:00', { action: 'issue', actor: actors.clerk, resultNumber: '15/GPXD' })
  assert.equal(s.dossier.status, DossierStatus.Done)
  s.do('2026-11-06T10:00', { action: 'return-result', actor: actors.counter, method: 'counter' })
  assert.equal(s.dossier.status, DossierStatus.Returned)
  s.do('2026-11-06T11:00', { action: 'rate', actor: actors.applicant, satisfaction: 'very_satisfied', comment: '' })
  assert.equal(
    s.try('2026-11-06T12:00', { action: 'rate', actor: actors.applicant, satisfaction: 'satisfied', comment: '' }).ok,
    false,
  )
  assert.equal(dossierTimeliness({ calendar: () => fixtureCalendar }, s.dossier), 'early')
  assert.deepEqual(
    s.dossier.steps.map((x) => [x.phase, stepTimeliness(x)]),
    [
      ['reception', 'on_time'],
      ['appraisal', 'early'],
      ['approval', 'early'],
      ['issue', 'on_time'],
    ],
  )
})

test('a negative appraisal cannot be approved; the leader stops the dossier with reason and legal basis', () => {
  const s = story().do('2026-11-05T09:00', {
    action: 'appraise',
    actor: actors.specialist,
    outcome: 'refuse',
    note: 'Không đủ điều kiện',
  })
  const approve = s.try('2026-11-05T14:00', { action: 'approve', actor: actors.leader })
  assert.equal(approve.ok ? '' : approve.refusal.code, 'appraisalRefused')
  s.do('2026-11-05T14:00', {
    action: 'stop',
    actor: actors.leader,
    reason: 'Không đủ điều kiện cấp phép',
    legalBasis: 'Điều 41 Luật Xây dựng',
  })
  assert.equal(s.dossier.status, DossierStatus.Stopped)
})

test('only the assigned specialist appraises', () => {
  const refused = story().try('2026-11-05T09:00', {
    action: 'appraise',
    actor: actors.otherSpecialist,
    outcome: 'approve',
    note: '',
  })
  assert.equal(refused.ok ? '' : refused.refusal.code, 'notAssignee')
})

test('a fee known after appraisal: status 6 until the counter records the same amount', () => {
  const s = story().do('2026-11-04T09:00', {
    action: 'require-payment',
    actor: actors.specialist,
    amountVnd: 150_000,
    reason: 'Lệ phí',
  })
  assert.equal(s.dossier.status, DossierStatus.PaymentRequired)
  assert.equal(
    s.try('2026-11-04T10:00', { action: 'record-payment', actor: actors.counter, amountVnd: 100_000, receipt: 'BL1' })
      .ok,
    false,
  )
  s.do('2026-11-04T10:00', { action: 'record-payment', actor: actors.counter, amountVnd: 150_000, receipt: 'BL1' })
  assert.equal(s.dossier.status, DossierStatus.Processing)
})

test('a late warning is raised within one working day of the appointment, once', () => {
  const s = story()
  const warn = { action: 'warn-late', actor: actors.system } as const
  const early = s.try('2026-11-13T09:00', warn)
  assert.equal(early.ok ? '' : early.refusal.code, 'tooEarlyToWarn')
  s.do('2026-11-16T09:30', warn)
  assert.ok(s.dossier.lateWarningAt)
  const again = s.try('2026-11-16T10:00', warn)
  assert.equal(again.ok ? '' : again.refusal.code, 'alreadyWarned')
})

test('available actions depend on role, agency and status', () => {
  const s = story()
  const ctx = context(at('2026-11-04T09:00'))
  assert.deepEqual(
    availableActions(s.dossier, actors.specialist, ctx),
    ['appraise', 'request-supplement', 'require-payment', 'transfer-to-agency', 'withdraw'].filter(
      (a) => a !== 'withdraw',
    ),
  )
  assert.deepEqual(availableActions(s.dossier, actors.counter, ctx), ['digitize', 'request-withdrawal', 'attach-file'])
  assert.deepEqual(availableActions(s.dossier, actors.applicant, ctx), ['request-withdrawal', 'attach-file'])
  assert.deepEqual(availableActions(s.dossier, actors.leader, ctx), [
    'assign',
    'request-supplement',
    'transfer-to-agency',
    'stop',
    'issue-apology',
  ])
  assert.deepEqual(availableActions(s.dossier, actors.otherCounter, ctx), [])
})

test('timeliness: late after the due instant, early on an earlier day, on time the same day', () => {
  assert.equal(timelinessOf(at('2026-11-17T09:01'), at('2026-11-17T09:00')), 'late')
  assert.equal(timelinessOf(at('2026-11-17T08:00'), at('2026-11-17T09:00')), 'on_time')
  assert.equal(timelinessOf(at('2026-11-16T16:00'), at('2026-11-17T09:00')), 'early')
})
