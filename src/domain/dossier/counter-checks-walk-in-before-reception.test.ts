import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, applicant, at, context, Story, terms } from '../../../test/support/dossier-fixtures.ts'
import type { Creation } from './commands.ts'
import { create } from './decide.ts'
import { applyEvent, type Dossier } from './state.ts'
import { Channel, DossierStatus } from './status.ts'

// Decree 118/2025/NĐ-CP (one-stop mechanism; Decree 61/2018 Art. 15(2) before it): the counter checks
// every dossier it is handed, in person or by post, before receiving it — complete: received with a
// code and receipt (form 01); incomplete: guided once, fully, in writing (form 02); not receivable:
// refused with reason and legal basis (form 03); not the unit's: redirected to the competent one.

const registration = (channel: Channel): Creation => ({
  action: 'register-at-counter',
  actor: actors.counter,
  channel,
  applicant,
  procedure: { code: terms().code, version: terms().version },
  receivingAgencyId: 'ttpvhcc-22333',
  components: [{ name: 'Tờ khai', fileRef: null, digitized: false }],
})

function registered(channel: Channel = Channel.InPerson): Story {
  const story = new Story()
  const decision = create(registration(channel), context(at('2026-11-24T08:30')))
  assert.ok(decision.ok)
  for (const e of decision.events) {
    story.events.push(e)
    story.state = applyEvent(story.state, e)
  }
  return story
}

test('a walk-in or postal dossier registered for checking waits at status 1 without a code', () => {
  for (const channel of [Channel.InPerson, Channel.Post]) {
    const d: Dossier = registered(channel).dossier
    assert.equal(d.status, DossierStatus.Submitted)
    assert.equal(d.code, null)
    assert.equal(d.receivedAt, null)
  }
})

test('only the receiving unit’s counter registers, and never an online submission', () => {
  const other = create(
    { ...registration(Channel.InPerson), actor: actors.otherCounter },
    context(at('2026-11-24T08:30')),
  )
  assert.equal(other.ok ? 'ok' : other.refusal.code, 'notAllowed')
  const online = create({ ...registration(Channel.Online) }, context(at('2026-11-24T08:30')))
  assert.equal(online.ok ? 'ok' : online.refusal.code, 'notAllowed')
})

test('incomplete: form 02 lists each item with why; the applicant comes back to the same record, then it is received', () => {
  const s = registered().do('2026-11-24T08:40', {
    action: 'request-reception-supplement',
    actor: actors.counter,
    items: [{ name: 'Giấy xác nhận cư trú', reason: 'Chưa có bản chính để đối chiếu' }, 'Ảnh 4x6'],
    reason: 'Hồ sơ chưa đủ thành phần',
  })
  const d = s.dossier
  assert.equal(d.status, DossierStatus.SupplementRequested)
  assert.deepEqual(d.receptionGuidance?.items, [
    { name: 'Giấy xác nhận cư trú', reason: 'Chưa có bản chính để đối chiếu' },
    { name: 'Ảnh 4x6', reason: 'Hồ sơ chưa đủ thành phần' },
  ])
  assert.equal(d.receptionGuidance?.officer, actors.counter.name)
  s.do('2026-11-25T09:00', { action: 'receive-supplement', actor: actors.counter, components: [] })
  assert.equal(s.dossier.status, DossierStatus.Submitted)
  s.receive('2026-11-25T09:05')
  assert.equal(s.dossier.status, DossierStatus.Received)
  assert.ok(s.dossier.code)
  assert.ok(s.dossier.receivedAt)
})

test('not receivable: refused with reason and legal basis (status 3); out of scope: redirected to the unit named', () => {
  const refused = registered().do('2026-11-24T08:40', {
    action: 'reject-reception',
    actor: actors.counter,
    reason: 'Thủ tục không thuộc trường hợp được giải quyết',
    legalBasis: 'Điều 16 Luật Hộ tịch 2014',
  })
  assert.equal(refused.dossier.status, DossierStatus.NotReceived)
  assert.equal(refused.dossier.closing?.legalBasis, 'Điều 16 Luật Hộ tịch 2014')
  const redirected = registered().do('2026-11-24T08:40', {
    action: 'redirect',
    actor: actors.counter,
    toAgencyId: 'ttpvhcc-22366',
    reason: 'Không thuộc thẩm quyền của xã',
  })
  assert.equal(redirected.dossier.receivingAgencyId, 'ttpvhcc-22366')
  assert.equal(redirected.dossier.status, DossierStatus.Submitted)
})

test('a guidance item without a name is refused and records nothing', () => {
  const s = registered()
  const before = s.events.length
  const d = s.try('2026-11-24T08:40', {
    action: 'request-reception-supplement',
    actor: actors.counter,
    items: [{ name: ' ', reason: 'x' }],
    reason: 'Thiếu',
  })
  assert.equal(d.ok ? 'ok' : d.refusal.code, 'invalidInput')
  assert.equal(s.events.length, before)
})
