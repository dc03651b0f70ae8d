import type { Transaction } from 'kysely'
import type { PaymentGateway, VerifiedCallback } from '../../adapters/payment/payment-gateway.ts'
import { paymentGatewayActor } from '../../domain/payments/gateway-references.ts'
import { type CallbackCheck, IpnVerdict, ipnVerdict } from '../../domain/payments/ipn-verdict.ts'
import { receiptNumber } from '../../domain/payments/receipt-number.ts'
import type { Db } from '../../store/database.ts'
import type { dossierCommands } from '../../store/dossiers/dossier-commands.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import {
  lockPaymentByTxnRef,
  logPaymentCallback,
  nextReceiptSequence,
  settlePayment,
} from '../../store/payments/payments.ts'
import type { Database } from '../../store/schema.ts'

type Engine = ReturnType<typeof dossierCommands>

/** The verdict, and whether a confirmed payment also reached the dossier's log. */
export type IpnOutcome = { readonly verdict: IpnVerdict; readonly recorded: boolean }

/**
 * The gateway's server-to-server callback (IPN). The signature is checked before anything is read;
 * then, in ONE transaction with the payment row locked, the domain's verdict is applied: a success
 * marks the payment paid, numbers the e-receipt and records the payment on the dossier through the
 * lifecycle engine (`record-payment` as the system actor); a failure marks it failed; anything else
 * changes nothing. Every callback is logged with its verdict.
 */
export async function handlePaymentIpn(
  deps: { readonly db: Db; readonly gateway: PaymentGateway; readonly engine: Engine },
  query: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<IpnOutcome> {
  const checked = deps.gateway.verifyCallback(query)
  if (!checked.ok) {
    const verdict = ipnVerdict(checked, null)
    await logPaymentCallback(deps.db, { paymentId: null, kind: 'ipn', txnRef: query.vnp_TxnRef, verdict }, query, now)
    return { verdict, recorded: false }
  }
  const cb = checked.callback
  return deps.db.transaction().execute(async (tx) => {
    const payment = await lockPaymentByTxnRef(tx, cb.txnRef)
    const verdict = ipnVerdict(callbackCheck(cb), payment ? { ...payment, amountVnd: payment.amount_vnd } : null)
    let recorded = false
    if (payment && verdict === IpnVerdict.Failed)
      await settlePayment(tx, payment.id, settlementOf(cb, 'failed', null, now))
    if (payment && verdict === IpnVerdict.Confirmed) {
      const receiptNo = receiptNumber(await nextReceiptSequence(tx), now)
      await settlePayment(tx, payment.id, settlementOf(cb, 'paid', receiptNo, now))
      recorded = await recordOnDossier(
        deps.engine,
        tx,
        payment.dossier_id,
        cb.txnRef,
        payment.amount_vnd,
        receiptNo,
        now,
      )
    }
    const logged = verdict === IpnVerdict.Confirmed && !recorded ? 'confirmed-not-recorded' : verdict
    await logPaymentCallback(
      tx,
      { paymentId: payment?.id ?? null, kind: 'ipn', txnRef: cb.txnRef, verdict: logged },
      cb.fields,
      now,
    )
    return { verdict, recorded }
  })
}

const callbackCheck = (cb: VerifiedCallback): CallbackCheck => ({
  ok: true,
  amountVnd: cb.amountVnd,
  currency: cb.currency,
  succeeded: cb.succeeded,
})

const settlementOf = (cb: VerifiedCallback, state: 'paid' | 'failed', receiptNo: string | null, now: Date) => ({
  state,
  gatewayTxn: cb.gatewayTxn,
  paidAt: state === 'paid' ? (cb.paidAt ?? now) : null,
  receiptNo,
  rawCallback: cb.fields,
})

/**
 * `record-payment` through the lifecycle engine, in the IPN's transaction. False when the dossier no
 * longer waits for this payment (paid at the counter, withdrawn meanwhile): the money is then held
 * as paid and stays refundable.
 */
async function recordOnDossier(
  engine: Engine,
  tx: Transaction<Database>,
  dossierId: string,
  txnRef: string,
  amountVnd: number,
  receipt: string,
  now: Date,
): Promise<boolean> {
  const dossier = await loadDossier(tx, dossierId)
  if (!dossier) return false
  const outcome = await engine.run(
    dossierId,
    { action: 'record-payment', actor: paymentGatewayActor, amountVnd, receipt },
    dossier.state.version,
    { idempotencyKey: `payment-ipn:${txnRef}`, now, transaction: tx },
  )
  return outcome.ok
}
