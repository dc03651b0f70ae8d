import { sql } from 'kysely'
import type { OnlineLevel, WorkflowStep } from '../../domain/catalog/procedure.ts'
import type { ProcedureDetail, ProcedurePage, ProcedureSummary } from '../../domain/catalog/procedure-views.ts'
import type { Db } from '../database.ts'
import { procedureForm } from './procedure-forms.ts'

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
 * Finds procedures in force, ignoring diacritics and case. Every word must occur in the name (the
 * last one as a prefix, so a half-typed word already matches), ranked by full-text rank, then by
 * whole-phrase match; only when nothing matches is a similarity search tried, to forgive typos.
 */
export async function searchProcedures(db: Db, search: ProcedureSearch): Promise<ProcedurePage> {
  const filtered = filteredVersions(db, search)
  const words = search.q ? await searchWords(db, search.q) : null
  if (words === null)
    return page(
      search,
      await filtered.orderBy('v.search_text').orderBy('v.procedure_code').$call(paged(search)).execute(),
      filtered,
    )
  if (words === '') return { items: [], total: 0, page: search.page, pageSize: search.pageSize }
  const tsQuery = sql`to_tsquery('simple', ${`${words.split(' ').join(' & ')}:*`})`
  const exact = filtered
    .where((eb) => eb.or([sql<boolean>`v.search_vector @@ ${tsQuery}`, eb('v.procedure_code', '=', search.q ?? '')]))
    .orderBy(sql`ts_rank_cd(v.search_vector, ${tsQuery})`, 'desc')
    .orderBy(sql`strpos(v.search_text, ${words}) > 0`, 'desc')
  const exactRows = await exact.orderBy('v.search_text').orderBy('v.procedure_code').$call(paged(search)).execute()
  if (exactRows.length > 0 || search.page > 1) return page(search, exactRows, exact)
  const similar = filtered
    .where(sql<boolean>`${words} <% v.search_text`)
    .orderBy(sql`word_similarity(${words}, v.search_text)`, 'desc')
  return page(search, await similar.orderBy('v.procedure_code').$call(paged(search)).execute(), similar)
}

/** The query reduced to normalised words (a–z, 0–9) by the same function that indexes the names. */
async function searchWords(db: Db, q: string): Promise<string> {
  const row = await sql<{
    words: string
  }>`SELECT trim(regexp_replace(search_normalize(${q}), '[^a-z0-9]+', ' ', 'g')) AS words`.execute(db)
  return row.rows[0]?.words ?? ''
}

type Versions = ReturnType<typeof currentVersions>

function filteredVersions(db: Db, search: ProcedureSearch): Versions {
  let query = currentVersions(db, search.today)
  if (search.field) query = query.where('v.field_id', '=', search.field)
  if (search.online) query = query.where('v.online_level', '=', search.online)
  if (!search.agency) return query
  const agency = search.agency
  return query.where((eb) =>
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

function paged(search: ProcedureSearch) {
  return (query: Versions) =>
    query
      .select(sql<number>`count(*) over ()`.as('total'))
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
}

async function page(
  search: ProcedureSearch,
  rows: (SummaryRow & { total: number })[],
  matching: Versions,
): Promise<ProcedurePage> {
  const total = rows[0]?.total ?? (search.page > 1 ? await countMatches(matching) : 0)
  return { items: rows.map(toSummary), total, page: search.page, pageSize: search.pageSize }
}

async function countMatches(query: Versions): Promise<number> {
  const row = await query.clearSelect().clearOrderBy().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()
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
  const form = await procedureForm(db, code, row.version)
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
    form,
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
