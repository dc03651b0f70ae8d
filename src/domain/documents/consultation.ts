import type { Actor } from '../dossier/actor.ts'
import type { DossierDocumentLink } from './dossier-document.ts'
import type { IncomingDocument } from './incoming.ts'
import type { OutgoingDocument } from './outgoing.ts'

/**
 * The dossier command an issued document runs: a consultation letter (văn bản lấy ý kiến, Decree
 * 118/2025/NĐ-CP on liên thông; Decree 30/2020/NĐ-CP Art. 18 for its issuance) hands the dossier to
 * the agency it asks, whose time share then runs (the `coordination` step); the answer hands it back
 * to the lead agency's appraisal. The letter's signer acts, as the leader who decided to consult (or
 * to answer) — the engine's own gate (`availableActions`) decides whether the dossier may move.
 */
export type ConsultationStep =
  | {
      readonly action: 'transfer-to-agency'
      readonly actor: Actor
      readonly toAgencyId: string
      readonly reason: string
    }
  | { readonly action: 'return-from-agency'; readonly actor: Actor; readonly note: string }

const signerOf = (d: OutgoingDocument): Actor | null =>
  d.signer === null ? null : { id: d.signer.userId, name: d.signer.name, role: 'leader', agencyId: d.agencyId }

/** The one motcua agency a consultation letter asks; a letter has exactly one recipient. */
export function consultedAgency(d: Pick<OutgoingDocument, 'content'>): string | null {
  const [only, ...more] = d.content.recipients
  return only?.kind === 'agency' && more.length === 0 ? only.agencyId : null
}

/** What issuing a letter linked to a dossier does: a consultation letter opens the coordination step. */
export function stepOpenedByLetter(letter: OutgoingDocument, link: DossierDocumentLink): ConsultationStep | null {
  const actor = signerOf(letter)
  const toAgencyId = consultedAgency(letter)
  if (link.role !== 'consultation_letter' || actor === null || toAgencyId === null) return null
  const reason = `Lấy ý kiến theo văn bản số ${letter.notation ?? ''}: ${letter.content.subject}`
  return { action: 'transfer-to-agency', actor, toAgencyId, reason }
}

/**
 * What issuing an answer does: an outgoing document replying to the incoming copy of a consultation
 * letter, sent back to the letter's agency, closes the coordination step. `answered` is the incoming
 * copy it replies to, `letter` the consultation letter that copy came from and `letterLink` its link.
 */
export function stepClosedByAnswer(
  answer: OutgoingDocument,
  answered: IncomingDocument,
  letter: OutgoingDocument,
  letterLink: DossierDocumentLink,
): ConsultationStep | null {
  const actor = signerOf(answer)
  const backToLetterAgency = answer.content.recipients.some(
    (r) => r.kind === 'agency' && r.agencyId === letter.agencyId,
  )
  const fits =
    letterLink.role === 'consultation_letter' &&
    answered.document.sourceDocumentId === letter.id &&
    answered.agencyId === answer.agencyId &&
    backToLetterAgency
  if (!fits || actor === null) return null
  return { action: 'return-from-agency', actor, note: `Trả lời theo văn bản số ${answer.notation ?? ''}` }
}
