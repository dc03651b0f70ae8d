import { type CurrentProcedure, fieldKey } from '../../domain/catalog/catalogue-diff.ts'
import type { Db } from '../database.ts'

/** What a sync diffs against: each procedure's latest version not ended before `today`, and the fields. */
export async function catalogueInForce(
  db: Db,
  today: string,
): Promise<{ current: CurrentProcedure[]; fieldIds: Map<string, string>; revision: number }> {
  const [rows, fields, revision] = await Promise.all([
    db
      .selectFrom('procedure_versions')
      .selectAll()
      .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', today)]))
      .orderBy('procedure_code')
      .orderBy('version', 'desc')
      .execute(),
    db.selectFrom('fields').select(['id', 'name']).execute(),
    catalogueRevision(db),
  ])
  const latest = new Map<string, CurrentProcedure>()
  for (const r of rows) {
    if (latest.has(r.procedure_code)) continue
    latest.set(r.procedure_code, {
      code: r.procedure_code,
      version: {
        version: r.version,
        effectiveTo: r.effective_to,
        name: r.name,
        level: r.level as CurrentProcedure['version']['level'],
        fieldId: r.field_id,
        legalBasis: r.legal_basis,
        statutoryTimeLimit: r.statutory_time_limit,
        fees: r.fees,
        requiredDocuments: r.required_documents,
        publication: r.publication,
      },
    })
  }
  return { current: [...latest.values()], fieldIds: new Map(fields.map((f) => [fieldKey(f.name), f.id])), revision }
}

export async function catalogueRevision(db: Db): Promise<number> {
  const row = await db.selectFrom('catalogue_revision').select('revision').executeTakeFirstOrThrow()
  return row.revision
}
