import type { Actor } from '../dossier/actor.ts'

/** The gateway's callbacks act on dossiers as motcua itself (rules.md §1: record-payment). */
export const paymentGatewayActor: Actor = {
  id: 'payment-gateway',
  name: 'Cổng thanh toán',
  role: 'system',
  agencyId: null,
}

const compact = (paymentId: string) => paymentId.replace(/-/g, '')

/** The merchant reference of a payment attempt (vnp_TxnRef): unique per attempt, letters and digits. */
export const merchantReference = (paymentId: string) => `MC${compact(paymentId).slice(0, 20).toUpperCase()}`

/** A refund's request id is the payment's, so a gateway sees a retry as the same request. */
export const refundRequestId = (paymentId: string) => compact(paymentId).slice(0, 32)

/** Order descriptions without diacritics, as gateways require. */
export const paymentOrderInfo = (dossierRef: string) => `Nop phi le phi ho so ${dossierRef}`
export const refundOrderInfo = (dossierRef: string) => `Hoan phi ho so ${dossierRef} do rut ho so`
