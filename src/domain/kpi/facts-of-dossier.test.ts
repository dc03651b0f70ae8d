import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actors, context, Story } from '../../../test/support/dossier-fixtures.ts'
import { formatInstant } from '../calendar/local-time.ts'
import type { Dossier } from '../dossier/state.ts'
import { factsOfDossier, type ProcedureKpiTerms } from './facts-of-dossier.ts'

const terms: ProcedureKpiTerms = { fieldId: 'ho-tich', resultKind: 'document', fees: [] }
const calendar = context(0).calendar
const factsOf = (d: Dossier, eResult = false) =>
  factsOfDossier('id-1', d, terms, calendar, { eResult, portalSynced: false })

const processing = () =>
  new Story()
    .submit('2026-11-02T20:00')
    .receive('2026-11-03T09:00')
    .do('2026-11-03T10:00', { action: 'transfer', actor: actors.counter })

test('an online submission not yet received has no indicator facts', () => {
  assert.equal(factsOf(new Story().submit('2026-11-02T20:00').dossier), null)
})

test('the KPI deadline is the original appointment shifted by the paused office time (18 hours)', () => {
  const story = processing()
  story.do('2026-11-04T09:00', {
    action: 'request-supplement',
    actor: actors.specialist,
    items: ['Bản vẽ'],
    reason: 'Thiếu bản vẽ',
    exception: null,
  })
  const waiting = factsOf(story.dossier)
  assert.equal(formatInstant(waiting?.deadlineAt ?? 0), '2026-11-17T09:00:00+07:00', 'not shifted while waiting')
  assert.equal(formatInstant(waiting?.pendingSupplementSince ?? 0), '2026-11-04T09:00:00+07:00')
  story.do('2026-11-06T11:00', { action: 'receive-supplement', actor: actors.counter, components: [] })
  const resumed = factsOf(story.dossier)
  assert.equal(formatInstant(resumed?.deadlineAt ?? 0), '2026-11-19T11:00:00+07:00')
  assert.equal(resumed?.pendingSupplementSince, null)
  assert.equal(resumed?.supplementRequests, 1)
  assert.equal(resumed?.secondSupplementAt, null)
})

test('a dossier is digitized (4.2) when every component has a file, with an e-result only where the result is a paper document', () => {
  const d = processing().dossier
  const filed = { ...d, components: d.components.map((c) => ({ ...c, fileRef: 'a'.repeat(64) })) }
  assert.equal(factsOf(filed, false)?.digitized, false, 'a paper-document result without an e-result')
  assert.equal(factsOf(filed, true)?.digitized, true)
  assert.equal(factsOf(d, true)?.digitized, false, 'a component without a file')
  assert.equal(factsOf(filed, true)?.eResult, true)
  const confirmation = factsOfDossier('id-1', filed, { ...terms, resultKind: 'confirmation' }, calendar, {
    eResult: false,
    portalSynced: false,
  })
  assert.equal(confirmation?.digitized, true, 'no paper document to issue electronically')
})

test('the working time of a withdrawn dossier runs from reception to the withdrawal, in office minutes', () => {
  const story = processing()
    .do('2026-11-03T14:00', { action: 'request-withdrawal', actor: actors.applicant, reason: 'Không cần nữa' })
    .do('2026-11-03T15:00', { action: 'decide-withdrawal', actor: actors.leader, accepted: true, note: '' })
  const f = factsOf(story.dossier)
  assert.deepEqual(f?.end, { kind: 'withdrawn', at: story.dossier.endedAt })
  // 09:00–11:30 and 13:30–15:00: 150 + 90 minutes.
  assert.equal(f?.workingMinutes, 240)
})
