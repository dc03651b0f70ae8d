import { randomUUID } from 'node:crypto'
import type { PaymentGateway } from '../../adapters/payment/payment-gateway.ts'
import type { Principal } from '../../domain/access/principal.ts'
import { actorsFor } from '../../domain/access/route-permissions.ts'
import { Capability, capabilities } from '../../domain/dossier/permissions.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import { merchantReference, paymentOrderInfo } from '../../domain/payments/gateway-references.ts'
import { payableWindow } from '../../domain/payments/payable-window.ts'
import type { Db } from '../../store/database.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { insertPendingPayment } from '../../store/payments/payments.ts'

export type PaymentRequest =
  | { readonly ok: true; readonly paymentId: string; readonly paymentUrl: string }
  | { readonly ok: false; readonly reason: 'not-found' | 'forbidden' | 'unavailable' | 'not-awaiting-payment' }

/**
 * The `pay-online` gate (availableActions) for the principal's roles on this dossier: null when one
 * may pay; `notAllowed` when none is the applicant; else why not now (the dossier awaits no fee).
 */
function payOnlineRefusal(principal: Principal, d: Dossier): string | null {
  const refusals = actorsFor(principal, d).map((a) => capabilities[Capability.PayOnline](d, a))
  if (refusals.some((r) => r === null)) return null
  return refusals.find((r) => r !== null && r.code !== 'notAllowed')?.code ?? 'notAllowed'
}

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
  const refusal = payOnlineRefusal(principal, found.state)
  if (refusal === 'notAllowed') return { ok: false, reason: 'forbidden' }
  if (!deps.gateway) return { ok: false, reason: 'unavailable' }
  const fee = found.state.payment
  if (refusal || !fee) return { ok: false, reason: 'not-awaiting-payment' }
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
