import { parseClock } from '../../domain/calendar/local-time.ts'
import type { WorkflowStep } from '../../domain/catalog/procedure.ts'
import type { ProcedureTerms } from '../../domain/dossier/context.ts'
import type { Db } from '../database.ts'

/**
 * The terms of a procedure version for a dossier received at `receivingAgencyId`. The competent
 * agency is the version's department, or for commune procedures the commune committee above the
 * receiving one-stop unit (for any-location reception the store is told the commune explicitly).
 */
export async function procedureTerms(
  db: Db,
  procedure: { code: string; version: number },
  receivingAgencyId: string,
): Promise<ProcedureTerms | null> {
  const version = await db
    .selectFrom('procedure_versions')
    .select(['time_limit', 'online_time_limit', 'cutoff_time', 'supplement_limit_days', 'competent_agency_id', 'level'])
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
  const competent = version.competent_agency_id ?? (await communeAbove(db, receivingAgencyId))
  if (competent === null) return null
  return {
    code: procedure.code,
    version: procedure.version,
    timeLimit: version.time_limit,
    onlineTimeLimit: version.online_time_limit,
    cutoffMinute: version.cutoff_time === null ? null : parseClock(version.cutoff_time),
    supplementLimitDays: version.supplement_limit_days,
    competentAgencyId: competent,
    steps: steps.map(
      (s): WorkflowStep => ({
        name: s.name,
        role: s.role as WorkflowStep['role'],
        agencyKind: s.agency_kind as WorkflowStep['agencyKind'],
        agencyId: s.agency_id,
        budgetHours: s.budget_hours,
      }),
    ),
  }
}

/** The commune committee a commune service centre belongs to (or the committee itself). */
async function communeAbove(db: Db, agencyId: string): Promise<string | null> {
  const agency = await db
    .selectFrom('agencies')
    .select(['id', 'kind', 'parent_id'])
    .where('id', '=', agencyId)
    .executeTakeFirst()
  if (!agency) return null
  if (agency.kind === 'commune_committee') return agency.id
  return agency.kind === 'commune_service_center' ? agency.parent_id : null
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
