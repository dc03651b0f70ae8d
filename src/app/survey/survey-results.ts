import { type AgencySatisfaction, satisfactionIndex } from '../../domain/survey/satisfaction-index.ts'
import type { Db } from '../../store/database.ts'
import { answersOf, ratingsOf, type SurveyPeriodRow } from '../../store/survey/survey-store.ts'
import { dayAfter, dayStart } from './open-survey-period.ts'

/** One agency's survey result beside its per-dossier ratings (indicator 5.4), never merged. */
export type AgencySurveyResult = {
  readonly agencyId: string
  readonly sampled: number
  readonly answered: number
  readonly survey: AgencySatisfaction
  readonly ratings: { readonly rated: number; readonly satisfied: number; readonly share: number | null }
}

/** Kết quả khảo sát theo cơ quan: the SIPAS index per agency of the period's strata. */
export async function surveyResults(db: Db, period: SurveyPeriodRow): Promise<AgencySurveyResult[]> {
  const answers = await answersOf(db, period.id)
  const ratings = await ratingsOf(db, dayStart(period.fromDay), dayAfter(period.toDay))
  return period.strata.map((s) => {
    const own = answers.filter((a) => a.agencyId === s.agencyId).map((a) => a.answers)
    const r = ratings.get(s.agencyId) ?? { rated: 0, satisfied: 0 }
    return {
      agencyId: s.agencyId,
      sampled: s.sampled,
      answered: own.length,
      survey: satisfactionIndex(own),
      ratings: { ...r, share: r.rated === 0 ? null : r.satisfied / r.rated },
    }
  })
}
