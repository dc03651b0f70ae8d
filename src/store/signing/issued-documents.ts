import { createHash } from 'node:crypto'
import type { Db } from '../database.ts'

/** What motcua issued: a result (kết quả) or another document, for a dossier. */
export type IssuedDocument = {
  readonly dossierId: string | null
  /** e.g. 'result' (kết quả giải quyết), 'receipt' (giấy tiếp nhận và hẹn trả kết quả). */
  readonly kind: string
  readonly issuedAt: Date
}

/**
 * Records a document motcua issued, by the SHA-256 of its exact bytes, so `POST /api/verify` can
 * name the dossier it belongs to. Idempotent: recording the same bytes again changes nothing.
 * Takes the bytes, or their SHA-256 (hex) when the caller has it already; returns the SHA-256.
 */
export async function recordIssuedDocument(
  db: Db,
  document: Buffer | { readonly sha256: string },
  issued: IssuedDocument,
): Promise<string> {
  const sha256 = Buffer.isBuffer(document) ? createHash('sha256').update(document).digest('hex') : document.sha256
  await db
    .insertInto('issued_documents')
    .values({ sha256, dossier_id: issued.dossierId, kind: issued.kind, issued_at: issued.issuedAt })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute()
  return sha256
}

/** The dossier (code and national status) an issued document belongs to, if motcua issued it. */
export async function findIssuedDocument(
  db: Db,
  sha256: string,
): Promise<{ kind: string; issuedAt: Date; dossier: { code: string | null; status: number } | null } | null> {
  const row = await db
    .selectFrom('issued_documents as i')
    .leftJoin('dossiers as d', 'd.id', 'i.dossier_id')
    .where('i.sha256', '=', sha256)
    .select(['i.kind', 'i.issued_at', 'd.id as dossier_id', 'd.code', 'd.status'])
    .executeTakeFirst()
  if (!row) return null
  return {
    kind: row.kind,
    issuedAt: row.issued_at,
    dossier: row.dossier_id === null || row.status === null ? null : { code: row.code, status: row.status },
  }
}
