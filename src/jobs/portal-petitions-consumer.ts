import type { InboundClient } from '../adapters/national-portal/inbound-client.ts'
import { reportPetitionOutcome } from '../app/petitions/report-petition-outcome.ts'
import { reportPetitionRefusal } from '../app/petitions/report-petition-refusal.ts'
import type { PetitionClosingEvent } from '../domain/petitions/portal-report.ts'
import { petitionRefusalText } from '../http/petition-refusal-problems.ts'
import type { Db } from '../store/database.ts'
import { petitionRejectedTopic } from '../store/petitions/portal-petition-intake.ts'
import type { Consumer } from './consumer.ts'

/** A petition's message (petition-store.ts enqueuePetitionReport): the outbox type is the dossiers'. */
type PetitionPayload = { readonly code: string; readonly event: PetitionClosingEvent }

/**
 * The national portal told how its petitions ended: each `petition.answered` / `petition.refused`
 * message, and each `portal-petition.rejected` one (refused before reception, portal-petition-intake.ts).
 */
export function portalPetitionsConsumer(deps: {
  readonly db: Db
  readonly client: Pick<InboundClient, 'reportPetition' | 'reportPetitionRefusal'>
  readonly now?: () => Date
}): Consumer {
  return {
    name: 'national-portal-petitions',
    accepts: (message) =>
      message.topic === 'petition.answered' ||
      message.topic === 'petition.refused' ||
      message.topic === petitionRejectedTopic,
    async deliver(message) {
      if (message.topic === petitionRejectedTopic) {
        const { portalId } = message.payload as unknown as { portalId: string }
        await reportPetitionRefusal(
          { ...deps, refusalText: petitionRefusalText, now: deps.now ?? (() => new Date()) },
          portalId,
        )
        return
      }
      const payload = message.payload as unknown as PetitionPayload
      await reportPetitionOutcome(deps, payload.code, payload.event)
    },
  }
}
