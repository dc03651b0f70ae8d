import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, Story, terms } from '../../../test/support/dossier-fixtures.ts'
import { formatInstant } from '../calendar/local-time.ts'
import { stepTimeliness } from './deadlines.ts'

test('each agency of an inter-agency dossier gets its own step budget, and the lead resumes with what is left', () => {
  const story = new Story(terms({ coordination: true }))
    .submit('2026-11-02T20:00')
    .receive('2026-11-03T09:00')
    .do('2026-11-03T10:00', { action: 'transfer', actor: actors.counter })
  const appraisal = story.dossier.steps.at(-1)
  assert.equal(formatInstant(appraisal?.dueAt ?? 0), '2026-11-09T10:00:00+07:00')
  story.do('2026-11-04T10:00', {
    action: 'transfer-to-agency',
    actor: actors.specialist,
    toAgencyId: 'thue-tinh',
    reason: 'Xác định nghĩa vụ tài chính',
  })
  const coordination = story.dossier.steps.at(-1)
  assert.equal(coordination?.agencyId, 'thue-tinh')
  assert.equal(formatInstant(coordination?.dueAt ?? 0), '2026-11-06T16:00:00+07:00')
  assert.equal(story.dossier.holderAgencyId, 'thue-tinh')
  story.do('2026-11-05T10:00', { action: 'return-from-agency', actor: actors.taxOfficer, note: 'Đã xác định' })
  const resumed = story.dossier.steps.at(-1)
  assert.equal(resumed?.phase, 'appraisal')
  // 32 h of appraisal, 8 used before the hand-over: 24 h left from Thursday 10:00.
  assert.equal(formatInstant(resumed?.dueAt ?? 0), '2026-11-10T10:00:00+07:00')
  assert.equal(story.dossier.steps[2] && stepTimeliness(story.dossier.steps[2]), 'early')
})

test('only the coordinating agency hands the dossier back, and the lead cannot pass it to itself', () => {
  const story = new Story(terms({ coordination: true }))
    .submit('2026-11-02T20:00')
    .receive('2026-11-03T09:00')
    .do('2026-11-03T10:00', { action: 'transfer', actor: actors.counter })
  const self = story.try('2026-11-04T10:00', {
    action: 'transfer-to-agency',
    actor: actors.specialist,
    toAgencyId: 'xa-22333',
    reason: 'x',
  })
  assert.equal(self.ok ? '' : self.refusal.code, 'sameAgency')
  story.do('2026-11-04T10:00', {
    action: 'transfer-to-agency',
    actor: actors.specialist,
    toAgencyId: 'thue-tinh',
    reason: 'x',
  })
  assert.equal(
    story.try('2026-11-05T10:00', { action: 'return-from-agency', actor: actors.specialist, note: '' }).ok,
    false,
  )
})
