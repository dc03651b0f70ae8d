import type { CatalogueCounts } from './catalogue-counts.ts'
import type { Counters } from './counters.ts'
import type { Ii06aFigures } from './ii06a.ts'
import { type Ratio, ratio, round2 } from './ratio.ts'

export type IndicatorGroup = 'transparency' | 'progress' | 'online' | 'digitization' | 'satisfaction'

/**
 * One scored indicator of the service index (Bộ chỉ số phục vụ người dân, doanh nghiệp, Decision
 * 766/QĐ-TTg). `threshold` 1 scores proportionally; below a lower threshold the points are
 * ratio × points ÷ threshold, at or above it full points (rules.md §6).
 */
export type IndicatorRule = {
  readonly id: string
  readonly group: IndicatorGroup
  readonly points: number
  readonly threshold: number
}

/**
 * Group totals and thresholds are those of rules.md §6; the split of each group's points among its
 * indicators is motcua's configuration (not confirmed by a public source) and may be changed.
 */
export const decision766Scoring: readonly IndicatorRule[] = [
  { id: '1.1', group: 'transparency', points: 18, threshold: 1 },
  { id: '2.1', group: 'progress', points: 20, threshold: 1 },
  { id: '3.1', group: 'online', points: 6, threshold: 0.8 },
  { id: '3.2', group: 'online', points: 4, threshold: 1 },
  { id: '3.3', group: 'online', points: 6, threshold: 0.5 },
  { id: '3.5', group: 'online', points: 3, threshold: 0.8 },
  { id: '3.6', group: 'online', points: 3, threshold: 1 },
  { id: '4.1', group: 'digitization', points: 6, threshold: 1 },
  { id: '4.2', group: 'digitization', points: 6, threshold: 0.8 },
  { id: '4.3', group: 'digitization', points: 6, threshold: 0.8 },
  { id: '4.5', group: 'digitization', points: 4, threshold: 1 },
  { id: '5.4', group: 'satisfaction', points: 18, threshold: 0.9 },
]

export type IndicatorScore = { readonly ratio: Ratio; readonly points: number; readonly max: number }
export type Index766 = {
  readonly total: number
  readonly groups: Record<IndicatorGroup, { readonly points: number; readonly max: number }>
  readonly indicators: Record<string, IndicatorScore>
  /** 2.2, information only: average working days from reception to result. */
  readonly averageWorkingDays: number | 'n/a'
}

/** Points for a ratio; "n/a" (nothing arose) scores full points — product rule. */
export function score(rule: IndicatorRule, r: Ratio): number {
  if (r === 'n/a' || r >= rule.threshold) return rule.points
  return round2((r * rule.points) / rule.threshold)
}

/** Đúng hạn: finished by the deadline, or open and not past it at the period's end (2.1). */
export function onTimeRatio(f: Ii06aFigures): Ratio {
  return ratio(f.resolvedEarly + f.resolvedOnTime + f.inProgressWithinDeadline, f.resolved + f.inProgress)
}

/** 5.4: 100% − (late rate + share of dossiers with a complaint or "not satisfied"). */
export function satisfactionRatio(f: Ii06aFigures, flows: Counters): Ratio {
  const counted = f.resolved + f.inProgress
  if (counted === 0) return 'n/a'
  const lateRate = (f.resolvedLate + f.inProgressOverdue) / counted
  const unhappyRate = f.resolved === 0 ? 0 : flows.unhappy / f.resolved
  return round2(Math.max(0, 1 - (lateRate + unhappyRate)))
}

export function indicatorRatios(f: Ii06aFigures, flows: Counters, cat: CatalogueCounts): Record<string, Ratio> {
  return {
    '1.1': ratio(cat.completeInfo, cat.procedures),
    '2.1': onTimeRatio(f),
    '3.1': ratio(cat.online, cat.procedures),
    '3.2': ratio(cat.fullOfEligible, cat.fullEligible),
    '3.3': ratio(flows.online_counted, flows.received),
    '3.5': ratio(cat.feeBearingOnlinePayment, cat.feeBearing),
    '3.6': ratio(flows.paid_online, flows.fee_bearing),
    '4.1': ratio(flows.e_result, flows.result_document),
    '4.2': ratio(flows.digitized, flows.received),
    '4.3': ratio(flows.reused, flows.received),
    '4.5': ratio(flows.vneid, flows.citizen),
    '5.4': satisfactionRatio(f, flows),
  }
}

export function index766(
  f: Ii06aFigures,
  flows: Counters,
  cat: CatalogueCounts,
  rules: readonly IndicatorRule[] = decision766Scoring,
): Index766 {
  const ratios = indicatorRatios(f, flows, cat)
  const groups: Record<IndicatorGroup, { points: number; max: number }> = {
    transparency: { points: 0, max: 0 },
    progress: { points: 0, max: 0 },
    online: { points: 0, max: 0 },
    digitization: { points: 0, max: 0 },
    satisfaction: { points: 0, max: 0 },
  }
  const indicators: Record<string, IndicatorScore> = {}
  for (const rule of rules) {
    const r = ratios[rule.id] ?? 'n/a'
    const points = score(rule, r)
    indicators[rule.id] = { ratio: r, points, max: rule.points }
    groups[rule.group].points = round2(groups[rule.group].points + points)
    groups[rule.group].max += rule.points
  }
  const total = round2(Object.values(groups).reduce((sum, g) => sum + g.points, 0))
  const averageWorkingDays = flows.done === 0 ? 'n/a' : round2(flows.done_minutes / flows.done / 480)
  return { total, groups, indicators, averageWorkingDays }
}
