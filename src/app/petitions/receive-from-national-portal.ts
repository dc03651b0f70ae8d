import type { PetitionCategory, Petitioner } from '../../domain/petitions/petition.ts'
import type { PetitionDeps } from './petition-deps.ts'
import { type SubmitOutcome, submitPetition } from './submit-petition.ts'

/**
 * A petition as the national portal's inbound adapter hands it over (the transport is the adapter's
 * business): the portal's own id, where it is addressed, what it says and who sent it.
 */
export type NationalPortalPetition = {
  readonly portalId: string
  readonly receivingAgencyId: string
  readonly category: PetitionCategory | null
  readonly title: string
  readonly content: string
  readonly petitioner: Petitioner
  readonly consentToPublish: boolean
  readonly dossierCode: string | null
  /** The earlier petition it follows up, if any. */
  readonly followsUp?: string | null
}

/**
 * Tiếp nhận từ Cổng Dịch vụ công quốc gia: received once per portal id (a redelivery returns the
 * petition already received), with motcua's own PAKN code and the same handling as any other.
 */
export function receiveFromNationalPortal(deps: PetitionDeps, record: NationalPortalPetition): Promise<SubmitOutcome> {
  const { portalId, ...fields } = record
  return submitPetition(
    deps,
    { ...fields, channel: 'national-portal', ownerUserId: null, externalId: portalId },
    'national-portal',
  )
}
