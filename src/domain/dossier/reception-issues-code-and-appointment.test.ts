import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, Story, terms } from '../../../test/support/dossier-fixtures.ts'
import { formatInstant } from '../calendar/local-time.ts'
import { Channel, DossierStatus } from './status.ts'

test('an online submission waits as status 1 without code or appointment', () => {
  const d = new Story().submit('2026-11-02T20:00').dossier
  assert.equal(d.status, DossierStatus.Submitted)
  assert.equal(d.code, null)
  assert.equal(d.appointmentAt, null)
})

test('reception issues the code and an appointment 10 working days later, from the processing agency’s calendar', () => {
  const d = new Story().submit('2026-11-02T20:00').receive('2026-11-03T09:00').dossier
  assert.equal(d.status, DossierStatus.Received)
  assert.equal(d.code, '000.33.33.H34-261123-0001')
  assert.equal(formatInstant(d.appointmentAt ?? 0), '2026-11-17T09:00:00+07:00')
  assert.equal(d.originalAppointmentAt, d.appointmentAt)
  assert.equal(d.processingAgencyId, 'xa-22333')
})

test('an online dossier uses the separate online limit when the procedure sets one', () => {
  const story = new Story(terms({ onlineTimeLimit: { unit: 'working_days', value: 5 } }))
  const d = story.submit('2026-11-02T20:00').receive('2026-11-03T09:00').dossier
  assert.equal(formatInstant(d.appointmentAt ?? 0), '2026-11-10T09:00:00+07:00')
})

test('after the 15:00 cut-off the limit counts from the next working day', () => {
  const story = new Story(terms({ cutoffMinute: 15 * 60, timeLimit: { unit: 'working_days', value: 1 } }))
  const d = story.submit('2026-11-02T20:00').receive('2026-11-03T15:10').dossier
  assert.equal(formatInstant(d.appointmentAt ?? 0), '2026-11-04T17:00:00+07:00')
})

test('a walk-in is received at the counter in one step: never a dossier without a receipt', () => {
  const story = new Story().submit('2026-11-03T09:00', Channel.InPerson)
  assert.deepEqual(
    story.events.map((e) => e.type),
    ['submitted', 'received'],
  )
  assert.equal(story.dossier.status, DossierStatus.Received)
})

test('a procedure with no fixed time limit gets no appointment', () => {
  const d = new Story(terms({ timeLimit: { unit: 'none' } }))
    .submit('2026-11-02T20:00')
    .receive('2026-11-03T09:00').dossier
  assert.equal(d.appointmentAt, null)
})

test('reception refused with reason and legal basis is status 3 and ends the dossier', () => {
  const story = new Story().submit('2026-11-02T20:00')
  assert.equal(
    story.try('2026-11-03T09:00', {
      action: 'reject-reception',
      actor: actors.counter,
      reason: 'Không thuộc thẩm quyền',
      legalBasis: '',
    }).ok,
    false,
  )
  story.do('2026-11-03T09:00', {
    action: 'reject-reception',
    actor: actors.counter,
    reason: 'Hồ sơ không đủ điều kiện',
    legalBasis: 'Khoản 2 Điều 9 Nghị định 118/2025/NĐ-CP',
  })
  assert.equal(story.dossier.status, DossierStatus.NotReceived)
  assert.ok(story.dossier.endedAt)
})

test('an incomplete online dossier gets one written supplement request at reception, then comes back to status 1', () => {
  const story = new Story().submit('2026-11-02T20:00')
  story.do('2026-11-03T09:00', {
    action: 'request-reception-supplement',
    actor: actors.counter,
    items: ['Bản sao giấy tờ tùy thân'],
    reason: 'Thiếu thành phần',
  })
  assert.equal(story.dossier.status, DossierStatus.SupplementRequested)
  story.do('2026-11-04T08:00', { action: 'receive-supplement', actor: actors.applicant, components: [] })
  assert.equal(story.dossier.status, DossierStatus.Submitted)
  const again = story.try('2026-11-04T09:00', {
    action: 'request-reception-supplement',
    actor: actors.counter,
    items: ['Giấy khác'],
    reason: 'Lần hai',
  })
  assert.equal(again.ok, false, 'the counter guides once, fully')
})

test('digitizing a paper component marks it digitized with its stored file', () => {
  const story = new Story().submit('2026-11-03T09:00', Channel.InPerson)
  story.do('2026-11-03T09:05', { action: 'digitize', actor: actors.counter, name: 'Tờ khai', fileRef: 'sha256:abc' })
  assert.deepEqual(story.dossier.components, [{ name: 'Tờ khai', fileRef: 'sha256:abc', digitized: true }])
  assert.equal(
    story.try('2026-11-03T09:06', { action: 'digitize', actor: actors.specialist, name: 'x', fileRef: 'y' }).ok,
    false,
  )
})

test('redirect hands an online dossier to another one-stop unit, which may then receive it', () => {
  const story = new Story().submit('2026-11-02T20:00')
  story.do('2026-11-03T09:00', {
    action: 'redirect',
    actor: actors.counter,
    toAgencyId: 'ttpvhcc-22366',
    reason: 'Đúng địa bàn',
  })
  assert.equal(story.try('2026-11-03T10:00', { action: 'receive', actor: actors.counter, code: 'x' }).ok, false)
  story.do('2026-11-03T10:00', { action: 'receive', actor: actors.otherCounter, code: 'y' })
  assert.equal(story.dossier.receivingAgencyId, 'ttpvhcc-22366')
})
