import type { Petition, PetitionEvent } from './petition.ts'

/** The events that close a petition: an answer, or a refusal to take it up. */
export type PetitionClosingEvent = Extract<PetitionEvent, { type: 'answered' | 'refused' }>

/**
 * Báo kết quả về Cổng DVCQG: a petition that came from the national portal has its answer or its
 * refusal reported back there (issue 16 §3); the portal keeps the petitioner informed. Petitions
 * received by motcua's own portal or counter are nobody else's business.
 */
export function reportedToNationalPortal(p: Petition, e: PetitionEvent): e is PetitionClosingEvent {
  return p.channel === 'national-portal' && (e.type === 'answered' || e.type === 'refused')
}
