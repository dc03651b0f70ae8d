import type { Selectable } from 'kysely'
import type { DossierDocumentLink, DossierDocumentRole } from '../../domain/documents/dossier-document.ts'
import type { Db } from '../database.ts'
import type { Database } from '../schema.ts'

const toLink = (r: Selectable<Database['dossier_documents']>): DossierDocumentLink => ({
  documentId: r.document_id,
  dossierId: r.dossier_id,
  role: r.role as DossierDocumentRole,
  replyTo: r.reply_to,
  createdAt: new Date(r.created_at).toISOString(),
})

/** Links a document to the dossier it concerns, in the caller's transaction; a document has one dossier. */
export async function linkDossierDocument(tx: Db, link: DossierDocumentLink): Promise<void> {
  await tx
    .insertInto('dossier_documents')
    .values({
      document_id: link.documentId,
      dossier_id: link.dossierId,
      role: link.role,
      reply_to: link.replyTo,
      created_at: link.createdAt,
    })
    .execute()
}

/** The dossier's documents in the order they were linked. */
export async function dossierDocumentLinks(db: Db, dossierId: string): Promise<DossierDocumentLink[]> {
  const rows = await db
    .selectFrom('dossier_documents')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('created_at')
    .orderBy('document_id')
    .execute()
  return rows.map(toLink)
}

/** The link of one document, or undefined when it concerns no dossier (an answer arriving looks here). */
export async function dossierOfDocument(db: Db, documentId: string): Promise<DossierDocumentLink | undefined> {
  const r = await db
    .selectFrom('dossier_documents')
    .selectAll()
    .where('document_id', '=', documentId)
    .executeTakeFirst()
  return r ? toLink(r) : undefined
}
