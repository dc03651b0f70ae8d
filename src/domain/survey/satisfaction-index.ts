import { type SurveyElementId, satisfiedFrom, sipasQuestionnaire } from './questionnaire.ts'

/** One respondent's answers: question id → level 1..5 (every question answered). */
export type Answers = Readonly<Record<string, number>>

/** An index (share of satisfied, 0..1) with its 95 % confidence interval; null bounds below 2 answers. */
export interface IndexWithInterval {
  readonly value: number | null
  readonly low: number | null
  readonly high: number | null
  readonly respondents: number
}

/** The SIPAS result of one agency: per element and overall. */
export interface AgencySatisfaction {
  readonly elements: Readonly<Record<SurveyElementId, IndexWithInterval>>
  readonly overall: IndexWithInterval
}

const z95 = 1.959963984540054

/**
 * Chỉ số hài lòng theo yếu tố và chỉ số chung. Each respondent scores, per element, the share of
 * that element's questions answered 4 or 5; the element's index is the mean of those scores over the
 * respondents, and the overall index the mean of each respondent's mean over the five elements
 * (equal to the mean of the element indices, every question being required). The 95 % interval is
 * the normal approximation for a mean: x̄ ± 1.96·s/√m with the sample standard deviation s (m − 1),
 * clipped to [0, 1]; with fewer than 2 respondents there is no interval.
 */
export function satisfactionIndex(respondents: readonly Answers[]): AgencySatisfaction {
  const perElement = sipasQuestionnaire.map((element) => ({
    id: element.id,
    scores: respondents.map(
      (a) => element.questions.filter((x) => (a[x.id] ?? 0) >= satisfiedFrom).length / element.questions.length,
    ),
  }))
  const overallScores = respondents.map((_, i) => mean(perElement.map((e) => e.scores[i] as number)))
  const elements = Object.fromEntries(perElement.map((e) => [e.id, withInterval(e.scores)])) as Record<
    SurveyElementId,
    IndexWithInterval
  >
  return { elements, overall: withInterval(overallScores) }
}

/** The mean of scores with its 95 % normal-approximation interval. */
export function withInterval(scores: readonly number[]): IndexWithInterval {
  const m = scores.length
  if (m === 0) return { value: null, low: null, high: null, respondents: 0 }
  const value = mean(scores)
  if (m < 2) return { value, low: null, high: null, respondents: m }
  const variance = scores.reduce((sum, x) => sum + (x - value) ** 2, 0) / (m - 1)
  const half = z95 * Math.sqrt(variance / m)
  return { value, low: Math.max(0, value - half), high: Math.min(1, value + half), respondents: m }
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
