import { createHash } from 'node:crypto'
import type { FileStorage } from '../../adapters/storage/file-storage.ts'
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

/**
 * Stores a signed PDF by its SHA-256, links it to the dossier, records it for /verify and puts it in
 * the applicant's vault — the same steps for an e-result and a digitized copy. Returns the SHA-256.
 */
export async function keepSignedDocument(
  db: Db,
  storage: FileStorage,
  signed: Buffer,
  doc: SignedDocument,
  now: Date,
): Promise<string> {
  const sha256 = createHash('sha256').update(signed).digest('hex')
  await storage.put(sha256, signed, { size: signed.length, mediaType: 'application/pdf' })
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('files')
      .values({ sha256, size: signed.length, media_type: 'application/pdf', storage_key: sha256, created_at: now })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute()
    await tx
      .insertInto('dossier_files')
      .values({
        dossier_id: doc.dossierId,
        sha256,
        component_name: doc.component,
        original_name: doc.fileName,
        uploaded_by: 'motcua',
        uploaded_at: now,
      })
      .onConflict((oc) => oc.columns(['dossier_id', 'sha256', 'component_name']).doNothing())
      .execute()
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
  })
  return sha256
}
