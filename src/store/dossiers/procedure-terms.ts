import { parseClock } from '../../domain/calendar/local-time.ts'
import type { AgencyKind } from '../../domain/catalog/agency.ts'
import type { WorkflowStep } from '../../domain/catalog/procedure.ts'
import {
  type AgencyFacts,
  type Competence,
  type CompetenceFacts,
  competentAgency,
  ownCommuneOf,
} from '../../domain/dossier/competence.ts'
import type { ProcedureTerms } from '../../domain/dossier/context.ts'
import { type Refusal, refuse } from '../../domain/dossier/refusal.ts'
import type { Db } from '../database.ts'

/** The terms of a dossier's procedure, or why it cannot be received where it is. */
export type TermsLookup =
  | { readonly ok: true; readonly terms: ProcedureTerms }
  | { readonly ok: false; readonly refusal: Refusal }

/**
 * Which agency decides: already decided at reception (`decided`), or to be picked by the domain's
 * competence rule, with the commune the applicant or the counter chose (`chosen`), if any.
 */
export type CompetenceAsk = { readonly decided: string } | { readonly chosen: string | null }

/**
 * The terms of a procedure version for a dossier received at `receivingAgencyId`, with its
 * competent agency. Null when the version or the receiving unit does not exist.
 */
export async function procedureTerms(
  db: Db,
  procedure: { code: string; version: number },
  receivingAgencyId: string,
  ask: CompetenceAsk = { chosen: null },
): Promise<TermsLookup | null> {
  const version = await db
    .selectFrom('procedure_versions')
    .select([
      'time_limit',
      'online_time_limit',
      'cutoff_time',
      'supplement_limit_days',
      'competent_agency_id',
      'any_location',
      'payment_pauses_clock',
      'level',
    ])
    .where('procedure_code', '=', procedure.code)
    .where('version', '=', procedure.version)
    .executeTakeFirst()
  if (!version) return null
  const steps = await db
    .selectFrom('procedure_steps')
    .select(['name', 'role', 'agency_kind', 'agency_id', 'budget_hours'])
    .where('procedure_code', '=', procedure.code)
    .where('version', '=', procedure.version)
    .orderBy('seq')
    .execute()
  // The rule is the domain's; the store reads the facts it needs.
  const pick = async (chosen: string | null): Promise<Competence | null> => {
    const receiving = await agencyFactsOf(db, receivingAgencyId)
    if (!receiving) return null
    const chosenFacts = chosen === null ? null : await agencyFactsOf(db, chosen)
    if (chosen !== null && !chosenFacts) return { ok: false, refusal: refuse('unknownCompetentAgency') }
    return competentAgency({
      department: version.competent_agency_id,
      level: version.level as CompetenceFacts['level'],
      anyLocation: version.any_location,
      receiving,
      ownCommune: ownCommuneOf(receiving),
      chosen: chosenFacts,
    })
  }
  const competence = 'decided' in ask ? { ok: true as const, agencyId: ask.decided } : await pick(ask.chosen)
  if (!competence) return null
  if (!competence.ok) return competence
  return {
    ok: true,
    terms: {
      code: procedure.code,
      version: procedure.version,
      timeLimit: version.time_limit,
      onlineTimeLimit: version.online_time_limit,
      cutoffMinute: version.cutoff_time === null ? null : parseClock(version.cutoff_time),
      supplementLimitDays: version.supplement_limit_days,
      competentAgencyId: competence.agencyId,
      paymentPausesClock: version.payment_pauses_clock,
      steps: steps.map(
        (s): WorkflowStep => ({
          name: s.name,
          role: s.role as WorkflowStep['role'],
          agencyKind: s.agency_kind as WorkflowStep['agencyKind'],
          agencyId: s.agency_id,
          budgetHours: s.budget_hours,
        }),
      ),
    },
  }
}

async function agencyFactsOf(db: Db, agencyId: string): Promise<AgencyFacts | null> {
  const row = await db
    .selectFrom('agencies')
    .select(['id', 'kind', 'parent_id', 'province_code'])
    .where('id', '=', agencyId)
    .executeTakeFirst()
  if (!row) return null
  return { id: row.id, kind: row.kind as AgencyKind, parentId: row.parent_id, provinceCode: row.province_code }
}

/** The procedure version in force on `day` (YYYY-MM-DD). */
export async function versionInForce(db: Db, code: string, day: string): Promise<number | null> {
  const row = await db
    .selectFrom('procedure_versions')
    .select('version')
    .where('procedure_code', '=', code)
    .where('effective_from', '<=', day)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', day)]))
    .orderBy('version', 'desc')
    .executeTakeFirst()
  return row?.version ?? null
}
