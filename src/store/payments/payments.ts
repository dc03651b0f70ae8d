import { sql } from 'kysely'
import type { Db } from '../database.ts'

/** A payment request sent to a gateway, before it answered. */
export type NewPayment = {
  readonly id: string
  readonly dossierId: string
  readonly gateway: string
  readonly txnRef: string
  readonly amountVnd: number
  readonly createdAt: Date
}

export async function insertPendingPayment(db: Db, p: NewPayment): Promise<void> {
  await db
    .insertInto('payments')
    .values({
      id: p.id,
      dossier_id: p.dossierId,
      gateway: p.gateway,
      txn_ref: p.txnRef,
      amount_vnd: p.amountVnd,
      currency: 'VND',
      state: 'pending',
      created_at: p.createdAt,
    })
    .execute()
}

/** Every callback the gateway made, with the verdict motcua gave it. */
export async function logPaymentCallback(
  db: Db,
  entry: { paymentId: string | null; kind: 'ipn' | 'return'; txnRef: unknown; verdict: string },
  fields: Readonly<Record<string, unknown>>,
  now: Date,
): Promise<void> {
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

/** The payment of a merchant reference, locked until the transaction ends (twins of one IPN wait). */
export async function lockPaymentByTxnRef(tx: Db, txnRef: string) {
  const row = await tx.selectFrom('payments').selectAll().where('txn_ref', '=', txnRef).forUpdate().executeTakeFirst()
  return row && { ...row, amount_vnd: Number(row.amount_vnd) }
}

export async function paymentByTxnRef(db: Db, txnRef: string) {
  return db.selectFrom('payments').select(['id', 'dossier_id']).where('txn_ref', '=', txnRef).executeTakeFirst()
}

export type Settlement = {
  readonly state: 'paid' | 'failed'
  readonly gatewayTxn: string | null
  readonly paidAt: Date | null
  readonly receiptNo: string | null
  readonly rawCallback: Readonly<Record<string, string>>
}

export async function settlePayment(tx: Db, paymentId: string, s: Settlement): Promise<void> {
  await tx
    .updateTable('payments')
    .set({
      state: s.state,
      gateway_txn: s.gatewayTxn,
      paid_at: s.paidAt,
      receipt_no: s.receiptNo,
      raw_callback: JSON.stringify(s.rawCallback),
    })
    .where('id', '=', paymentId)
    .execute()
}

/** The next number of the e-receipt sequence (a rolled-back transaction leaves a gap). */
export async function nextReceiptSequence(tx: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT nextval('payment_receipt_numbers') AS n`.execute(tx)
  return Number(rows[0]?.n ?? 0)
}

/** Online payments of a dossier at a gateway still held as paid (not refunded). */
export async function paidPayments(db: Db, dossierId: string, gateway: string) {
  const rows = await db
    .selectFrom('payments')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .where('state', '=', 'paid')
    .where('gateway', '=', gateway)
    .execute()
  return rows.map((r) => ({ ...r, amount_vnd: Number(r.amount_vnd) }))
}

export async function markRefunded(db: Db, paymentId: string, answer: unknown, now: Date): Promise<void> {
  await db
    .updateTable('payments')
    .set({ state: 'refunded', refunded_at: now, refund_response: JSON.stringify(answer) })
    .where('id', '=', paymentId)
    .where('state', '=', 'paid')
    .execute()
}
