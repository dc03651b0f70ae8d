import type { CatalogueCounts } from './catalogue-counts.ts'
import type { Counters } from './counters.ts'
import type { Ii06aFigures } from './ii06a.ts'
import { decision766Scoring, type IndicatorGroup, type IndicatorRule } from './index-766-scoring.ts'
import type { PublicationCounts } from './publication-counts.ts'
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
  /**
   * 5.1–5.3 as `petitionIndicators` counts them (src/domain/petitions/indicators.ts); null for a scope
   * petitions do not have (a field, a procedure: a petition names an agency, not a procedure).
   */
  readonly petitions: PetitionCounts | null
  /** 1.1–1.3: the catalogue's versions published in the window; absent or null when none was synced. */
  readonly publication?: PublicationCounts | null
}

type Fraction = { readonly numerator: number; readonly denominator: number }
/** Phản ánh, kiến nghị: the group-5 petition indicators' numerators and denominators for the window. */
export type PetitionCounts = { readonly '5.1': Fraction; readonly '5.2': Fraction; readonly '5.3': Fraction }

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
  petitions: ['phản ánh, kiến nghị theo lĩnh vực, thủ tục (PAKN gắn với cơ quan, không gắn với thủ tục)'],
} as const

const petitionValue = (p: PetitionCounts | null, id: keyof PetitionCounts): IndicatorValue =>
  p === null ? notRecorded(...missingData.petitions) : share(p[id].numerator, p[id].denominator)

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

/** 1.1–1.3 from the synced publication data; not recorded until a catalogue sync brought it. */
function publicationValues(p: PublicationCounts | null): Record<'1.1' | '1.2' | '1.3', IndicatorValue> {
  if (p === null)
    return {
      '1.1': notRecorded(...missingData['1.1']),
      '1.2': notRecorded(...missingData['1.2']),
      '1.3': notRecorded(...missingData['1.3']),
    }
  return {
    '1.1': share(p.publishedOnTime, p.published),
    '1.2': share(p.madePublicOnTime, p.published),
    '1.3': share(p.complete, p.published),
  }
}

export function indicatorValues(i: Index766Inputs): Record<string, IndicatorValue> {
  const { figures: f, flows, services: s } = i
  const syncRate = share(i.sync.synced, i.sync.received)
  return {
    ...publicationValues(i.publication ?? null),
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
    '5.1': petitionValue(i.petitions, '5.1'),
    '5.2': petitionValue(i.petitions, '5.2'),
    '5.3': petitionValue(i.petitions, '5.3'),
    '5.4': satisfactionShare(f, flows),
  }
}

export type IndicatorScore = {
  /** Rounded to 2 decimals; null when not applicable. */
  readonly ratio: number | null
  readonly points: number
  /** What it is worth here: its formula points, plus those shared to it, or 0 when it shared them. */
  readonly max: number
  readonly notApplicable: NotApplicable | null
  /** The indicators its points went to, having nothing to count (`sharedOnZeroTo`); absent otherwise. */
  readonly sharedTo?: readonly string[]
}
export type GroupScore = { readonly points: number; readonly max: number }
export type Index766 = {
  readonly total: number
  readonly groups: Record<IndicatorGroup, GroupScore>
  readonly indicators: Record<string, IndicatorScore>
  /** 2.2, information only: average working days from reception to result. */
  readonly averageWorkingDays: number | 'n/a'
}

const nothingArose = (v: IndicatorValue | undefined) => typeof v === 'object' && v.reason === 'zero_denominator'

/**
 * Each indicator's points after sharing: one with nothing to count and receivers named gives its
 * points in equal parts to them; a receiver with nothing to count and receivers of its own passes
 * them on (the METRICS row-23 note, rules.md "Decision 766 index").
 */
export function sharedPoints(
  rules: readonly IndicatorRule[],
  values: Record<string, IndicatorValue>,
): Map<string, { max: number; sharedTo: readonly string[] }> {
  const byId = new Map(rules.map((r) => [r.id, r]))
  const shares = (r: IndicatorRule) => r.sharedOnZeroTo.length > 0 && nothingArose(values[r.id])
  const out = new Map(
    rules.map((r) => [r.id, { max: shares(r) ? 0 : r.points, sharedTo: shares(r) ? r.sharedOnZeroTo : [] }]),
  )
  const give = (id: string, points: number): void => {
    const rule = byId.get(id)
    if (rule === undefined) return
    if (shares(rule)) {
      for (const to of rule.sharedOnZeroTo) give(to, points / rule.sharedOnZeroTo.length)
      return
    }
    const entry = out.get(id)
    if (entry) out.set(id, { ...entry, max: round2(entry.max + points) })
  }
  for (const r of rules) if (shares(r)) for (const to of r.sharedOnZeroTo) give(to, r.points / r.sharedOnZeroTo.length)
  return out
}

export function index766(inputs: Index766Inputs, rules: readonly IndicatorRule[] = decision766Scoring): Index766 {
  const values = indicatorValues(inputs)
  const worth = sharedPoints(rules, values)
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
    const { max, sharedTo } = worth.get(rule.id) ?? { max: rule.points, sharedTo: [] }
    const points = score({ ...rule, points: max }, v)
    indicators[rule.id] = {
      ratio: typeof v === 'number' ? v : null,
      points,
      max,
      notApplicable: typeof v === 'number' ? null : v,
      ...(sharedTo.length > 0 ? { sharedTo } : {}),
    }
    groups[rule.group].points = round2(groups[rule.group].points + points)
    groups[rule.group].max += rule.points
  }
  const total = round2(Object.values(groups).reduce((sum, g) => sum + g.points, 0))
  const { done, done_minutes } = inputs.flows
  const averageWorkingDays = done === 0 ? 'n/a' : round2(done_minutes / done / 480)
  return { total, groups, indicators, averageWorkingDays }
}
