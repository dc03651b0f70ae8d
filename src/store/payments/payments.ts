import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { PaymentGateway, VerifiedCallback } from '../../adapters/payment/payment-gateway.ts'
import { IpnAnswer } from '../../adapters/payment/vnpay.ts'
import type { Actor } from '../../domain/dossier/actor.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import { DossierStatus } from '../../domain/dossier/status.ts'
import type { Db } from '../database.ts'
import { engineWithin } from './engine-within.ts'

/** The gateway's callbacks act on dossiers as motcua itself (rules.md §1: record-payment). */
export const paymentGatewayActor: Actor = {
  id: 'payment-gateway',
  name: 'Cổng thanh toán',
  role: 'system',
  agencyId: null,
}

/** How long a payment request stays payable at the gateway. */
const payableMinutes = 15

export type PaymentRequest =
  | { readonly ok: true; readonly paymentId: string; readonly paymentUrl: string }
  | { readonly ok: false; readonly reason: 'not-found' | 'not-awaiting-payment' }

/**
 * Yêu cầu thanh toán trực tuyến: a payment request for the fees of a dossier waiting for payment
 * (status 6), for the amount the specialist required. Each call is a new attempt with its own
 * reference; the first the gateway confirms records the payment.
 */
export async function requestPayment(
  db: Db,
  gateway: PaymentGateway,
  request: { dossierId: string; returnUrl: string; ipAddr: string; now: Date },
): Promise<PaymentRequest> {
  const row = await db
    .selectFrom('dossiers')
    .select(['id', 'state'])
    .where('id', '=', request.dossierId)
    .executeTakeFirst()
  if (!row?.state) return { ok: false, reason: 'not-found' }
  const d: Dossier = row.state
  if (d.status !== DossierStatus.PaymentRequired || !d.payment || d.payment.paidAt !== null)
    return { ok: false, reason: 'not-awaiting-payment' }
  const id = randomUUID()
  const txnRef = `MC${id.replace(/-/g, '').slice(0, 20).toUpperCase()}`
  await db
    .insertInto('payments')
    .values({
      id,
      dossier_id: row.id,
      gateway: gateway.name,
      txn_ref: txnRef,
      amount_vnd: d.payment.amountVnd,
      currency: 'VND',
      state: 'pending',
      created_at: request.now,
    })
    .execute()
  const paymentUrl = gateway.paymentUrl({
    txnRef,
    amountVnd: d.payment.amountVnd,
    orderInfo: `Nop phi le phi ho so ${d.code ?? row.id}`,
    returnUrl: request.returnUrl,
    ipAddr: request.ipAddr,
    createdAt: request.now,
    expiresAt: new Date(request.now.getTime() + payableMinutes * 60_000),
  })
  return { ok: true, paymentId: id, paymentUrl }
}

type Verdict =
  | 'confirmed'
  | 'confirmed-not-recorded'
  | 'failed'
  | 'invalid-signature'
  | 'malformed'
  | 'not-found'
  | 'invalid-amount'
  | 'already-confirmed'

async function logCallback(
  db: Db,
  entry: { paymentId: string | null; kind: 'ipn' | 'return'; txnRef: unknown; verdict: Verdict | string },
  fields: Readonly<Record<string, unknown>>,
  now: Date,
) {
  await db
    .insertInto('payment_callbacks')
    .values({
      payment_id: entry.paymentId,
      kind: entry.kind,
      txn_ref: typeof entry.txnRef === 'string' ? entry.txnRef.slice(0, 100) : null,
      verdict: entry.verdict,
      fields: JSON.stringify(fields),
      received_at: now,
    })
    .execute()
}

/** Biên lai điện tử number: `BLDT-<year>-<six digits>`, from one sequence (gaps only after a rollback). */
async function nextReceiptNumber(db: Db, now: Date): Promise<string> {
  const { rows } = await sql<{ n: number }>`SELECT nextval('payment_receipt_numbers') AS n`.execute(db)
  const year = new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear()
  return `BLDT-${year}-${String(rows[0]?.n ?? 0).padStart(6, '0')}`
}

/**
 * The gateway's server-to-server callback (IPN), answered in the gateway's terms. The signature is
 * checked before anything is read; then, in one transaction with the payment row locked: an unknown
 * reference, another amount or currency, or a payment already settled changes nothing; a success
 * marks the payment paid, issues the e-receipt number and records the payment on the dossier
 * (`record-payment` as the system actor); a failure marks it failed. Every callback is logged.
 */
export async function applyIpn(
  db: Db,
  gateway: PaymentGateway,
  query: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<IpnAnswer> {
  const verdict = gateway.verifyCallback(query)
  if (!verdict.ok) {
    await logCallback(
      db,
      { paymentId: null, kind: 'ipn', txnRef: query.vnp_TxnRef, verdict: verdict.reason },
      query,
      now,
    )
    return verdict.reason === 'invalid-signature' ? IpnAnswer.InvalidSignature : IpnAnswer.Unknown
  }
  const cb = verdict.callback
  return db.transaction().execute(async (tx) => {
    const answer = async (paymentId: string | null, v: Verdict, a: IpnAnswer) => {
      await logCallback(tx, { paymentId, kind: 'ipn', txnRef: cb.txnRef, verdict: v }, cb.fields, now)
      return a
    }
    const payment = await tx
      .selectFrom('payments')
      .selectAll()
      .where('txn_ref', '=', cb.txnRef)
      .forUpdate()
      .executeTakeFirst()
    if (!payment) return answer(null, 'not-found', IpnAnswer.OrderNotFound)
    if (cb.amountVnd !== Number(payment.amount_vnd) || (cb.currency !== null && cb.currency !== payment.currency))
      return answer(payment.id, 'invalid-amount', IpnAnswer.InvalidAmount)
    if (payment.state !== 'pending') return answer(payment.id, 'already-confirmed', IpnAnswer.AlreadyConfirmed)
    if (!cb.succeeded) {
      await settle(tx, payment.id, cb, { state: 'failed', receiptNo: null, now })
      return answer(payment.id, 'failed', IpnAnswer.Confirmed)
    }
    const receiptNo = await nextReceiptNumber(tx, now)
    await settle(tx, payment.id, cb, { state: 'paid', receiptNo, now })
    const recorded = await recordOnDossier(tx, payment.dossier_id, cb, Number(payment.amount_vnd), receiptNo, now)
    return answer(payment.id, recorded ? 'confirmed' : 'confirmed-not-recorded', IpnAnswer.Confirmed)
  })
}

async function settle(
  tx: Db,
  paymentId: string,
  cb: VerifiedCallback,
  outcome: { state: 'paid' | 'failed'; receiptNo: string | null; now: Date },
) {
  await tx
    .updateTable('payments')
    .set({
      state: outcome.state,
      gateway_txn: cb.gatewayTxn,
      paid_at: outcome.state === 'paid' ? (cb.paidAt ?? outcome.now) : null,
      receipt_no: outcome.receiptNo,
      raw_callback: JSON.stringify(cb.fields),
    })
    .where('id', '=', paymentId)
    .execute()
}

/**
 * `record-payment` through the lifecycle engine, in the IPN's transaction. False when the dossier no
 * longer waits for this payment (paid at the counter, withdrawn meanwhile): the money is then held
 * as paid and the payment stays refundable.
 */
async function recordOnDossier(
  tx: Parameters<typeof engineWithin>[0],
  dossierId: string,
  cb: VerifiedCallback,
  amountVnd: number,
  receipt: string,
  now: Date,
): Promise<boolean> {
  const dossier = await tx
    .selectFrom('dossiers')
    .select('version')
    .where('id', '=', dossierId)
    .executeTakeFirstOrThrow()
  const outcome = await engineWithin(tx).run(
    dossierId,
    { action: 'record-payment', actor: paymentGatewayActor, amountVnd, receipt },
    dossier.version,
    { idempotencyKey: `payment-ipn:${cb.txnRef}`, now },
  )
  return outcome.ok
}

/**
 * The browser's return from the gateway: verified and logged, never acted on (the IPN does that).
 * Null when the signature fails; else the dossier to show and whether the gateway reported success.
 */
export async function verifyReturn(
  db: Db,
  gateway: PaymentGateway,
  query: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<{ dossierId: string; succeeded: boolean } | null> {
  const verdict = gateway.verifyCallback(query)
  const payment = verdict.ok
    ? await db
        .selectFrom('payments')
        .select(['id', 'dossier_id'])
        .where('txn_ref', '=', verdict.callback.txnRef)
        .executeTakeFirst()
    : undefined
  await logCallback(
    db,
    {
      paymentId: payment?.id ?? null,
      kind: 'return',
      txnRef: query.vnp_TxnRef,
      verdict: verdict.ok ? (payment ? 'verified' : 'not-found') : verdict.reason,
    },
    query,
    now,
  )
  if (!verdict.ok || !payment) return null
  return { dossierId: payment.dossier_id, succeeded: verdict.callback.succeeded }
}
