import { sql } from 'kysely'
import type { Applicant } from '../../domain/dossier/events.ts'
import type { Db } from '../database.ts'
import { recordIssuedDocument } from '../signing/issued-documents.ts'
import { addVaultItem, vaultOwnerOf } from '../vault/vault-items.ts'

/** A PDF motcua signed for a dossier: what it is, for whom, and by which agency. */
export type SignedDocument = {
  readonly dossierId: string
  readonly applicant: Applicant
  readonly agencyId: string
  /** The component it is linked as (e.g. "Kết quả giải quyết") and its file name for display. */
  readonly component: string
  readonly fileName: string
  readonly issuedKind: 'result' | 'digitized'
  readonly vaultKind: 'e_result' | 'digitized'
  readonly vaultTitle: string
}

/** The one signed copy motcua linked as this component of the dossier, if any. */
export async function signedCopyOf(db: Db, dossierId: string, component: string): Promise<string | null> {
  const row = await db
    .selectFrom('dossier_files')
    .select('sha256')
    .where('dossier_id', '=', dossierId)
    .where('component_name', '=', component)
    .where('uploaded_by', '=', 'motcua')
    .executeTakeFirst()
  return row?.sha256 ?? null
}

/**
 * Links a signed PDF (already in file storage) to the dossier, records it for /verify and puts it in
 * the applicant's vault, in the caller's transaction. The link is claimed first, against the unique
 * key of one signed copy per dossier and component (migration 0015): false when another issuer got
 * there first, and then nothing of this copy is linked.
 */
export async function linkSignedDocument(
  tx: Db,
  signed: { readonly sha256: string; readonly size: number },
  doc: SignedDocument,
  now: Date,
): Promise<boolean> {
  const { sha256, size } = signed
  await tx
    .insertInto('files')
    .values({ sha256, size, media_type: 'application/pdf', storage_key: sha256, created_at: now })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute()
  const claimed = await tx
    .insertInto('dossier_files')
    .values({
      dossier_id: doc.dossierId,
      sha256,
      component_name: doc.component,
      original_name: doc.fileName,
      uploaded_by: 'motcua',
      uploaded_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['dossier_id', 'component_name']).where(sql<boolean>`uploaded_by = 'motcua'`).doNothing(),
    )
    .returning('sha256')
    .executeTakeFirst()
  if (!claimed) return false
  await recordIssuedDocument(tx, { sha256 }, { dossierId: doc.dossierId, kind: doc.issuedKind, issuedAt: now })
  await addVaultItem(
    tx,
    {
      ownerKey: vaultOwnerOf(doc.applicant),
      sha256,
      kind: doc.vaultKind,
      title: doc.vaultTitle,
      dossierId: doc.dossierId,
      agencyId: doc.agencyId,
    },
    now,
  )
  return true
}
