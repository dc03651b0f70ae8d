import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, Story } from '../../../test/support/dossier-fixtures.ts'
import { formatInstant } from '../calendar/local-time.ts'
import { DossierStatus } from './status.ts'

const processing = () =>
  new Story()
    .submit('2026-11-02T20:00')
    .receive('2026-11-03T09:00')
    .do('2026-11-03T10:00', { action: 'transfer', actor: actors.counter })

test('a supplement pauses the clock and shifts the appointment by the paused office time', () => {
  const story = processing()
  const before = story.dossier.appointmentAt
  story.do('2026-11-04T09:00', {
    action: 'request-supplement',
    actor: actors.specialist,
    items: ['Bản vẽ'],
    reason: 'Thiếu bản vẽ',
    exception: null,
  })
  assert.equal(story.dossier.status, DossierStatus.SupplementRequested)
  // Wednesday 09:00 → Friday 11:00: 8 + 8 + 2 = 18 office hours paused.
  story.do('2026-11-06T11:00', { action: 'receive-supplement', actor: actors.counter, components: [] })
  const d = story.dossier
  assert.equal(d.status, DossierStatus.Processing)
  assert.equal(d.pausedMinutes, 18 * 60)
  assert.equal(formatInstant(before ?? 0), '2026-11-17T09:00:00+07:00')
  assert.equal(formatInstant(d.appointmentAt ?? 0), '2026-11-19T11:00:00+07:00')
  assert.equal(d.originalAppointmentAt, before, 'the original appointment is kept')
})

test('the current step’s due time moves with the pause too', () => {
  const story = processing()
  const due = story.dossier.steps.at(-1)?.dueAt
  story.do('2026-11-04T09:00', {
    action: 'request-supplement',
    actor: actors.specialist,
    items: ['x'],
    reason: 'y',
    exception: null,
  })
  story.do('2026-11-04T10:00', { action: 'receive-supplement', actor: actors.counter, components: [] })
  assert.equal(story.dossier.steps.at(-1)?.dueAt, (due ?? 0) + 60 * 60_000)
})

test('nobody but the applicant or the receiving counter may hand in the supplement', () => {
  const story = processing()
  story.do('2026-11-04T09:00', {
    action: 'request-supplement',
    actor: actors.specialist,
    items: ['x'],
    reason: 'y',
    exception: null,
  })
  for (const actor of [actors.otherApplicant, actors.specialist, actors.otherCounter])
    assert.equal(
      story.try('2026-11-04T10:00', { action: 'receive-supplement', actor, components: [] }).ok,
      false,
      actor.id,
    )
})

test('when the supplement time limit passes, the system may stop the dossier; not before', () => {
  const story = processing()
  story.do('2026-11-04T09:00', {
    action: 'request-supplement',
    actor: actors.specialist,
    items: ['x'],
    reason: 'y',
    exception: null,
  })
  const stop = {
    action: 'stop',
    actor: actors.system,
    reason: 'Quá hạn bổ sung',
    legalBasis: 'Nghị định 118/2025/NĐ-CP',
  } as const
  assert.equal(story.try('2026-11-10T09:00', stop).ok, false)
  story.do('2027-01-12T09:00', stop)
  assert.equal(story.dossier.status, DossierStatus.Stopped)
})
