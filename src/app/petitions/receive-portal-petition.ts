import type { PortalPetition } from '../../adapters/national-portal/inbound-petition.ts'
import { localDate } from '../../domain/calendar/local-time.ts'
import { petitionCodeByExternalId } from '../../store/petitions/petition-store.ts'
import { agencyOfCode } from '../../store/portal/inbound-intakes.ts'
import type { PetitionDeps } from './petition-deps.ts'
import { receiveFromNationalPortal } from './receive-from-national-portal.ts'
import type { SubmitOutcome } from './submit-petition.ts'

export type PortalPetitionOutcome = SubmitOutcome | { readonly kind: 'unknownUnit' }

/**
 * Tiếp nhận PAKN từ Cổng DVCQG: the unit the petition is addressed to, by its QCVN 102 code on the
 * day, then the ordinary reception once per portal id. A petition already received answers its code
 * whatever its unit code has become since.
 */
export async function receivePortalPetition(deps: PetitionDeps, p: PortalPetition): Promise<PortalPetitionOutcome> {
  const { receivingUnitCode, ...fields } = p
  const agencyId = await agencyOfCode(deps.db, receivingUnitCode, localDate(deps.now()))
  if (agencyId === null && (await petitionCodeByExternalId(deps.db, p.portalId)) === null)
    return { kind: 'unknownUnit' }
  return receiveFromNationalPortal(deps, { ...fields, receivingAgencyId: agencyId ?? receivingUnitCode })
}
