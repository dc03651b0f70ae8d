import { computedMeasures } from '../../domain/programme/measure.ts'
import type { Programme } from '../../domain/programme/programme.ts'
import { programmeYears } from '../../domain/programme/programme.ts'
import { type DashboardRow, programmeDashboard, type YearMeasures } from '../../domain/programme/programme-dashboard.ts'
import type { SatisfactionSource } from '../../domain/survey/satisfaction-of-year.ts'
import type { Db } from '../../store/database.ts'
import { type Overview, provinceSummary, yearSummaries } from '../../store/kpi/indicator-report.ts'
import { listProgrammeTargets, loadProgramme, reportedFigures } from '../../store/programme/programme-store.ts'
import { type DocumentIndicatorReport, documentIndicatorReport } from '../documents/document-indicators.ts'
import { surveySatisfactionWithin } from '../survey/survey-satisfaction-of-year.ts'

/**
 * A year's computed measures, read through the indicators' own reports (the same counters and the
 * same code as the indicator dashboard and its document section: one source for every figure motcua
 * computes). Satisfaction is the SIPAS survey's, pooled over the closed periods lying within the window, by the same
 * function as the PAR index's criterion; the per-dossier ratings stay on the indicator dashboard.
 */
export async function yearMeasures(
  db: Db,
  year: number,
  today: string,
  window = { from: `${year}-01-01`, to: `${year}-12-31` },
): Promise<YearMeasures> {
  const [o, documents, survey] = await Promise.all([
    provinceSummary(db, { ...window, today }),
    documentIndicatorReport(db, { ...window, today }),
    surveySatisfactionWithin(db, window),
  ])
  return measuresOf(year, o, documents, survey)
}

function measuresOf(
  year: number,
  o: Omit<Overview, 'trend'>,
  documents: DocumentIndicatorReport,
  survey: Awaited<ReturnType<typeof surveySatisfactionWithin>>,
): YearMeasures {
  const values = Object.fromEntries(computedMeasures.map((m) => [m, 'n/a'])) as YearMeasures['values']
  for (const r of o.programme) values[r.measure] = r.value
  values.on_time_share = o.onTimeRate
  values.index_766 = o.index766.total
  values.e_document_share = documents.total.electronicShare
  values.satisfaction = survey.province.share ?? 'n/a'
  return { year, period: o.window, values, details: { satisfaction: surveyDetail(survey.province.source) } }
}

/** The survey's source in words, so a report's satisfaction names the periods and answers it pooled. */
const surveyDetail = (s: SatisfactionSource) =>
  s.periods.length === 0
    ? 'SIPAS survey: no closed period within the window'
    : `SIPAS survey: ${s.answers} answer sheets pooled over the closed periods ${s.periods.map((p) => `${p.name} (${p.from} – ${p.to})`).join('; ')}`

export type Dashboard = { readonly programme: Programme; readonly year: number; readonly rows: DashboardRow[] }

/** Bảng theo dõi chương trình for a year: the programme's years up to it (none after today) measured. */
export async function loadDashboard(
  db: Db,
  programmeId: string,
  year: number,
  today: string,
): Promise<Dashboard | null> {
  const programme = await loadProgramme(db, programmeId)
  if (programme === null) return null
  const thisYear = Number(today.slice(0, 4))
  const years = programmeYears(programme).filter((y) => y <= year && y <= thisYear)
  const windows = years.map((y) => ({ from: `${y}-01-01`, to: `${y}-12-31` }))
  // The years' counters in one read (yearSummaries), not one overview per year: the cost stays that of
  // about one year's overview however many years the programme has measured.
  const [targets, reported, summaries, documents, surveys] = await Promise.all([
    listProgrammeTargets(db, programmeId),
    reportedFigures(db, programmeId),
    yearSummaries(db, years, today),
    Promise.all(windows.map((w) => documentIndicatorReport(db, { ...w, today }))),
    Promise.all(windows.map((w) => surveySatisfactionWithin(db, w))),
  ])
  const measures = years.map((y, i) =>
    measuresOf(
      y,
      summaries[i] as Omit<Overview, 'trend'>,
      documents[i] as DocumentIndicatorReport,
      surveys[i] as Awaited<ReturnType<typeof surveySatisfactionWithin>>,
    ),
  )
  return { programme, year, rows: programmeDashboard(programme, targets, measures, reported, year, today) }
}
