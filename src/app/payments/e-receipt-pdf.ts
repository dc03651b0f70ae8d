import { renderEReceipt } from '../../adapters/payment/e-receipt.ts'
import type { Principal } from '../../domain/access/principal.ts'
import { canReadDossier } from '../../domain/access/route-permissions.ts'
import type { Db } from '../../store/database.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { eReceiptOf } from '../../store/payments/receipts.ts'
import { isUuid } from '../../store/uuid.ts'

export type EReceiptPdf =
  | { readonly ok: true; readonly receiptNo: string; readonly pdf: Buffer }
  | { readonly ok: false; readonly reason: 'dossier-not-found' | 'forbidden' | 'payment-not-found' }

/** Biên lai điện tử: the PDF receipt of a confirmed online payment, for whoever may read the dossier. */
export async function eReceiptPdf(db: Db, principal: Principal, ref: string, paymentId: string): Promise<EReceiptPdf> {
  const found = await loadDossier(db, ref)
  if (!found) return { ok: false, reason: 'dossier-not-found' }
  if (!canReadDossier(principal, found.state)) return { ok: false, reason: 'forbidden' }
  const receipt = isUuid(paymentId) ? await eReceiptOf(db, found.id, paymentId) : null
  if (!receipt) return { ok: false, reason: 'payment-not-found' }
  return { ok: true, receiptNo: receipt.receiptNo, pdf: await renderEReceipt(receipt) }
}
