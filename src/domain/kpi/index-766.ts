import type { CatalogueCounts } from './catalogue-counts.ts'
import type { Counters } from './counters.ts'
import type { Ii06aFigures } from './ii06a.ts'
import { decision766Scoring, type IndicatorGroup, type IndicatorRule } from './index-766-scoring.ts'
import { round2 } from './ratio.ts'

export type { IndicatorGroup, IndicatorRule } from './index-766-scoring.ts'
export { decision766Scoring } from './index-766-scoring.ts'

/**
 * Không áp dụng: why an indicator has no ratio. `zero_denominator`: nothing arose in the period;
 * `not_recorded`: motcua does not hold the data the formula needs, named in `missing`.
 * Either way it awards nothing (rules.md "Decision 766 index (national formula)").
 */
export type NotApplicable = {
  readonly reason: 'zero_denominator' | 'not_recorded'
  readonly missing: readonly string[]
}
export type IndicatorValue = number | NotApplicable

/** What the index reads besides the II.06a figures and the window's counters. */
export type Index766Inputs = {
  readonly figures: Ii06aFigures
  readonly flows: Counters
  readonly catalogue: CatalogueCounts
  readonly services: OnlineServiceCounts
  /** 1.4: the window's motcua dossiers, and those of them the national portal acknowledged. */
  readonly sync: { readonly received: number; readonly synced: number }
}

/** 3.2 and 3.5: services and procedures of the catalogue with the window's dossiers. */
export type OnlineServiceCounts = {
  /** Online services: procedure × processing unit, for procedures offered online (partially or fully). */
  readonly onlineServices: number
  /** Of them, those with at least one online dossier received in the window at that unit. */
  readonly withOnlineDossier: number
  /** Procedures whose catalogue entry has a fee or charge (not 0). */
  readonly feeProcedures: number
  /** Of them, those with at least one dossier carrying fee data received in the window. */
  readonly withFeeData: number
}

const zero: NotApplicable = { reason: 'zero_denominator', missing: [] }
const notRecorded = (...missing: string[]): NotApplicable => ({ reason: 'not_recorded', missing })

const syncRateMissing = 'tỷ lệ đồng bộ hồ sơ (chỉ tiêu 1.4): không có hồ sơ motcua tiếp nhận trong kỳ'

/** A ratio rounded to 2 decimals; a zero denominator is not applicable. */
export const share = (numerator: number, denominator: number): IndicatorValue =>
  denominator === 0 ? zero : round2(numerator / denominator)

/**
 * Data the national formula needs and the catalogue (or motcua) does not hold: these indicators are
 * "n/a" until it does. Names as the formula gives them.
 */
export const missingData = {
  '1.1': ['ngày quyết định công bố TTHC', 'ngày hiệu lực của văn bản căn cứ pháp lý'],
  '1.2': ['ngày công khai TTHC trên CSDL quốc gia', 'ngày quyết định công bố TTHC'],
  '1.3': ['trình tự thực hiện', 'cách thức thực hiện', 'đối tượng thực hiện (Nghị định 63/2010/NĐ-CP Điều 8 khoản 2)'],
  '4.5a': ['đối tượng thực hiện TTHC (công dân)'],
  '4.6': ['dịch vụ chứng thực bản sao điện tử từ bản chính của xã'],
  '5.1': ['phản ánh, kiến nghị (issue 16)'],
  '5.2': ['phản ánh, kiến nghị (issue 16)'],
  '5.3': ['phản ánh, kiến nghị (issue 16)'],
} as const

/** Points for a value: nothing when not applicable, else full at the threshold and proportional below. */
export function score(rule: IndicatorRule, v: IndicatorValue): number {
  if (typeof v !== 'number') return 0
  if (v >= rule.threshold) return rule.points
  return round2((v * rule.points) / rule.threshold)
}

/** 2.1 Đúng hạn: finished by the deadline, or open and not past it at the period's end. */
export function onTimeShare(f: Ii06aFigures): IndicatorValue {
  return share(f.resolvedEarly + f.resolvedOnTime + f.inProgressWithinDeadline, f.resolved + f.inProgress)
}

/** 5.4: 100% − (late rate + share of dossiers with a complaint or "not satisfied"). */
export function satisfactionShare(f: Ii06aFigures, flows: Counters): IndicatorValue {
  const counted = f.resolved + f.inProgress
  if (counted === 0) return zero
  const lateRate = (f.resolvedLate + f.inProgressOverdue) / counted
  const unhappyRate = f.resolved === 0 ? 0 : flows.unhappy / f.resolved
  return round2(Math.max(0, 1 - (lateRate + unhappyRate)))
}

/** 3.3: online dossiers (with an e-result where the result is a paper document) ÷ received, × the sync rate. */
export function onlineShare(flows: Counters, syncRate: IndicatorValue): IndicatorValue {
  const online = share(flows.online_counted, flows.received)
  if (typeof online !== 'number') return online
  if (typeof syncRate !== 'number') return notRecorded(syncRateMissing)
  return round2((flows.online_counted / flows.received) * syncRate)
}

export function indicatorValues(i: Index766Inputs): Record<string, IndicatorValue> {
  const { figures: f, flows, services: s } = i
  const syncRate = share(i.sync.synced, i.sync.received)
  return {
    '1.1': notRecorded(...missingData['1.1']),
    '1.2': notRecorded(...missingData['1.2']),
    '1.3': notRecorded(...missingData['1.3']),
    '1.4': syncRate,
    '2.1': onTimeShare(f),
    '3.1': share(i.catalogue.online, i.catalogue.procedures),
    '3.2': share(s.withOnlineDossier, s.onlineServices),
    '3.3': onlineShare(flows, syncRate),
    '3.5': share(s.withFeeData, s.feeProcedures),
    '3.6': share(flows.paid_online, flows.fee_bearing),
    '4.1': share(flows.e_result, flows.result_document),
    '4.2': share(flows.digitized, flows.received),
    '4.3': share(flows.reused, flows.received),
    '4.4': share(flows.vault_linked, flows.received),
    '4.5a': notRecorded(...missingData['4.5a']),
    '4.5b': share(flows.vneid, flows.received),
    '4.6': notRecorded(...missingData['4.6']),
    '5.1': notRecorded(...missingData['5.1']),
    '5.2': notRecorded(...missingData['5.2']),
    '5.3': notRecorded(...missingData['5.3']),
    '5.4': satisfactionShare(f, flows),
  }
}

export type IndicatorScore = {
  /** Rounded to 2 decimals; null when not applicable. */
  readonly ratio: number | null
  readonly points: number
  readonly max: number
  readonly notApplicable: NotApplicable | null
}
export type GroupScore = { readonly points: number; readonly max: number }
export type Index766 = {
  readonly total: number
  readonly groups: Record<IndicatorGroup, GroupScore>
  readonly indicators: Record<string, IndicatorScore>
  /** 2.2, information only: average working days from reception to result. */
  readonly averageWorkingDays: number | 'n/a'
}

export function index766(inputs: Index766Inputs, rules: readonly IndicatorRule[] = decision766Scoring): Index766 {
  const values = indicatorValues(inputs)
  const groups: Record<IndicatorGroup, { points: number; max: number }> = {
    transparency: { points: 0, max: 0 },
    progress: { points: 0, max: 0 },
    online: { points: 0, max: 0 },
    digitization: { points: 0, max: 0 },
    satisfaction: { points: 0, max: 0 },
  }
  const indicators: Record<string, IndicatorScore> = {}
  for (const rule of rules) {
    const v = values[rule.id] ?? notRecorded(rule.id)
    const points = score(rule, v)
    indicators[rule.id] = {
      ratio: typeof v === 'number' ? v : null,
      points,
      max: rule.points,
      notApplicable: typeof v === 'number' ? null : v,
    }
    groups[rule.group].points = round2(groups[rule.group].points + points)
    groups[rule.group].max += rule.points
  }
  const total = round2(Object.values(groups).reduce((sum, g) => sum + g.points, 0))
  const { done, done_minutes } = inputs.flows
  const averageWorkingDays = done === 0 ? 'n/a' : round2(done_minutes / done / 480)
  return { total, groups, indicators, averageWorkingDays }
}
