import { sql } from 'kysely'
import type { Db } from '../database.ts'

/**
 * Claims a received package for one incoming document, in the caller's transaction: false when the
 * package has its document already. A concurrent claim of the same package waits on this one's row
 * and then finds it (PRIMARY KEY), so the same package twice is one document.
 */
export async function claimArrival(
  tx: Db,
  a: { axisMessageId: string; documentId: string; edxmlDocumentId: string },
  now: Date,
): Promise<boolean> {
  const r = await sql`INSERT INTO document_axis_arrivals (axis_message_id, document_id, edxml_document_id, created_at)
    VALUES (${a.axisMessageId}, ${a.documentId}, ${a.edxmlDocumentId}, ${now})
    ON CONFLICT (axis_message_id) DO NOTHING`.execute(tx)
  return Number(r.numAffectedRows ?? 0) === 1
}

/** The received package an incoming document came in, if it came over the axis. */
export async function arrivalOfDocument(db: Db, documentId: string): Promise<string | null> {
  const r = await sql<{ axis_message_id: string }>`SELECT axis_message_id FROM document_axis_arrivals
    WHERE document_id = ${documentId}`.execute(db)
  return r.rows[0]?.axis_message_id ?? null
}

/** The incoming documents (ids, oldest first) that arrived as the edXML document `edxmlDocumentId`. */
export async function documentsOfEdxml(db: Db, edxmlDocumentId: string): Promise<string[]> {
  const r = await sql<{ document_id: string }>`SELECT document_id FROM document_axis_arrivals
    WHERE edxml_document_id = ${edxmlDocumentId} ORDER BY created_at, document_id`.execute(db)
  return r.rows.map((row) => row.document_id)
}

export type StoredAttachment = { readonly name: string; readonly mediaType: string; readonly sha256: string }

export async function saveAttachments(
  tx: Db,
  documentId: string,
  files: readonly (StoredAttachment & { readonly bytes: Uint8Array })[],
): Promise<void> {
  for (const [i, f] of files.entries())
    await sql`INSERT INTO document_attachments (document_id, seq, name, media_type, sha256, content)
      VALUES (${documentId}, ${i + 1}, ${f.name}, ${f.mediaType}, ${f.sha256}, ${Buffer.from(f.bytes)})`.execute(tx)
}

/** A document's attachments as received (without their bytes), in the package's order. */
export async function attachmentsOf(db: Db, documentId: string): Promise<StoredAttachment[]> {
  const r = await sql<{ name: string; media_type: string; sha256: string }>`SELECT name, media_type, sha256
    FROM document_attachments WHERE document_id = ${documentId} ORDER BY seq`.execute(db)
  return r.rows.map((row) => ({ name: row.name, mediaType: row.media_type, sha256: row.sha256 }))
}
