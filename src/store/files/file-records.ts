import { sql } from 'kysely'
import type { RequiredDocument } from '../../domain/catalog/procedure.ts'
import type { Db } from '../database.ts'

/** A stored file as a dossier links it: what a download needs. */
export type LinkedFile = {
  readonly sha256: string
  readonly size: number
  readonly mediaType: string
  readonly storageKey: string
  /** The display name given at the first upload of this content to this dossier, if any. */
  readonly originalName: string | null
}

export type Upload = {
  readonly dossierId: string
  readonly sha256: string
  readonly size: number
  readonly mediaType: string
  readonly storageKey: string
  readonly component: string
  readonly originalName: string | null
  readonly uploadedBy: string
  readonly at: Date
}

/** Bytes a dossier holds: each distinct content once, however many components it is linked to. */
export async function dossierBytes(db: Db, dossierId: string): Promise<number> {
  const row = await db
    .selectFrom('files')
    .select(sql<number>`coalesce(sum(size), 0)`.as('total'))
    .where('sha256', 'in', db.selectFrom('dossier_files').select('sha256').where('dossier_id', '=', dossierId))
    .executeTakeFirstOrThrow()
  return Number(row.total)
}

export async function isLinked(db: Db, dossierId: string, sha256: string): Promise<boolean> {
  const row = await db
    .selectFrom('dossier_files')
    .select('sha256')
    .where('dossier_id', '=', dossierId)
    .where('sha256', '=', sha256)
    .executeTakeFirst()
  return row !== undefined
}

/** The documents the dossier's procedure version requires (thành phần hồ sơ), each with its form. */
export async function requiredDocumentsOf(db: Db, procedureCode: string, version: number): Promise<RequiredDocument[]> {
  const row = await db
    .selectFrom('procedure_versions')
    .select('required_documents')
    .where('procedure_code', '=', procedureCode)
    .where('version', '=', version)
    .executeTakeFirst()
  return row ? row.required_documents : []
}

/** Names of the documents the dossier's procedure version requires (thành phần hồ sơ). */
export async function requiredDocumentNames(db: Db, procedureCode: string, version: number): Promise<string[]> {
  const row = await db
    .selectFrom('procedure_versions')
    .select('required_documents')
    .where('procedure_code', '=', procedureCode)
    .where('version', '=', version)
    .executeTakeFirst()
  return row ? row.required_documents.map((d) => d.name) : []
}

/**
 * Records an upload whose content is already stored: the file once per content, the link once per
 * component. Under the dossier's row lock, so concurrent uploads cannot together pass the per-dossier
 * limit. 'over-limit' when linking new content would take the dossier past `maxDossierBytes`.
 */
export async function recordUpload(db: Db, upload: Upload, maxDossierBytes: number): Promise<'ok' | 'over-limit'> {
  return db.transaction().execute(async (tx) => {
    await tx.selectFrom('dossiers').select('id').where('id', '=', upload.dossierId).forUpdate().execute()
    if (!(await isLinked(tx, upload.dossierId, upload.sha256))) {
      const total = await dossierBytes(tx, upload.dossierId)
      if (total + upload.size > maxDossierBytes) return 'over-limit'
    }
    await tx
      .insertInto('files')
      .values({
        sha256: upload.sha256,
        size: upload.size,
        media_type: upload.mediaType,
        storage_key: upload.storageKey,
        created_at: upload.at,
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute()
    await tx
      .insertInto('dossier_files')
      .values({
        dossier_id: upload.dossierId,
        sha256: upload.sha256,
        component_name: upload.component,
        original_name: upload.originalName,
        uploaded_by: upload.uploadedBy,
        uploaded_at: upload.at,
      })
      .onConflict((oc) => oc.columns(['dossier_id', 'sha256', 'component_name']).doNothing())
      .execute()
    return 'ok'
  })
}

/** The file, when it is linked to the dossier; otherwise null (a file of another dossier is not found). */
export async function findLinkedFile(db: Db, dossierId: string, sha256: string): Promise<LinkedFile | null> {
  const row = await db
    .selectFrom('dossier_files as l')
    .innerJoin('files as f', 'f.sha256', 'l.sha256')
    .select(['f.sha256', 'f.size', 'f.media_type', 'f.storage_key', 'l.original_name'])
    .where('l.dossier_id', '=', dossierId)
    .where('l.sha256', '=', sha256)
    .orderBy(sql`l.original_name IS NULL`)
    .orderBy('l.uploaded_at')
    .limit(1)
    .executeTakeFirst()
  return row
    ? {
        sha256: row.sha256,
        size: Number(row.size),
        mediaType: row.media_type,
        storageKey: row.storage_key,
        originalName: row.original_name,
      }
    : null
}

/** A vault document linked to the dossier as the file of a component it was reused for (once per component). */
export async function linkReusedFile(
  db: Db,
  link: { dossierId: string; sha256: string; componentName: string; title: string; by: string; at: Date },
): Promise<void> {
  await db
    .insertInto('dossier_files')
    .values({
      dossier_id: link.dossierId,
      sha256: link.sha256,
      component_name: link.componentName,
      original_name: link.title,
      uploaded_by: link.by,
      uploaded_at: link.at,
    })
    .onConflict((oc) => oc.columns(['dossier_id', 'sha256', 'component_name']).doNothing())
    .execute()
}
