import { isDeepStrictEqual } from 'node:util'
import type { DecisionContext } from '../../domain/dossier/context.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import { factsOfDossier, type ProcedureKpiTerms } from '../../domain/kpi/facts-of-dossier.ts'
import type { Db } from '../database.ts'
import { loadFacts } from './facts-rows.ts'
import { recordFacts } from './record-facts.ts'

/** The parts of a procedure version the indicators read. */
export async function procedureKpiTerms(db: Db, code: string, version: number): Promise<ProcedureKpiTerms> {
  const row = await db
    .selectFrom('procedure_versions')
    .select(['field_id', 'result_kind', 'fees'])
    .where('procedure_code', '=', code)
    .where('version', '=', version)
    .executeTakeFirstOrThrow()
  return { fieldId: row.field_id, resultKind: row.result_kind as ProcedureKpiTerms['resultKind'], fees: row.fees }
}

/**
 * Brings a motcua dossier's indicator facts up to date in the caller's transaction; what motcua knows
 * outside the event log (an issued e-result) is kept from the stored facts unless given.
 */
export async function refreshDossierFacts(
  tx: Db,
  dossierId: string,
  d: Dossier,
  terms: ProcedureKpiTerms,
  calendar: DecisionContext['calendar'],
  outside: { eResult?: boolean; previous?: Dossier | null } = {},
): Promise<void> {
  // Most commands (assignment, appraisal, approval…) change nothing the indicators count: when the
  // facts before and after the command agree, whatever the stored e-result, there is nothing to write.
  const probe = (x: Dossier) => factsOfDossier(dossierId, x, terms, calendar, { eResult: false })
  if (outside.eResult === undefined && outside.previous && isDeepStrictEqual(probe(outside.previous), probe(d))) return
  const before = await loadFacts(tx, [dossierId])
  const old = before.get(dossierId)
  const facts = factsOfDossier(dossierId, d, terms, calendar, { eResult: outside.eResult ?? old?.eResult ?? false })
  if (facts === null) return
  await recordFacts(tx, [facts], before)
}

/**
 * Indicators 3.3, 4.1 and 4.2 count a dossier's e-result once it is signed and stored: the facts are
 * refreshed under the dossier's row lock, so a concurrent command cannot write older facts over them.
 */
export async function recordElectronicResult(
  db: Db,
  dossierId: string,
  calendar: DecisionContext['calendar'],
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('dossiers')
      .select(['state', 'procedure_code', 'procedure_version'])
      .where('id', '=', dossierId)
      .forUpdate()
      .executeTakeFirst()
    if (!row?.state) return
    const terms = await procedureKpiTerms(tx, row.procedure_code, row.procedure_version)
    await refreshDossierFacts(tx, dossierId, row.state, terms, calendar, { eResult: true })
  })
}
