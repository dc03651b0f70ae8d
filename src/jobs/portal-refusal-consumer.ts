import type { InboundClient } from '../adapters/national-portal/inbound-client.ts'
import { reportIntakeRefusal } from '../app/portal/report-intake-refusal.ts'
import { intakeRefusalText } from '../http/intake-refusal-problems.ts'
import type { Db } from '../store/database.ts'
import { intakeRejectedTopic } from '../store/portal/inbound-intakes.ts'
import type { Consumer } from './consumer.ts'

/** Refusals of inbound dossiers reported to the platform, as an outbox consumer: each `portal-intake.rejected` message. */
export function portalRefusalConsumer(deps: {
  readonly db: Db
  readonly client: Pick<InboundClient, 'reportRefusal'>
  readonly now: () => Date
}): Consumer {
  return {
    name: 'national-portal-intake-refusals',
    accepts: (message) => message.topic === intakeRejectedTopic,
    async deliver(message) {
      const { nationalId } = message.payload as unknown as { nationalId: string }
      await reportIntakeRefusal({ ...deps, refusalText: intakeRefusalText }, nationalId)
    },
  }
}
