import type { PaymentGateway } from '../adapters/payment/payment-gateway.ts'
import { refundAfterWithdrawal } from '../app/payments/refund-after-withdrawal.ts'
import type { RefundPolicy } from '../domain/payments/refund-eligibility.ts'
import type { Db } from '../store/database.ts'
import type { Consumer } from './consumer.ts'

/**
 * The outbox consumer that refunds after a withdrawal (assured delivery: a gateway that refuses or
 * cannot be reached makes the relay try again later).
 */
export function paymentRefundConsumer(options: {
  db: Db
  gateway: PaymentGateway
  policy: RefundPolicy
  now: () => Date
}): Consumer {
  return {
    name: 'payment-refunds',
    // Withdrawn at once before reception, or on the agency's decision after it (whose refusal the
    // use case tells apart: a dossier that goes on is not refunded).
    accepts: (message) => message.topic === 'dossier.withdrawn' || message.topic === 'dossier.withdrawal-decided',
    async deliver(message) {
      const outcome = await refundAfterWithdrawal(options, message.payload.dossierId, options.now())
      if (outcome.kind === 'gateway-refused')
        throw new Error(`refund refused by ${options.gateway.name}: ${outcome.responseCode} ${outcome.message}`)
    },
  }
}
