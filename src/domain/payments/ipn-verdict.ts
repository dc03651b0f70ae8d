/**
 * What a gateway's server-to-server callback (IPN) means for motcua, decided in this order — the
 * order the gateways' guides answer in (VNPay: 97, 01, 04, 02, then 00): a signature that does not
 * check out, a reference motcua never issued, another amount or currency, a payment already settled;
 * only then the gateway's own success or failure.
 */
export const IpnVerdict = {
  InvalidSignature: 'invalid-signature',
  Malformed: 'malformed',
  NotFound: 'not-found',
  InvalidAmount: 'invalid-amount',
  AlreadyConfirmed: 'already-confirmed',
  Confirmed: 'confirmed',
  Failed: 'failed',
} as const
export type IpnVerdict = (typeof IpnVerdict)[keyof typeof IpnVerdict]

/** A callback as the gateway adapter verified it (or why it could not). */
export type CallbackCheck =
  | {
      readonly ok: true
      readonly amountVnd: number
      /** Null when the gateway sends none (VNPay's callbacks: the order was in VND). */
      readonly currency: string | null
      readonly succeeded: boolean
    }
  | { readonly ok: false; readonly reason: 'invalid-signature' | 'malformed' }

/** The payment the callback's reference names, as motcua holds it (null: no such reference). */
export type HeldPayment = {
  readonly amountVnd: number
  readonly currency: string
  readonly state: 'pending' | 'paid' | 'failed' | 'refunded'
}

/** Phán quyết IPN: the first rule the callback breaks, else the gateway's verdict. */
export function ipnVerdict(check: CallbackCheck, payment: HeldPayment | null): IpnVerdict {
  if (!check.ok) return check.reason
  if (payment === null) return IpnVerdict.NotFound
  if (check.amountVnd !== payment.amountVnd || (check.currency !== null && check.currency !== payment.currency))
    return IpnVerdict.InvalidAmount
  if (payment.state !== 'pending') return IpnVerdict.AlreadyConfirmed
  return check.succeeded ? IpnVerdict.Confirmed : IpnVerdict.Failed
}
