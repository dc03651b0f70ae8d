import type { Dossier } from '../dossier/state.ts'
import { DossierStatus } from '../dossier/status.ts'

/** How long a payment request stays payable at the gateway (product rule, rules.md §8). */
export const payableMinutes = 15

/** The window in which the gateway accepts a payment request made at `now`. */
export function payableWindow(now: Date): { readonly createdAt: Date; readonly expiresAt: Date } {
  return { createdAt: now, expiresAt: new Date(now.getTime() + payableMinutes * 60_000) }
}

/**
 * The fee the dossier waits for, or null: only a dossier asked to pay (status 6) whose payment has
 * not been recorded yet can be paid online, for the amount the specialist required.
 */
export function awaitedFee(d: Dossier): { readonly amountVnd: number } | null {
  if (d.status !== DossierStatus.PaymentRequired || !d.payment || d.payment.paidAt !== null) return null
  return { amountVnd: d.payment.amountVnd }
}
