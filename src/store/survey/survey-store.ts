import { sql } from 'kysely'
import type { Allocation } from '../../domain/survey/allocation.ts'
import type { FinishedDossier } from '../../domain/survey/sample.ts'
import type { Db } from '../database.ts'

/** A stored survey period. */
export interface SurveyPeriodRow {
  readonly id: string
  readonly name: string
  readonly fromDay: string
  readonly toDay: string
  readonly marginBasisPoints: number
  readonly seed: string
  readonly population: number
  readonly sampleSize: number
  readonly strata: readonly Allocation[]
  readonly status: 'open' | 'closed'
  readonly createdAt: Date
}

/** One sampled dossier of a period, without its token. */
export interface RespondentRow {
  readonly periodId: string
  readonly dossierCode: string
  readonly agencyId: string
  readonly answeredAt: Date | null
  readonly channel: 'online' | 'paper' | null
}

/** Dossiers finished (end_kind 'done') within [from, to): the survey's population, by processing agency. */
export async function finishedDossiers(db: Db, from: Date, to: Date): Promise<FinishedDossier[]> {
  const rows = await db
    .selectFrom('kpi_dossiers')
    .select(['code', 'agency_id'])
    .where('end_kind', '=', 'done')
    .where('ended_at', '>=', from)
    .where('ended_at', '<', to)
    .execute()
  return rows.map((r) => ({ dossierCode: r.code, agencyId: r.agency_id }))
}

/** The applicant's phone and e-mail of motcua's own dossiers (imported ones have none). */
export async function applicantContacts(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, { phone: string | null; email: string | null }>> {
  if (codes.length === 0) return new Map()
  const rows = await db
    .selectFrom('dossiers')
    .select([
      'code',
      sql<string | null>`applicant->>'phone'`.as('phone'),
      sql<string | null>`applicant->>'email'`.as('email'),
    ])
    .where('code', 'in', codes)
    .execute()
  return new Map(rows.map((r) => [r.code as string, { phone: r.phone, email: r.email }]))
}

export async function insertPeriod(tx: Db, p: SurveyPeriodRow, createdBy: string): Promise<void> {
  await tx
    .insertInto('survey_periods')
    .values({
      id: p.id,
      name: p.name,
      from_day: p.fromDay,
      to_day: p.toDay,
      margin_basis_points: p.marginBasisPoints,
      seed: p.seed,
      population: p.population,
      sample_size: p.sampleSize,
      strata: JSON.stringify(p.strata),
      status: p.status,
      created_at: p.createdAt,
      created_by: createdBy,
    })
    .execute()
}

export async function insertRespondents(
  tx: Db,
  rows: readonly { periodId: string; dossierCode: string; agencyId: string; tokenSha256: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insertInto('survey_respondents')
      .values(
        rows.slice(i, i + 1000).map((r) => ({
          period_id: r.periodId,
          dossier_code: r.dossierCode,
          agency_id: r.agencyId,
          token_sha256: r.tokenSha256,
        })),
      )
      .execute()
}

const periodColumns = [
  'id',
  'name',
  'from_day',
  'to_day',
  'margin_basis_points',
  'seed',
  'population',
  'sample_size',
  'strata',
  'status',
  'created_at',
] as const

type PeriodSelect = {
  id: string
  name: string
  from_day: string
  to_day: string
  margin_basis_points: number
  seed: string
  population: number
  sample_size: number
  strata: unknown
  status: 'open' | 'closed'
  created_at: Date
}

const periodOf = (r: PeriodSelect): SurveyPeriodRow => ({
  id: r.id,
  name: r.name,
  fromDay: r.from_day,
  toDay: r.to_day,
  marginBasisPoints: r.margin_basis_points,
  seed: r.seed,
  population: r.population,
  sampleSize: r.sample_size,
  strata: r.strata as Allocation[],
  status: r.status,
  createdAt: new Date(r.created_at),
})

export async function listPeriods(db: Db): Promise<SurveyPeriodRow[]> {
  const rows = await db.selectFrom('survey_periods').select(periodColumns).orderBy('from_day', 'desc').execute()
  return rows.map(periodOf)
}

export async function loadPeriod(db: Db, id: string): Promise<SurveyPeriodRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null
  const row = await db.selectFrom('survey_periods').select(periodColumns).where('id', '=', id).executeTakeFirst()
  return row ? periodOf(row) : null
}

export async function respondentsOf(db: Db, periodId: string): Promise<RespondentRow[]> {
  const rows = await db
    .selectFrom('survey_respondents')
    .select(['period_id', 'dossier_code', 'agency_id', 'answered_at', 'channel'])
    .where('period_id', '=', periodId)
    .orderBy('agency_id')
    .orderBy('dossier_code')
    .execute()
  return rows.map((r) => ({
    periodId: r.period_id,
    dossierCode: r.dossier_code,
    agencyId: r.agency_id,
    answeredAt: r.answered_at === null ? null : new Date(r.answered_at),
    channel: r.channel,
  }))
}

/** The sampled dossier a link's token stands for, with its period. */
export async function respondentByToken(
  db: Db,
  tokenSha256: string,
): Promise<{ respondent: RespondentRow; period: SurveyPeriodRow } | null> {
  const row = await db
    .selectFrom('survey_respondents')
    .select(['period_id', 'dossier_code'])
    .where('token_sha256', '=', tokenSha256)
    .executeTakeFirst()
  if (!row) return null
  return respondentOf(db, row.period_id, row.dossier_code)
}

export async function respondentOf(
  db: Db,
  periodId: string,
  dossierCode: string,
): Promise<{ respondent: RespondentRow; period: SurveyPeriodRow } | null> {
  const period = await loadPeriod(db, periodId)
  if (!period) return null
  const respondent = (await respondentsOf(db, periodId)).find((r) => r.dossierCode === dossierCode)
  return respondent ? { respondent, period } : null
}

/**
 * Records the one answer sheet of a sampled dossier, only if none was recorded and the period is
 * still open: false when another answer (or the closure) came first, and nothing is written.
 */
export async function recordAnswer(
  tx: Db,
  a: {
    periodId: string
    dossierCode: string
    answers: Readonly<Record<string, number>>
    suggestion: string | null
    channel: 'online' | 'paper'
    enteredBy: string | null
    at: Date
  },
): Promise<boolean> {
  const result = await tx
    .updateTable('survey_respondents')
    .set({
      answered_at: a.at,
      channel: a.channel,
      answers: JSON.stringify(a.answers),
      suggestion: a.suggestion,
      entered_by: a.enteredBy,
    })
    .where('period_id', '=', a.periodId)
    .where('dossier_code', '=', a.dossierCode)
    .where('answered_at', 'is', null)
    .where((eb) =>
      eb.exists(eb.selectFrom('survey_periods').select('id').where('id', '=', a.periodId).where('status', '=', 'open')),
    )
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function closePeriod(tx: Db, periodId: string): Promise<boolean> {
  const result = await tx
    .updateTable('survey_periods')
    .set({ status: 'closed' })
    .where('id', '=', periodId)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/** The answer sheets of a period, with the agency of each. */
export async function answersOf(
  db: Db,
  periodId: string,
): Promise<{ agencyId: string; answers: Record<string, number> }[]> {
  const rows = await db
    .selectFrom('survey_respondents')
    .select(['agency_id', 'answers'])
    .where('period_id', '=', periodId)
    .where('answered_at', 'is not', null)
    .execute()
  return rows.map((r) => ({ agencyId: r.agency_id, answers: r.answers as Record<string, number> }))
}

/** Per agency, the dossiers finished within [from, to) that were rated, and those rated satisfied (5.4). */
export async function ratingsOf(
  db: Db,
  from: Date,
  to: Date,
): Promise<Map<string, { rated: number; satisfied: number }>> {
  const rows = await db
    .selectFrom('kpi_dossiers')
    .select([
      'agency_id',
      sql<number>`count(rating)::int`.as('rated'),
      sql<number>`count(*) FILTER (WHERE rating IN ('very_satisfied', 'satisfied'))::int`.as('satisfied'),
    ])
    .where('end_kind', '=', 'done')
    .where('ended_at', '>=', from)
    .where('ended_at', '<', to)
    .groupBy('agency_id')
    .execute()
  return new Map(rows.map((r) => [r.agency_id, { rated: r.rated, satisfied: r.satisfied }]))
}

/** One outbox message in the caller's transaction (the relay delivers it at least once). */
export async function enqueueInvitation(
  tx: Db,
  topic: string,
  key: string,
  payload: unknown,
  now: Date,
): Promise<void> {
  await tx
    .insertInto('outbox')
    .values({ topic, message_key: key, payload: JSON.stringify(payload), created_at: now })
    .execute()
}

/** The answer sheets of several periods, with the period and agency of each. */
export async function answersOfPeriods(
  db: Db,
  periodIds: readonly string[],
): Promise<{ periodId: string; agencyId: string; answers: Record<string, number> }[]> {
  if (periodIds.length === 0) return []
  const rows = await db
    .selectFrom('survey_respondents')
    .select(['period_id', 'agency_id', 'answers'])
    .where('period_id', 'in', periodIds)
    .where('answered_at', 'is not', null)
    .execute()
  return rows.map((r) => ({
    periodId: r.period_id,
    agencyId: r.agency_id,
    answers: r.answers as Record<string, number>,
  }))
}
