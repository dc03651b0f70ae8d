import { sql } from 'kysely'
import type { Dossier } from '../../domain/dossier/state.ts'
import type { EReceipt } from '../../domain/payments/e-receipt.ts'
import type { Db } from '../database.ts'

/** The e-receipt of a payment of the dossier, once the gateway confirmed it (paid, or later refunded). */
export async function eReceiptOf(db: Db, dossierId: string, paymentId: string): Promise<EReceipt | null> {
  const row = await db
    .selectFrom('payments as p')
    .innerJoin('dossiers as d', 'd.id', 'p.dossier_id')
    .innerJoin('procedure_versions as v', (j) =>
      j.onRef('v.procedure_code', '=', 'd.procedure_code').onRef('v.version', '=', 'd.procedure_version'),
    )
    .select(['p.receipt_no', 'p.amount_vnd', 'p.paid_at', 'p.gateway', 'p.gateway_txn', 'd.state', 'd.code', 'd.id'])
    .select((eb) =>
      eb
        .selectFrom('agency_names as n')
        .select('n.name')
        .whereRef('n.agency_id', '=', sql.ref('d.receiving_agency_id'))
        .orderBy('n.valid_from', 'desc')
        .limit(1)
        .as('agency_name'),
    )
    .select('v.name as procedure_name')
    .where('p.id', '=', paymentId)
    .where('p.dossier_id', '=', dossierId)
    .where('p.state', 'in', ['paid', 'refunded'])
    .executeTakeFirst()
  if (!row?.receipt_no || !row.paid_at) return null
  const d = row.state as Dossier
  return {
    receiptNo: row.receipt_no,
    agencyName: row.agency_name ?? '',
    payerName: d.applicant.name,
    dossierCode: row.code ?? row.id,
    procedureName: row.procedure_name,
    amountVnd: Number(row.amount_vnd),
    paidAt: row.paid_at,
    gateway: row.gateway,
    gatewayTxn: row.gateway_txn,
  }
}
