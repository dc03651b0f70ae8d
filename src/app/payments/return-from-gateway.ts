import type { PaymentGateway } from '../../adapters/payment/payment-gateway.ts'
import type { Db } from '../../store/database.ts'
import { logPaymentCallback, paymentByTxnRef } from '../../store/payments/payments.ts'

/**
 * The browser's return from the gateway: verified and logged, never acted on (the IPN does that).
 * Null when the signature fails or the reference is unknown; else the dossier to show and whether
 * the gateway reported success.
 */
export async function returnFromGateway(
  deps: { readonly db: Db; readonly gateway: PaymentGateway },
  query: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<{ dossierId: string; succeeded: boolean } | null> {
  const checked = deps.gateway.verifyCallback(query)
  const payment = checked.ok ? await paymentByTxnRef(deps.db, checked.callback.txnRef) : undefined
  const verdict = checked.ok ? (payment ? 'verified' : 'not-found') : checked.reason
  await logPaymentCallback(
    deps.db,
    { paymentId: payment?.id ?? null, kind: 'return', txnRef: query.vnp_TxnRef, verdict },
    query,
    now,
  )
  if (!checked.ok || !payment) return null
  return { dossierId: payment.dossier_id, succeeded: checked.callback.succeeded }
}
