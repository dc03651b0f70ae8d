import type { PaymentGateway } from '../../adapters/payment/payment-gateway.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import { DossierStatus } from '../../domain/dossier/status.ts'
import type { Consumer } from '../../jobs/consumer.ts'
import type { Db } from '../database.ts'

/**
 * Product rule (rules.md §1, withdrawal; configuration, not law): a fee paid online is refunded in
 * full when the applicant withdraws before the result is issued. `refundOnWithdrawal: false` turns
 * refunds off (the fee is then kept, as Decree 61's fee rules allow once appraisal has been done).
 */
export type RefundPolicy = { readonly refundOnWithdrawal: boolean }

export type RefundOutcome =
  | { readonly kind: 'refunded'; readonly paymentIds: readonly string[] }
  | { readonly kind: 'nothing-to-refund' | 'not-allowed' }
  | { readonly kind: 'gateway-refused'; readonly responseCode: string; readonly message: string }

/**
 * Hoàn phí khi rút hồ sơ: asks the gateway to refund every online payment of a withdrawn dossier
 * still held as paid, then marks it refunded. Repeating it does nothing new: a refunded payment is
 * not asked again, and the request id is the payment's, so a gateway sees a retry as the same request.
 */
export async function refundAfterWithdrawal(
  db: Db,
  gateway: PaymentGateway,
  policy: RefundPolicy,
  dossierId: string,
  now: Date,
): Promise<RefundOutcome> {
  const row = await db.selectFrom('dossiers').select('state').where('id', '=', dossierId).executeTakeFirst()
  const d: Dossier | null = row?.state ?? null
  if (!d || d.status !== DossierStatus.Withdrawn || d.result !== null || !policy.refundOnWithdrawal)
    return { kind: 'not-allowed' }
  const paid = await db
    .selectFrom('payments')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .where('state', '=', 'paid')
    .where('gateway', '=', gateway.name)
    .execute()
  if (paid.length === 0) return { kind: 'nothing-to-refund' }
  for (const p of paid) {
    const answer = await gateway.refund({
      requestId: p.id.replace(/-/g, '').slice(0, 32),
      txnRef: p.txn_ref,
      amountVnd: Number(p.amount_vnd),
      gatewayTxn: p.gateway_txn,
      transactionDate: p.paid_at ?? p.created_at,
      createdBy: 'motcua',
      ipAddr: '127.0.0.1',
      orderInfo: `Hoan phi ho so ${d.code ?? dossierId} do rut ho so`,
      now,
    })
    if (!answer.ok) return { kind: 'gateway-refused', responseCode: answer.responseCode, message: answer.message }
    await db
      .updateTable('payments')
      .set({ state: 'refunded', refunded_at: now, refund_response: JSON.stringify(answer) })
      .where('id', '=', p.id)
      .where('state', '=', 'paid')
      .execute()
  }
  return { kind: 'refunded', paymentIds: paid.map((p) => p.id) }
}

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
    accepts: (message) => message.topic === 'dossier.withdrawn',
    async deliver(message) {
      const outcome = await refundAfterWithdrawal(
        options.db,
        options.gateway,
        options.policy,
        message.payload.dossierId,
        options.now(),
      )
      if (outcome.kind === 'gateway-refused')
        throw new Error(`refund refused by ${options.gateway.name}: ${outcome.responseCode} ${outcome.message}`)
    },
  }
}
