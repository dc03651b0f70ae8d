import type { PaymentGateway } from '../../adapters/payment/payment-gateway.ts'
import { refundOrderInfo, refundRequestId } from '../../domain/payments/gateway-references.ts'
import { type RefundPolicy, refundDue } from '../../domain/payments/refund-eligibility.ts'
import type { Db } from '../../store/database.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { markRefunded, paidPayments } from '../../store/payments/payments.ts'

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
  deps: { readonly db: Db; readonly gateway: PaymentGateway; readonly policy: RefundPolicy },
  dossierId: string,
  now: Date,
): Promise<RefundOutcome> {
  const found = await loadDossier(deps.db, dossierId)
  if (!found || !refundDue(found.state, deps.policy)) return { kind: 'not-allowed' }
  const paid = await paidPayments(deps.db, found.id, deps.gateway.name)
  if (paid.length === 0) return { kind: 'nothing-to-refund' }
  for (const p of paid) {
    const answer = await deps.gateway.refund({
      requestId: refundRequestId(p.id),
      txnRef: p.txn_ref,
      amountVnd: p.amount_vnd,
      gatewayTxn: p.gateway_txn,
      transactionDate: p.paid_at ?? p.created_at,
      createdBy: 'motcua',
      ipAddr: '127.0.0.1',
      orderInfo: refundOrderInfo(found.state.code ?? found.id),
      now,
    })
    if (!answer.ok) return { kind: 'gateway-refused', responseCode: answer.responseCode, message: answer.message }
    await markRefunded(deps.db, p.id, answer, now)
  }
  return { kind: 'refunded', paymentIds: paid.map((p) => p.id) }
}
