import assert from 'node:assert/strict'
import { test } from 'node:test'
import { stepClosedByAnswer, stepOpenedByLetter } from './consultation.ts'
import type { DossierDocumentLink } from './dossier-document.ts'
import { foldIncoming, type IncomingDocument } from './incoming.ts'
import { type DraftContent, foldOutgoing, type OutgoingDocument } from './outgoing.ts'

const at = '2026-11-26T03:00:00.000Z'
const content = (recipients: DraftContent['recipients'], replyTo: string | null = null): DraftContent => ({
  type: 'cong-van',
  subject: 'Lấy ý kiến',
  body: 'Đề nghị cho ý kiến.',
  urgency: 'normal',
  confidentiality: 'none',
  draftingUnit: 'VP',
  recipients,
  replyTo,
})
const issuedBy = (id: string, agencyId: string, c: DraftContent): OutgoingDocument =>
  foldOutgoing([
    { type: 'drafted', at, actor: 'chuyen-vien', id, agencyId, content: c },
    { type: 'approved', at, actor: 'lanh-dao', signer: { userId: 'lanh-dao', name: 'Lãnh Đạo', title: 'CHỦ TỊCH' } },
    { type: 'numbered', at, actor: 'van-thu', year: 2026, number: 7, notation: '7/UBND-VP', issuedOn: '2026-11-26' },
  ]) as OutgoingDocument
const linkOf = (documentId: string): DossierDocumentLink => ({
  documentId,
  dossierId: 'ho-so',
  role: 'consultation_letter',
  replyTo: null,
  createdAt: at,
})
const letter = issuedBy('thu', 'xa', content([{ kind: 'agency', agencyId: 'so' }]))
const copy = foldIncoming([
  {
    type: 'arrived',
    at,
    actor: 'van-thu',
    id: 'ban-den',
    agencyId: 'so',
    document: {
      senderAgencyId: 'xa',
      senderName: 'UBND xã',
      type: 'cong-van',
      notation: '7/UBND-VP',
      issuedOn: '2026-11-26',
      subject: 'Lấy ý kiến',
      signerName: 'Lãnh Đạo',
      urgency: 'normal',
      confidentiality: 'none',
      sourceDocumentId: 'thu',
    },
  },
]) as IncomingDocument

test('a consultation letter to one agency opens the coordination step there, its signer acting', () => {
  const step = stepOpenedByLetter(letter, linkOf('thu'))
  assert.deepEqual(
    [step?.action, step?.action === 'transfer-to-agency' && step.toAgencyId, step?.actor.role],
    ['transfer-to-agency', 'so', 'leader'],
  )
})

test('a letter to two agencies opens no step: the dossier is with one agency at a time', () => {
  const two = issuedBy(
    'thu',
    'xa',
    content([
      { kind: 'agency', agencyId: 'so' },
      { kind: 'agency', agencyId: 'so-2' },
    ]),
  )
  assert.equal(stepOpenedByLetter(two, linkOf('thu')), null)
})

test('an answer to the letter’s copy, sent back to the letter’s agency, closes the step', () => {
  const answer = issuedBy('tra-loi', 'so', content([{ kind: 'agency', agencyId: 'xa' }], 'ban-den'))
  assert.equal(stepClosedByAnswer(answer, copy, letter, linkOf('thu'))?.action, 'return-from-agency')
})

test('an answer not sent to the letter’s agency closes nothing', () => {
  const answer = issuedBy('tra-loi', 'so', content([{ kind: 'agency', agencyId: 'huyen' }], 'ban-den'))
  assert.equal(stepClosedByAnswer(answer, copy, letter, linkOf('thu')), null)
})
