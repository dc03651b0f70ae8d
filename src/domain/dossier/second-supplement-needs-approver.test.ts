import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, fixtureCalendar, Story } from '../../../test/support/dossier-fixtures.ts'
import { dossierTimeliness } from './deadlines.ts'

const ask = { action: 'request-supplement', actor: actors.specialist, items: ['Bản vẽ'], reason: 'Thiếu' } as const

function afterOneRoundTrip() {
  return new Story()
    .submit('2026-11-23T20:00')
    .receive('2026-11-24T09:00')
    .do('2026-11-24T10:00', { action: 'transfer', actor: actors.counter })
    .do('2026-11-25T09:00', { ...ask, exception: null })
    .do('2026-11-25T10:00', { action: 'receive-supplement', actor: actors.counter, components: [] })
}

test('a second supplement request by the same agency is refused without a recorded approver', () => {
  const d = afterOneRoundTrip().try('2026-11-26T09:00', { ...ask, exception: null })
  assert.equal(d.ok, false)
  assert.equal(d.ok ? '' : d.refusal.code, 'secondSupplementNeedsException')
})

test('an approver without a legal basis is not enough', () => {
  const d = afterOneRoundTrip().try('2026-11-26T09:00', {
    ...ask,
    exception: { approver: 'Chủ tịch UBND xã', legalBasis: ' ' },
  })
  assert.equal(d.ok, false)
})

test('with approver and legal basis on record it is allowed, and the dossier counts as late for indicators', () => {
  const story = afterOneRoundTrip().do('2026-11-26T09:00', {
    ...ask,
    exception: { approver: 'Huỳnh Quốc Nam, Chủ tịch UBND phường', legalBasis: 'Điều 16 Nghị định 118/2025/NĐ-CP' },
  })
  assert.equal(story.dossier.supplementRequests.length, 2)
  assert.deepEqual(story.dossier.supplementRequests[1]?.exception?.approver, 'Huỳnh Quốc Nam, Chủ tịch UBND phường')
  story
    .do('2026-11-26T10:00', { action: 'receive-supplement', actor: actors.counter, components: [] })
    .do('2026-11-26T11:00', { action: 'appraise', actor: actors.specialist, outcome: 'approve', note: '' })
    .do('2026-11-26T14:00', { action: 'approve', actor: actors.leader })
    .do('2026-11-26T15:00', { action: 'issue', actor: actors.clerk, resultNumber: '12/GP' })
  assert.equal(dossierTimeliness({ calendar: () => fixtureCalendar }, story.dossier), 'late')
})
