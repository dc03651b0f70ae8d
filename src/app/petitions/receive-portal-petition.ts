import type { PortalPetition } from '../../adapters/national-portal/inbound-petition.ts'
import { localDate } from '../../domain/calendar/local-time.ts'
import { petitionCodeByExternalId } from '../../store/petitions/petition-store.ts'
import {
  type PetitionVia,
  petitionRejection,
  recordPetitionRejection,
} from '../../store/petitions/portal-petition-intake.ts'
import { agencyOfCode } from '../../store/portal/inbound-intakes.ts'
import type { PetitionDeps } from './petition-deps.ts'
import { receiveFromNationalPortal } from './receive-from-national-portal.ts'
import type { SubmitOutcome } from './submit-petition.ts'

/** Why a trusted portal petition was refused on its content: reported to the platform with its text. */
export const PetitionRefusal = {
  UnknownUnit: 'unknown-unit',
  UnknownDossier: 'unknown-dossier',
  /** The earlier petition it follows up (MaPAKNTruocDo) is no other petition motcua received. */
  UnknownEarlierPetition: 'unknown-earlier-petition',
  /** The earlier petition it follows up is not answered yet. */
  UnansweredEarlierPetition: 'unanswered-earlier-petition',
} as const
export type PetitionRefusal = (typeof PetitionRefusal)[keyof typeof PetitionRefusal]

export type PortalPetitionOutcome = SubmitOutcome | { readonly kind: 'unknownUnit' }

const outcomes: Record<string, PortalPetitionOutcome> = {
  [PetitionRefusal.UnknownDossier]: { kind: 'dossierNotFound' },
  [PetitionRefusal.UnknownEarlierPetition]: { kind: 'earlierNotFound' },
  [PetitionRefusal.UnansweredEarlierPetition]: { kind: 'earlierNotAnswered' },
}
const outcomeOf = (reason: string): PortalPetitionOutcome => outcomes[reason] ?? { kind: 'unknownUnit' }

/** The refusal an outcome other than a reception stands for, and what of the petition it names. */
function refusalOf(outcome: Exclude<SubmitOutcome, { kind: 'received' }>, p: PortalPetition, unit: string) {
  switch (outcome.kind) {
    case 'dossierNotFound':
      return { reason: PetitionRefusal.UnknownDossier, detail: `MaHoSo ${p.dossierCode}` }
    case 'earlierNotFound':
      return { reason: PetitionRefusal.UnknownEarlierPetition, detail: `MaPAKNTruocDo ${p.followsUp}` }
    case 'earlierNotAnswered':
      return { reason: PetitionRefusal.UnansweredEarlierPetition, detail: `MaPAKNTruocDo ${p.followsUp}` }
    case 'agencyNotFound':
      return { reason: PetitionRefusal.UnknownUnit, detail: `MaDonViTiepNhan ${unit}` }
  }
}

/**
 * Tiếp nhận PAKN từ Cổng DVCQG: the unit the petition is addressed to, by its QCVN 102 code on the
 * day, then the ordinary reception once per portal id. A petition already received answers its code
 * whatever its unit code has become since. One refused (a unit or a dossier motcua does not know) is
 * kept, once per portal id (so is one following up a petition motcua lacks or has not answered), and reported back to the platform; a redelivery meets the same refusal.
 */
export async function receivePortalPetition(
  deps: PetitionDeps,
  p: PortalPetition,
  via: PetitionVia = 'push',
): Promise<PortalPetitionOutcome> {
  const refused = await petitionRejection(deps.db, p.portalId)
  if (refused) return outcomeOf(refused.reason)
  const { receivingUnitCode, ...fields } = p
  const agencyId = await agencyOfCode(deps.db, receivingUnitCode, localDate(deps.now()))
  const known = agencyId === null ? await petitionCodeByExternalId(deps.db, p.portalId) : null
  const outcome =
    agencyId === null && known === null
      ? ({ kind: 'agencyNotFound' } as const)
      : await receiveFromNationalPortal(deps, { ...fields, receivingAgencyId: agencyId ?? receivingUnitCode })
  if (outcome.kind === 'received') return outcome
  const { reason, detail } = refusalOf(outcome, p, receivingUnitCode)
  const kept = await recordPetitionRejection(deps.db, { via, portalId: p.portalId, reason, detail, at: deps.now() })
  return outcomeOf(kept)
}
