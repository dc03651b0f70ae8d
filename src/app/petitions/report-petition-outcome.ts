import type { InboundClient } from '../../adapters/national-portal/inbound-client.ts'
import { petitionOutcomeRecord } from '../../adapters/national-portal/inbound-petition.ts'
import { foldPetition } from '../../domain/petitions/petition.ts'
import type { PetitionClosingEvent } from '../../domain/petitions/portal-report.ts'
import type { Db } from '../../store/database.ts'
import { loadPetitionEvents, portalIdOfPetition } from '../../store/petitions/petition-store.ts'

/**
 * Báo kết quả xử lý PAKN về Cổng DVCQG: the answer or refusal of a petition that came from there, with
 * whether its answer is public now. One attempt: the relay retries, and a repeat sends the same record.
 */
export async function reportPetitionOutcome(
  deps: { readonly db: Db; readonly client: Pick<InboundClient, 'reportPetition'> },
  code: string,
  event: PetitionClosingEvent,
): Promise<'sent' | 'not-inbound'> {
  const portalId = await portalIdOfPetition(deps.db, code)
  if (portalId === null) return 'not-inbound'
  const petition = foldPetition(await loadPetitionEvents(deps.db, code))
  await deps.client.reportPetition(petitionOutcomeRecord(portalId, code, event, petition?.publishedAt != null))
  return 'sent'
}
