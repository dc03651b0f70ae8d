import { randomUUID } from 'node:crypto'
import type { PaymentGateway } from '../../adapters/payment/payment-gateway.ts'
import type { Principal } from '../../domain/access/principal.ts'
import { canReadDossier } from '../../domain/access/route-permissions.ts'
import { merchantReference, paymentOrderInfo } from '../../domain/payments/gateway-references.ts'
import { awaitedFee, payableWindow } from '../../domain/payments/payable-window.ts'
import type { Db } from '../../store/database.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { insertPendingPayment } from '../../store/payments/payments.ts'

export type PaymentRequest =
  | { readonly ok: true; readonly paymentId: string; readonly paymentUrl: string }
  | { readonly ok: false; readonly reason: 'not-found' | 'forbidden' | 'unavailable' | 'not-awaiting-payment' }

/**
 * Yêu cầu thanh toán trực tuyến: the applicant's payment request for the fee their dossier waits
 * for. Each call is a new attempt with its own merchant reference; the first the gateway confirms
 * records the payment (see handle-payment-ipn.ts).
 */
export async function requestOnlinePayment(
  deps: { readonly db: Db; readonly gateway: PaymentGateway | null },
  principal: Principal,
  request: { readonly ref: string; readonly returnUrl: string; readonly ipAddr: string; readonly now: Date },
): Promise<PaymentRequest> {
  const found = await loadDossier(deps.db, request.ref)
  if (!found) return { ok: false, reason: 'not-found' }
  if (principal.kind !== 'citizen' || !canReadDossier(principal, found.state)) return { ok: false, reason: 'forbidden' }
  if (!deps.gateway) return { ok: false, reason: 'unavailable' }
  const fee = awaitedFee(found.state)
  if (!fee) return { ok: false, reason: 'not-awaiting-payment' }
  const id = randomUUID()
  const txnRef = merchantReference(id)
  const window = payableWindow(request.now)
  await insertPendingPayment(deps.db, {
    id,
    dossierId: found.id,
    gateway: deps.gateway.name,
    txnRef,
    amountVnd: fee.amountVnd,
    createdAt: window.createdAt,
  })
  const paymentUrl = deps.gateway.paymentUrl({
    txnRef,
    amountVnd: fee.amountVnd,
    orderInfo: paymentOrderInfo(found.state.code ?? found.id),
    returnUrl: request.returnUrl,
    ipAddr: request.ipAddr,
    ...window,
  })
  return { ok: true, paymentId: id, paymentUrl }
}
