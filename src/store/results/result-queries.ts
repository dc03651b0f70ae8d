import type { Dossier } from '../../domain/dossier/state.ts'
import type { Db } from '../database.ts'

/** The dossier's state, its row locked until the transaction ends: issuers of its documents queue here. */
export async function lockDossierState(tx: Db, dossierId: string): Promise<Dossier | null> {
  const row = await tx.selectFrom('dossiers').select('state').where('id', '=', dossierId).forUpdate().executeTakeFirst()
  return row?.state ?? null
}

/** The name in force of an agency (its id when it has none). */
export async function agencyNameInForce(db: Db, agencyId: string): Promise<string> {
  const row = await db
    .selectFrom('agency_names')
    .select('name')
    .where('agency_id', '=', agencyId)
    .where('valid_to', 'is', null)
    .executeTakeFirst()
  return row?.name ?? agencyId
}

/** The procedure's name and its result's name (`result_name`, `;`-separated when several). */
export async function procedureNames(db: Db, procedure: Dossier['procedure']) {
  return db
    .selectFrom('procedure_versions')
    .select(['name', 'result_name'])
    .where('procedure_code', '=', procedure.code)
    .where('version', '=', procedure.version)
    .executeTakeFirstOrThrow()
}

/** A stored file's SHA-256 and media type, if motcua holds it. */
export async function storedFile(db: Db, sha256: string) {
  return db.selectFrom('files').select(['sha256', 'media_type']).where('sha256', '=', sha256).executeTakeFirst()
}
