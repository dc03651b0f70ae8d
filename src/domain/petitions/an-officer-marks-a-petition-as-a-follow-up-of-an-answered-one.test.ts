import assert from 'node:assert/strict'
import { test } from 'node:test'
import { availableActions, decide, followUpRefusal, type PetitionActor } from './actions.ts'
import { iso, petitionOf } from './petition-fixtures.ts'

const officer: PetitionActor = {
  kind: 'staff',
  id: 'o',
  grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }],
}
const now = new Date('2026-12-10T09:00:00+07:00')
const answeredEarlier = {
  ...petitionOf(
    '2026-12-01T09:00:00+07:00',
    { type: 'assigned', at: iso('2026-12-01T10:00:00+07:00'), actor: 'o', agencyId: 'xa-22333' },
    { type: 'answered', at: iso('2026-12-04T09:00:00+07:00'), actor: 's', answer: 'Đã xử lý.' },
  ),
  code: 'PAKN.20261201.0001',
}

test('an officer of the holding agency marks an open petition as a follow-up, once', () => {
  const later = { ...petitionOf('2026-12-09T09:00:00+07:00'), code: 'PAKN.20261209.0001' }
  const decision = decide(later, { action: 'mark-follow-up', followsUp: answeredEarlier.code }, officer, now)
  assert.deepEqual(decision, {
    ok: true,
    event: { type: 'follow-up-marked', at: now.toISOString(), actor: 'o', followsUp: answeredEarlier.code },
  })
  const marked = { ...later, followsUp: answeredEarlier.code }
  assert.equal(availableActions(marked, officer).includes('mark-follow-up'), false)
})

test('a petition follows up only another, existing, answered petition', () => {
  const open = { ...petitionOf('2026-12-05T09:00:00+07:00'), code: 'PAKN.20261205.0001' }
  assert.equal(followUpRefusal('PAKN.20261209.0001', answeredEarlier), null)
  assert.equal(followUpRefusal('PAKN.20261209.0001', null), 'earlierNotFound')
  assert.equal(followUpRefusal(answeredEarlier.code, answeredEarlier), 'earlierNotFound')
  assert.equal(followUpRefusal('PAKN.20261209.0001', open), 'earlierNotAnswered')
})
