import { sql } from 'kysely'
import type { OnlineLevel, WorkflowStep } from '../../domain/catalog/procedure.ts'
import type { ProcedureDetail, ProcedurePage, ProcedureSummary } from '../../http/schemas/procedure-views.ts'
import type { Db } from '../database.ts'

export type ProcedureSearch = {
  readonly q?: string
  readonly field?: string
  readonly agency?: string
  readonly online?: OnlineLevel
  readonly page: number
  readonly pageSize: number
  /** Local date (Asia/Ho_Chi_Minh) that decides which version is in force. */
  readonly today: string
}

/** The versions in force on `today`, with field and competent agency names. */
function currentVersions(db: Db, today: string) {
  return db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.code', 'v.procedure_code')
    .innerJoin('fields as f', 'f.id', 'v.field_id')
    .leftJoin('agency_names as an', (join) =>
      join
        .onRef('an.agency_id', '=', 'v.competent_agency_id')
        .on('an.valid_from', '<=', today)
        .on((eb) => eb.or([eb('an.valid_to', 'is', null), eb('an.valid_to', '>=', today)])),
    )
    .where('v.effective_from', '<=', today)
    .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>=', today)]))
    .select([
      'v.procedure_code as code',
      'p.national_code',
      'v.name',
      'v.field_id',
      'f.name as field_name',
      'v.level',
      'v.online_level',
      'v.time_limit',
      'v.competent_agency_id',
      'an.name as competent_agency_name',
      'v.inter_agency',
      'v.any_location',
    ])
}

type SummaryRow = {
  code: string
  national_code: string | null
  name: string
  field_id: string
  field_name: string
  level: string
  online_level: string
  time_limit: ProcedureSummary['timeLimit']
  competent_agency_id: string | null
  competent_agency_name: string | null
  inter_agency: boolean
  any_location: boolean
}

function toSummary(row: SummaryRow): ProcedureSummary {
  return {
    code: row.code,
    nationalCode: row.national_code,
    name: row.name,
    field: row.field_id,
    fieldName: row.field_name,
    level: row.level,
    onlineLevel: row.online_level as OnlineLevel,
    timeLimit: row.time_limit,
    competentAgency:
      row.competent_agency_id === null
        ? null
        : { id: row.competent_agency_id, name: row.competent_agency_name ?? row.competent_agency_id },
    interAgency: row.inter_agency,
    anyLocation: row.any_location,
  }
}

/**
 * Finds procedures in force, ignoring diacritics and case: all words of `q` must occur (full-text
 * on the normalised name), or the name must be trigram-similar to `q` (typos); ranked by
 * full-text rank, then phrase match, then similarity.
 */
export async function searchProcedures(db: Db, search: ProcedureSearch): Promise<ProcedurePage> {
  let query = currentVersions(db, search.today)
  if (search.field) query = query.where('v.field_id', '=', search.field)
  if (search.online) query = query.where('v.online_level', '=', search.online)
  if (search.agency) {
    const agency = search.agency
    query = query.where((eb) =>
      eb.or([
        eb('v.competent_agency_id', '=', agency),
        eb.exists(
          eb
            .selectFrom('procedure_steps as s')
            .whereRef('s.procedure_code', '=', 'v.procedure_code')
            .whereRef('s.version', '=', 'v.version')
            .where('s.agency_id', '=', agency),
        ),
        eb.and([
          eb('v.level', '=', 'commune'),
          eb.exists(
            eb
              .selectFrom('agencies as a')
              .where('a.id', '=', agency)
              .where('a.kind', 'in', ['commune_committee', 'commune_service_center']),
          ),
        ]),
      ]),
    )
  }
  const q = search.q?.trim()
  const normalised = q ? sql<string>`search_normalize(${q})` : null
  const tsQuery = q ? sql`plainto_tsquery('simple', search_normalize(${q}))` : null
  if (normalised && tsQuery)
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`v.search_vector @@ ${tsQuery}`,
        sql<boolean>`${normalised} <% v.search_text`,
        eb('v.procedure_code', '=', q ?? ''),
      ]),
    )
  const ranked = query.select(sql<number>`count(*) over ()`.as('total'))
  const ordered =
    normalised && tsQuery
      ? ranked
          .orderBy(sql`ts_rank_cd(v.search_vector, ${tsQuery})`, 'desc')
          .orderBy(sql`strpos(v.search_text, ${normalised}) > 0`, 'desc')
          .orderBy(sql`word_similarity(${normalised}, v.search_text)`, 'desc')
          .orderBy('v.search_text')
      : ranked.orderBy('v.search_text')
  const rows = await ordered
    .orderBy('v.procedure_code')
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize)
    .execute()
  const total = rows[0]?.total ?? (search.page > 1 ? await countMatches(query) : 0)
  return { items: rows.map(toSummary), total, page: search.page, pageSize: search.pageSize }
}

async function countMatches(query: ReturnType<typeof currentVersions>): Promise<number> {
  const row = await query.clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()
  return row.n
}

/** The procedure with its version in force on `today`, or null when there is none. */
export async function findProcedure(db: Db, code: string, today: string): Promise<ProcedureDetail | null> {
  const row = await currentVersions(db, today)
    .where('v.procedure_code', '=', code)
    .select([
      'v.version',
      'v.effective_from',
      'v.effective_to',
      'v.competent_agency_kind',
      'v.legal_basis',
      'v.online_time_limit',
      'v.cutoff_time',
      'v.full_online_eligible',
      'v.fees',
      'v.required_documents',
      'v.result_kind',
      'v.result_name',
      'v.supplement_limit_days',
      'v.source',
    ])
    .executeTakeFirst()
  if (!row) return null
  const steps = await db
    .selectFrom('procedure_steps')
    .where('procedure_code', '=', code)
    .where('version', '=', row.version)
    .orderBy('seq')
    .select(['name', 'role', 'agency_kind', 'agency_id', 'budget_hours'])
    .execute()
  return {
    ...toSummary(row),
    version: row.version,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    competentAgencyKind: row.competent_agency_kind as ProcedureDetail['competentAgencyKind'],
    legalBasis: row.legal_basis,
    onlineTimeLimit: row.online_time_limit,
    cutoffTime: row.cutoff_time,
    fullOnlineEligible: row.full_online_eligible,
    fees: row.fees,
    requiredDocuments: row.required_documents,
    resultKind: row.result_kind,
    resultName: row.result_name,
    supplementLimitDays: row.supplement_limit_days,
    steps: steps.map(
      (s): WorkflowStep => ({
        name: s.name,
        role: s.role as WorkflowStep['role'],
        agencyKind: s.agency_kind as WorkflowStep['agencyKind'],
        agencyId: s.agency_id,
        budgetHours: s.budget_hours,
      }),
    ),
    source: row.source,
  }
}
