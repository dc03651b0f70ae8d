import type { Dossier } from '../dossier/state.ts'
import { DossierStatus } from '../dossier/status.ts'

/**
 * Product rule (rules.md §1, withdrawal; configuration, not law): a fee paid online is refunded in
 * full when the applicant withdraws before the result is issued. `refundOnWithdrawal: false` turns
 * refunds off (the fee is then kept, as Decree 61's fee rules allow once appraisal has been done).
 */
export type RefundPolicy = { readonly refundOnWithdrawal: boolean }

/** Hoàn phí khi rút hồ sơ: whether the online payments of this dossier are to be given back. */
export function refundDue(d: Dossier | null, policy: RefundPolicy): boolean {
  return d !== null && d.status === DossierStatus.Withdrawn && d.result === null && policy.refundOnWithdrawal
}
