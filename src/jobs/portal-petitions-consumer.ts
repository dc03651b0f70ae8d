import type { InboundClient } from '../adapters/national-portal/inbound-client.ts'
import { reportPetitionOutcome } from '../app/petitions/report-petition-outcome.ts'
import type { PetitionClosingEvent } from '../domain/petitions/portal-report.ts'
import type { Db } from '../store/database.ts'
import type { Consumer } from './consumer.ts'

/** A petition's message (petition-store.ts enqueuePetitionReport): the outbox type is the dossiers'. */
type PetitionPayload = { readonly code: string; readonly event: PetitionClosingEvent }

/** The national portal told how its petitions ended: each `petition.answered` / `petition.refused` message. */
export function portalPetitionsConsumer(deps: {
  readonly db: Db
  readonly client: Pick<InboundClient, 'reportPetition'>
}): Consumer {
  return {
    name: 'national-portal-petitions',
    accepts: (message) => message.topic === 'petition.answered' || message.topic === 'petition.refused',
    async deliver(message) {
      const payload = message.payload as unknown as PetitionPayload
      await reportPetitionOutcome(deps, payload.code, payload.event)
    },
  }
}
