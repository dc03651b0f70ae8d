import type { InboundClient } from '../adapters/national-portal/inbound-client.ts'
import { acknowledgeIntake } from '../app/portal/acknowledge-intake.ts'
import type { Db } from '../store/database.ts'
import type { Consumer } from './consumer.ts'

/** The platform's acknowledgement of inbound dossiers as an outbox consumer: each `dossier.submitted` message. */
export function portalIntakeConsumer(deps: {
  readonly db: Db
  readonly client: Pick<InboundClient, 'acknowledge'>
  readonly now: () => Date
}): Consumer {
  return {
    name: 'national-portal-intake',
    accepts: (message) => message.topic === 'dossier.submitted',
    async deliver(message) {
      await acknowledgeIntake(deps, message.payload.dossierId, message.createdAt)
    },
  }
}
