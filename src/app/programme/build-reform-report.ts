import { programmeDashboard } from '../../domain/programme/programme-dashboard.ts'
import { periodDays, type ReformReport, type ReportPeriod, reformReport } from '../../domain/programme/reform-report.ts'
import type { Db } from '../../store/database.ts'
import { tasksOfPlan } from '../../store/programme/plan-store.ts'
import { listProgrammeTargets, loadProgramme, reportedFigures } from '../../store/programme/programme-store.ts'
import { yearMeasures } from './load-dashboard.ts'

/** The agencies' names in force on `day` (for the report's lines). */
async function agencyNames(db: Db, day: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('agency_names')
    .select(['agency_id', 'name'])
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
    .execute()
  return new Map(rows.map((r) => [r.agency_id, r.name]))
}

/**
 * Báo cáo CCHC quý / năm: the computed measures over the quarter or year (the indicator counters),
 * the units' reported figures for the year, the targets in force at the period's end, the plan's tasks.
 */
export async function buildReformReport(
  db: Db,
  programmeId: string,
  period: ReportPeriod,
  today: string,
): Promise<ReformReport | null> {
  const programme = await loadProgramme(db, programmeId)
  if (programme === null) return null
  const days = periodDays(period)
  const [targets, reported, measures, tasks, names] = await Promise.all([
    listProgrammeTargets(db, programmeId),
    reportedFigures(db, programmeId),
    yearMeasures(db, period.year, today, days),
    tasksOfPlan(db, programmeId, period.year, null),
    agencyNames(db, days.to < today ? days.to : today),
  ])
  const asOf = days.to < today ? days.to : today
  const rows = programmeDashboard(programme, targets, [measures], reported, period.year, asOf)
  return reformReport(programme.name, period, rows, tasks, (id) => names.get(id) ?? id, today)
}
