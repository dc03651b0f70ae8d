import { type Answers, satisfactionIndex } from './satisfaction-index.ts'

/** A survey period as the year's satisfaction needs it: its days and whether it is closed. */
export interface PeriodOfYear {
  readonly id: string
  readonly name: string
  readonly fromDay: string
  readonly toDay: string
  readonly status: 'open' | 'closed'
}

/** One answer sheet of a period, with the agency of the sampled dossier. */
export interface PeriodAnswer {
  readonly periodId: string
  readonly agencyId: string
  readonly answers: Answers
}

/**
 * Where a year's satisfaction comes from: the closed periods lying within the year, and how many
 * answer sheets of them were pooled. Without a closed period, or without an answer, there is no
 * figure (rules.md "Satisfaction in the PAR index").
 */
export interface SatisfactionSource {
  readonly periods: readonly {
    readonly id: string
    readonly name: string
    readonly from: string
    readonly to: string
  }[]
  readonly answers: number
}

/** A satisfaction share (0–1, null when nothing was answered) with its source. */
export interface YearSatisfaction {
  readonly share: number | null
  readonly source: SatisfactionSource
}

export interface SatisfactionOfYear {
  /** Every answer sheet of the year's closed periods: the province's figure (programme target). */
  readonly province: YearSatisfaction
  /** By processing agency: a unit's figure (PAR index); an agency without answers is absent. */
  readonly byAgency: ReadonlyMap<string, YearSatisfaction>
}

/**
 * Chỉ số hài lòng của năm: the SIPAS index over the answer sheets of the closed periods lying
 * wholly within the year, pooled — every respondent weighs the same, so a large period weighs more
 * than a small one (not a mean of the periods' indices). An open period, or one straddling the
 * year's edge, does not count. Periods are listed by their first day.
 */
export function satisfactionOfYear(
  year: number,
  periods: readonly PeriodOfYear[],
  answers: readonly PeriodAnswer[],
): SatisfactionOfYear {
  return satisfactionWithin(yearDays(year), periods, answers)
}

/** Days from `from` to `to`, both included (ISO dates). */
export type DayWindow = { readonly from: string; readonly to: string }

const yearDays = (year: number): DayWindow => ({ from: `${year}-01-01`, to: `${year}-12-31` })

/** The same over any window of days (a quarterly report's): the closed periods wholly inside it. */
export function satisfactionWithin(
  window: DayWindow,
  periods: readonly PeriodOfYear[],
  answers: readonly PeriodAnswer[],
): SatisfactionOfYear {
  const counted = closedPeriodsWithin(window, periods)
  const ids = new Set(counted.map((p) => p.id))
  const sheets = answers.filter((a) => ids.has(a.periodId))
  const listed = counted.map((p) => ({ id: p.id, name: p.name, from: p.fromDay, to: p.toDay }))
  const pooled = (own: readonly PeriodAnswer[]): YearSatisfaction => ({
    share: satisfactionIndex(own.map((a) => a.answers)).overall.value,
    source: { periods: listed, answers: own.length },
  })
  const byAgency = new Map<string, PeriodAnswer[]>()
  for (const a of sheets) {
    const own = byAgency.get(a.agencyId)
    if (own === undefined) byAgency.set(a.agencyId, [a])
    else own.push(a)
  }
  return {
    province: pooled(sheets),
    byAgency: new Map([...byAgency].map(([id, own]) => [id, pooled(own)])),
  }
}

/** The closed periods whose days all lie in the window, by first day. */
export function closedPeriodsWithin(window: DayWindow, periods: readonly PeriodOfYear[]): PeriodOfYear[] {
  return periods
    .filter((p) => p.status === 'closed' && p.fromDay >= window.from && p.toDay <= window.to)
    .sort((a, b) => a.fromDay.localeCompare(b.fromDay) || a.id.localeCompare(b.id))
}

/** The source of an agency with no answer in the year's closed periods. */
export const withoutAnswers = (y: SatisfactionOfYear): YearSatisfaction => ({
  share: null,
  source: { periods: y.province.source.periods, answers: 0 },
})
