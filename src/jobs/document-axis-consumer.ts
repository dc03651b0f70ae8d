import type { AxisClient } from '../adapters/document-axis/axis-client.ts'
import { deliverQueued } from '../app/document-axis/deliver-queued.ts'
import type { Db } from '../store/database.ts'
import { axisSendTopic } from '../store/document-axis/axis-messages.ts'
import type { Consumer } from './consumer.ts'

/** The national document axis as an outbox consumer: each queued package (edoc or status) is sent once acknowledged. */
export function documentAxisConsumer(deps: {
  readonly db: Db
  readonly client: AxisClient
  readonly now: () => Date
}): Consumer {
  return {
    name: 'document-axis',
    accepts: (message) => message.topic === axisSendTopic,
    async deliver(message) {
      const { axisMessageId } = message.payload as unknown as { axisMessageId: string }
      await deliverQueued(deps, axisMessageId)
    },
  }
}
