import { IntakeRefusal } from '../app/portal/intake-dossier.ts'
import { type Bilingual, type MessageKey, message } from './i18n/messages.ts'
import type { ProblemKind } from './problem.ts'

/** Each intake refusal as a problem: the push endpoint's answer, and the text reported to the platform. */
export const refusalProblems: Record<IntakeRefusal, ProblemKind> = {
  [IntakeRefusal.UnknownProcedure]: 'inboundUnknownProcedure',
  [IntakeRefusal.UnknownReceivingUnit]: 'inboundUnknownReceivingUnit',
  [IntakeRefusal.HashMismatch]: 'inboundHashMismatch',
  [IntakeRefusal.AttachmentTooLarge]: 'inboundAttachmentTooLarge',
  [IntakeRefusal.AttachmentType]: 'inboundAttachmentType',
  [IntakeRefusal.AttachmentUnavailable]: 'inboundAttachmentUnavailable',
  [IntakeRefusal.Refused]: 'inboundRefused',
}

/** Why motcua refused a national dossier, in Vietnamese and English (the problem's detail). */
export function intakeRefusalText(reason: string): Bilingual {
  const kind = refusalProblems[reason as IntakeRefusal] ?? refusalProblems[IntakeRefusal.Refused]
  return message(`problem.${kind}.detail` as MessageKey)
}
