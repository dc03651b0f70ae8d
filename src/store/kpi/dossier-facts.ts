import { isDeepStrictEqual } from 'node:util'
import type { Selectable } from 'kysely'
import type { DecisionContext } from '../../domain/dossier/context.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import type { DossierFacts } from '../../domain/kpi/facts.ts'
import { factsOfDossier, type ProcedureKpiTerms } from '../../domain/kpi/facts-of-dossier.ts'
import type { Db } from '../database.ts'
import type { Database } from '../schema.ts'
import { accumulateChange, type CountDeltas, type CountRow, countRows } from './count-rows.ts'
import { factsOfRow } from './facts-rows.ts'

type FactsRow = Selectable<Database['kpi_dossiers']>

/** `to_jsonb` of a facts row: its timestamps as ISO 8601 text. */
export type FactsJson = {
  readonly [K in keyof FactsRow]: FactsRow[K] extends Date
    ? string
    : FactsRow[K] extends Date | null
      ? string | null
      : FactsRow[K]
}

/**
 * The stored facts from `to_jsonb(k)` of the facts row left-joined to its dossier, one column where
 * the row's 28 would each need parsing: null when the dossier has none yet.
 */
export function storedFacts(json: FactsJson | null): DossierFacts | null {
  if (json === null || json.dossier_id === null) return null
  const at = (text: string | null) => (text === null ? null : new Date(text))
  return factsOfRow({
    ...json,
    received_at: new Date(json.received_at),
    deadline_at: at(json.deadline_at),
    second_supplement_at: at(json.second_supplement_at),
    pending_supplement_since: at(json.pending_supplement_since),
    ended_at: at(json.ended_at),
  })
}

/** What a command changes in the indicator tables: counter increments and the new facts row. */
export type FactsWrite = { readonly counts: readonly CountRow[]; readonly facts: DossierFacts }

/**
 * The indicator writes a dossier's new state needs, against its stored facts (read with the dossier
 * under its lock, so no other writer moved them): null when nothing the indicators count changed. An
 * e-result signed before it was an event is kept from the stored facts; since, the fold carries it.
 * A complaint (a petition linked to the dossier) is kept from the stored facts too.
 */
export function factsWrite(
  dossierId: string,
  d: Dossier,
  stored: DossierFacts | null,
  terms: ProcedureKpiTerms,
  calendar: DecisionContext['calendar'],
): FactsWrite | null {
  const batch = batchFactsWrite([{ dossierId, d, stored, terms }], calendar)
  const [facts] = batch.facts
  return facts ? { counts: batch.counts, facts } : null
}

/** One dossier's change in a batch: its new state against its stored facts. */
export type FactsChange = {
  readonly dossierId: string
  readonly d: Dossier
  readonly stored: DossierFacts | null
  readonly terms: ProcedureKpiTerms
}

/**
 * The indicator writes of several dossiers written by one statement: each counter row's increments
 * summed over the dossiers (a row may appear once in an upsert), and the facts rows that changed.
 */
export function batchFactsWrite(
  changes: readonly FactsChange[],
  calendar: DecisionContext['calendar'],
): { readonly counts: readonly CountRow[]; readonly facts: readonly DossierFacts[] } {
  const deltas: CountDeltas = new Map()
  const changed: DossierFacts[] = []
  for (const { dossierId, d, stored, terms } of changes) {
    const facts = factsOfDossier(dossierId, d, terms, calendar, {
      eResult: stored?.eResult ?? false,
      portalSynced: stored?.portalSynced ?? false,
      complaint: stored?.complaint ?? false,
    })
    if (facts === null || (stored !== null && isDeepStrictEqual(stored, facts))) continue
    accumulateChange(deltas, stored, facts)
    changed.push(facts)
  }
  return { counts: countRows(deltas), facts: changed }
}

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
