import assert from 'node:assert/strict'
import { test } from 'node:test'
import { availableIncomingActions, availableOutgoingActions, type DocumentActor } from './actions.ts'
import { foldIncoming } from './incoming.ts'
import { foldOutgoing, type OutgoingEvent } from './outgoing.ts'

const agencyId = 'so-tu-phap'
const as = (id: string, role: 'specialist' | 'leader' | 'clerk', agency = agencyId): DocumentActor => ({
  id,
  name: id,
  grants: [{ role, agencyId: agency }],
})
const at = '2026-11-26T03:00:00.000Z'
const drafted: OutgoingEvent = {
  type: 'drafted',
  at,
  actor: 'drafter',
  id: 'd1',
  agencyId,
  content: {
    type: 'cong-van',
    subject: 'Lấy ý kiến',
    body: 'Nội dung',
    urgency: 'normal',
    confidentiality: 'none',
    draftingUnit: 'VP',
    recipients: [],
    replyTo: null,
  },
}
const outgoing = (...events: OutgoingEvent[]) => {
  const d = foldOutgoing([drafted, ...events])
  if (d === null) throw new Error('no document')
  return d
}

test('only its drafter may submit a draft', () => {
  assert.deepEqual(
    [
      availableOutgoingActions(outgoing(), as('drafter', 'specialist')),
      availableOutgoingActions(outgoing(), as('other', 'specialist')),
    ],
    [['revise', 'submit'], []],
  )
})

test('a reviewed draft is approved by a leader, not by the clerk', () => {
  const reviewed = outgoing(
    { type: 'submitted', at, actor: 'drafter' },
    { type: 'reviewed', at, actor: 'l', note: null },
  )
  assert.deepEqual(
    [
      availableOutgoingActions(reviewed, as('l', 'leader')).includes('approve'),
      availableOutgoingActions(reviewed, as('c', 'clerk')).includes('approve'),
    ],
    [true, false],
  )
})

test('only the clerk numbers an approved document', () => {
  const approved = outgoing(
    { type: 'submitted', at, actor: 'drafter' },
    { type: 'reviewed', at, actor: 'l', note: null },
    { type: 'approved', at, actor: 'l', signer: { userId: 'l', name: 'L', title: 'GIÁM ĐỐC' } },
  )
  assert.deepEqual(
    [availableOutgoingActions(approved, as('c', 'clerk')), availableOutgoingActions(approved, as('l', 'leader'))],
    [['number'], []],
  )
})

test('a leader of another agency may do nothing to the document', () => {
  const submitted = outgoing({ type: 'submitted', at, actor: 'drafter' })
  assert.deepEqual(availableOutgoingActions(submitted, as('l', 'leader', 'so-noi-vu')), [])
})

test('an arrived document is registered by the receiving clerk before a leader may assign it', () => {
  const arrived = foldIncoming([
    {
      type: 'arrived',
      at,
      actor: 'x',
      id: 'i1',
      agencyId,
      document: {
        senderAgencyId: 'so-noi-vu',
        senderName: 'Sở Nội vụ',
        type: 'cong-van',
        notation: '01/SNV-VP',
        issuedOn: '2026-11-26',
        subject: 'Lấy ý kiến',
        signerName: 'A',
        urgency: 'normal',
        confidentiality: 'none',
        sourceDocumentId: null,
      },
    },
  ])
  if (arrived === null) throw new Error('no document')
  assert.deepEqual(
    [availableIncomingActions(arrived, as('c', 'clerk')), availableIncomingActions(arrived, as('l', 'leader'))],
    [['register'], []],
  )
})
