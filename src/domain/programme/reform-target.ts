import type { ComputedMeasure } from './measure.ts'
import { type Programme, phaseOfYear } from './programme.ts'
import type { ReformArea } from './reform-area.ts'

/** How a target's figure is obtained: computed live by motcua, or reported by a unit with evidence. */
export type TargetSource =
  | { readonly kind: 'computed'; readonly measure: ComputedMeasure }
  /** `responsibleAgencyId` null: any unit may report, the provincial administrator included. */
  | { readonly kind: 'reported'; readonly responsibleAgencyId: string | null }

/**
 * Chỉ tiêu của chương trình cải cách hành chính: a target of the programme for a phase or for one
 * year of it, effective-dated — a revision is a new row with the same `key` and a later
 * `effectiveFrom`, so what was in force on any day stays readable (rules.md "Reform programme").
 */
export type ReformTarget = {
  readonly id: string
  readonly programmeId: string
  /** Stable across revisions, e.g. `late_rate` or `e_documents_share`. */
  readonly key: string
  readonly title: string
  readonly titleEn: string
  readonly area: ReformArea
  readonly solutionGroupId: string | null
  readonly phaseId: string
  /** A year's own target; null: the phase's, by its last year, used for each year without its own. */
  readonly year: number | null
  readonly source: TargetSource
  readonly comparator: 'below' | 'at_least'
  readonly value: number
  readonly effectiveFrom: string
  /** Where the number comes from (a resolution, decision or plan, with its article). */
  readonly basis: string
  /** True when the number is the demo's illustration, not a published one. */
  readonly illustrative: boolean
}

/**
 * The target in force for `year` on `day`, per key: the year's own one if any, else the phase's;
 * among revisions, the latest effective on or before `day`.
 */
export function targetsForYear(
  programme: Programme,
  targets: readonly ReformTarget[],
  year: number,
  day: string,
): ReformTarget[] {
  const phase = phaseOfYear(programme, year)
  if (phase === null) return []
  const latest = (rows: readonly ReformTarget[]) =>
    rows
      .filter((t) => t.effectiveFrom <= day)
      .reduce<ReformTarget | null>((a, t) => (a === null || t.effectiveFrom > a.effectiveFrom ? t : a), null)
  const keys = [...new Set(targets.filter((t) => t.programmeId === programme.id).map((t) => t.key))].sort()
  return keys.flatMap((key) => {
    const mine = targets.filter((t) => t.programmeId === programme.id && t.key === key && t.phaseId === phase.id)
    const chosen = latest(mine.filter((t) => t.year === year)) ?? latest(mine.filter((t) => t.year === null))
    return chosen === null ? [] : [chosen]
  })
}

/** Met, not met, or null when there is nothing to compare (n/a, nothing reported). */
export function isMet(target: Pick<ReformTarget, 'comparator' | 'value'>, value: number | null): boolean | null {
  if (value === null) return null
  return target.comparator === 'below' ? value < target.value : value >= target.value
}
