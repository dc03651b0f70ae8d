import { compareWithLastYear, type RankedUnit, rankUnits, type YearComparison } from '../../domain/par-index/ranking.ts'
import type { LockedResult, ParRound, UnitAssessment } from '../../domain/par-index/round.ts'
import { finalAnswers, scoreUnit, type UnitScore } from '../../domain/par-index/scoring.ts'
import { figuresOfUnit, type YearFigures } from './figures-of-year.ts'

/** Each unit's final answers and figures with their sources: those fixed at locking, or the live ones before. */
export function resultsOf(round: ParRound, assessments: readonly UnitAssessment[], year: YearFigures): LockedResult[] {
  if (round.results !== null) return [...round.results]
  const byUnit = new Map(assessments.map((a) => [a.unitId, a]))
  return round.units.map((u) => {
    const a = byUnit.get(u.id)
    return {
      unitId: u.id,
      name: u.name,
      ...figuresOfUnit(year, u.id),
      answers: finalAnswers(a?.self ?? {}, a?.appraisal ?? {}),
    }
  })
}

/** The round's ranking from its results. */
export function rankingOf(round: ParRound, results: readonly LockedResult[]): RankedUnit[] {
  return rankUnits(
    results.map((r) => ({ unitId: r.unitId, name: r.name, score: scoreUnit(round.criteriaSet, r.answers, r.figures) })),
  )
}

export type RoundStanding = {
  readonly ranking: readonly RankedUnit[]
  readonly comparison: readonly YearComparison[]
}

/** The ranking beside last year's published one (empty when last year has none). */
export function standingOf(current: readonly RankedUnit[], last: readonly RankedUnit[]): RoundStanding {
  return { ranking: current, comparison: compareWithLastYear(current, last) }
}

export type { UnitScore }
