import { localDate } from '../../domain/calendar/local-time.ts'
import type { FigureSources } from '../../domain/par-index/figure-sources.ts'
import type { UnitFigures } from '../../domain/par-index/scoring.ts'
import { withoutAnswers } from '../../domain/survey/satisfaction-of-year.ts'
import type { Db } from '../../store/database.ts'
import { agencyRanking } from '../../store/kpi/indicator-report.ts'
import { surveySatisfactionOfYear } from '../survey/survey-satisfaction-of-year.ts'

const share = (r: number | 'n/a') => (r === 'n/a' ? null : r)

/** The year's figures by unit, with their sources; `unanswered` is the source of a unit not listed. */
export type YearFigures = {
  readonly figures: ReadonlyMap<string, UnitFigures>
  readonly sources: ReadonlyMap<string, FigureSources>
  readonly unanswered: FigureSources
}

/** What a locked round reads instead of live figures: nothing. */
export const noYearFigures: YearFigures = {
  figures: new Map(),
  sources: new Map(),
  unanswered: { satisfaction: { periods: [], answers: 0 } },
}

/**
 * Each processing unit's figures for the year: the indicator counters (II.06a on-time share, online
 * share, the Decision 766 index), measured up to today, and the SIPAS index pooled over the year's
 * closed survey periods, null without an answer (rules.md "Satisfaction in the PAR index").
 */
export async function figuresOfYear(db: Db, year: number, now: Date): Promise<YearFigures> {
  const { rows } = await agencyRanking(db, { from: `${year}-01-01`, to: `${year}-12-31`, today: localDate(now) })
  const survey = await surveySatisfactionOfYear(db, year)
  const figures = new Map<string, UnitFigures>()
  for (const r of rows)
    figures.set(r.agencyId, {
      'on-time-share': share(r.onTimeRate),
      'online-share': share(r.onlineRate),
      'index-766': r.index766.total,
      satisfaction: null,
    })
  const sources = new Map<string, FigureSources>()
  for (const [agencyId, s] of survey.byAgency) {
    figures.set(agencyId, { ...figures.get(agencyId), satisfaction: s.share })
    sources.set(agencyId, { satisfaction: s.source })
  }
  return { figures, sources, unanswered: { satisfaction: withoutAnswers(survey).source } }
}

/** One unit's figures and their sources for the year. */
export const figuresOfUnit = (y: YearFigures, unitId: string) => ({
  figures: y.figures.get(unitId) ?? {},
  sources: y.sources.get(unitId) ?? y.unanswered,
})
