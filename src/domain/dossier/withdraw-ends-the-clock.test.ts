import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, Story } from '../../../test/support/dossier-fixtures.ts'
import { DossierStatus } from './status.ts'

test('the applicant withdraws a dossier in processing: status 7, the clock ends, the step closes', () => {
  const story = new Story()
    .submit('2026-11-23T20:00')
    .receive('2026-11-24T09:00')
    .do('2026-11-24T10:00', { action: 'transfer', actor: actors.counter })
    .do('2026-11-25T10:00', { action: 'withdraw', actor: actors.applicant, reason: 'Không có nhu cầu' })
  const d = story.dossier
  assert.equal(d.status, DossierStatus.Withdrawn)
  assert.ok(d.endedAt)
  assert.ok(d.steps.every((s) => s.endedAt !== null))
  assert.equal(
    story.try('2026-11-25T11:00', { action: 'appraise', actor: actors.specialist, outcome: 'approve', note: '' }).ok,
    false,
  )
})

test('someone else’s dossier cannot be withdrawn, nor a finished one', () => {
  const story = new Story().submit('2026-11-23T20:00')
  assert.equal(
    story.try('2026-11-24T09:00', { action: 'withdraw', actor: actors.otherApplicant, reason: 'x' }).ok,
    false,
  )
  story.do('2026-11-24T09:00', { action: 'withdraw', actor: actors.applicant, reason: 'x' })
  assert.equal(story.try('2026-11-24T10:00', { action: 'withdraw', actor: actors.applicant, reason: 'x' }).ok, false)
})
