import { PetitionRefusal } from '../app/petitions/receive-portal-petition.ts'
import { type Bilingual, type MessageKey, message } from './i18n/messages.ts'
import type { ProblemKind } from './problem.ts'

/** Each refusal of a portal petition as a problem: the push route's answer, and the text reported back. */
export const petitionRefusalProblems: Record<PetitionRefusal, ProblemKind> = {
  [PetitionRefusal.UnknownUnit]: 'petitionInboundUnknownUnit',
  [PetitionRefusal.UnknownDossier]: 'petitionInboundUnknownDossier',
  [PetitionRefusal.UnknownEarlierPetition]: 'petitionEarlierNotFound',
  [PetitionRefusal.UnansweredEarlierPetition]: 'petitionEarlierNotAnswered',
}

/** Why motcua refused a portal petition, in Vietnamese and English (the problem's detail). */
export function petitionRefusalText(reason: string): Bilingual {
  const kind =
    petitionRefusalProblems[reason as PetitionRefusal] ?? petitionRefusalProblems[PetitionRefusal.UnknownUnit]
  return message(`problem.${kind}.detail` as MessageKey)
}
