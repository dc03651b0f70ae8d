import type { CatalogueCounts } from './catalogue-counts.ts'
import type { Counters } from './counters.ts'
import type { Ii06aFigures } from './ii06a.ts'
import { type Ratio, ratio } from './ratio.ts'

/** The reform programme's headline measures (rules.md §6, "the figures a province reports"). */
export const ProgrammeMeasure = {
  LateRate: 'late_rate',
  Satisfaction: 'satisfaction',
  OnlineShare: 'online_share',
  FullProcessShare: 'full_process_share',
  OnlinePayment: 'online_payment',
  EResultShare: 'e_result_share',
  ApologyRate: 'apology_rate',
  CutProcedures: 'cut_procedures',
} as const
export type ProgrammeMeasure = (typeof ProgrammeMeasure)[keyof typeof ProgrammeMeasure]

/** Chỉ tiêu: a target for one measure, in force from a date (configuration, effective-dated). */
export type ProgrammeTarget = {
  readonly measure: ProgrammeMeasure
  readonly comparator: 'below' | 'at_least'
  readonly value: number
  readonly effectiveFrom: string
  readonly source: string
}

export type MeasureResult = {
  readonly measure: ProgrammeMeasure
  readonly value: Ratio
  readonly target: ProgrammeTarget | null
  /** Null when there is no target in force or nothing to measure. */
  readonly met: boolean | null
}

export function programmeValues(
  f: Ii06aFigures,
  flows: Counters,
  cat: CatalogueCounts,
): Record<ProgrammeMeasure, Ratio> {
  return {
    late_rate: ratio(f.resolvedLate + f.inProgressOverdue, f.resolved + f.inProgress),
    satisfaction: ratio(flows.satisfied, flows.rated),
    online_share: ratio(flows.received_online, flows.received),
    full_process_share: ratio(cat.fullOfEligible, cat.procedures),
    online_payment: ratio(flows.paid_online, flows.fee_bearing),
    e_result_share: ratio(flows.e_result, flows.result_document),
    apology_rate: ratio(flows.late_apology, flows.resolved_late),
    cut_procedures: ratio(cat.cut, cat.procedures),
  }
}

/** The target in force on `day` for each measure: the latest effective one. */
export function targetsInForce(
  targets: readonly ProgrammeTarget[],
  day: string,
): Map<ProgrammeMeasure, ProgrammeTarget> {
  const inForce = new Map<ProgrammeMeasure, ProgrammeTarget>()
  for (const t of [...targets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)))
    if (t.effectiveFrom <= day) inForce.set(t.measure, t)
  return inForce
}

export function evaluateProgramme(
  values: Record<ProgrammeMeasure, Ratio>,
  targets: readonly ProgrammeTarget[],
  periodEnd: string,
): MeasureResult[] {
  const inForce = targetsInForce(targets, periodEnd)
  return (Object.keys(values) as ProgrammeMeasure[]).map((measure) => {
    const value = values[measure]
    const target = inForce.get(measure) ?? null
    const met =
      target === null || value === 'n/a'
        ? null
        : target.comparator === 'below'
          ? value < target.value
          : value >= target.value
    return { measure, value, target, met }
  })
}
