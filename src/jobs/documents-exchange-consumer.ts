import type { KeyPairPem } from '../adapters/signing/certificates.ts'
import { documentIssuedTopic } from '../app/documents/issue-outgoing.ts'
import { type IssuedForExchange, NotExchangeable, sendIssuedOverAxis } from '../app/documents/send-over-axis.ts'
import type { Db } from '../store/database.ts'
import { type Consumer, PermanentFailure } from './consumer.ts'

/**
 * The seam between the documents module and the exchange: each `document.issued` message becomes a
 * signed package queued for the axis (then sent by the `document-axis` consumer). At least once:
 * a redelivery queues nothing new.
 */
export function documentsExchangeConsumer(deps: {
  db: Db
  now: () => Date
  newId: () => string
  /** The connection's signing key (DOCUMENT_AXIS_SIGNING_…); absent in tests: the agency's demo key. */
  signer?: KeyPairPem
}): Consumer {
  return {
    name: 'documents-exchange',
    accepts: (message) => message.topic === documentIssuedTopic,
    async deliver(message) {
      try {
        await sendIssuedOverAxis(deps, message.payload as unknown as IssuedForExchange)
      } catch (error) {
        if (error instanceof NotExchangeable) throw new PermanentFailure(error.message)
        throw error
      }
    },
  }
}
