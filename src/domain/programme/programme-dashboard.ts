import { type ComputedMeasure, measureSource } from './measure.ts'
import { type Programme, programmeYears } from './programme.ts'
import type { ReformArea } from './reform-area.ts'
import { isMet, type ReformTarget, targetsForYear } from './reform-target.ts'
import type { Evidence } from './task-actions.ts'

/** A year's computed measures, over the window measured (a running year is measured to today). */
export type YearMeasures = {
  readonly year: number
  readonly period: { readonly from: string; readonly to: string; readonly measuredTo: string }
  readonly values: Record<ComputedMeasure, number | 'n/a'>
  /** What a measure's figure was computed from this year, where more than its counters say it (the survey's periods). */
  readonly details?: Readonly<Partial<Record<ComputedMeasure, string>>>
}

/** Số liệu do đơn vị báo cáo: a unit's figure for a reported target and year, with its evidence file. */
export type ReportedFigure = {
  readonly id: string
  readonly targetKey: string
  readonly year: number
  readonly value: number
  readonly agencyId: string
  readonly note: string
  readonly evidence: Evidence
  readonly reportedBy: string
  readonly reportedAt: string
}

/** Where a figure comes from, so each one in a report can be traced back. */
export type FigureSource =
  | {
      readonly kind: 'computed'
      readonly measure: ComputedMeasure
      readonly period: YearMeasures['period']
      readonly counters: string
    }
  | {
      readonly kind: 'reported'
      readonly reportId: string
      readonly agencyId: string
      readonly evidence: Evidence
      readonly reportedAt: string
    }

export type TargetYear = {
  readonly year: number
  readonly target: ReformTarget
  /** Null: n/a (nothing to measure) or nothing reported yet. */
  readonly value: number | null
  readonly met: boolean | null
  readonly source: FigureSource | null
}

export type DashboardRow = {
  readonly key: string
  readonly title: string
  readonly titleEn: string
  readonly area: ReformArea
  readonly current: TargetYear
  /** Each programme year up to the one asked for that has a target in force. */
  readonly trend: readonly TargetYear[]
}

const yearEnd = (year: number) => `${year}-12-31`

function figureOf(
  target: ReformTarget,
  year: number,
  measures: ReadonlyMap<number, YearMeasures>,
  reported: readonly ReportedFigure[],
): Omit<TargetYear, 'met'> {
  if (target.source.kind === 'computed') {
    const m = measures.get(year)
    const v = m?.values[target.source.measure]
    const value = v === undefined || v === 'n/a' ? null : v
    const source =
      m === undefined
        ? null
        : {
            kind: 'computed' as const,
            measure: target.source.measure,
            period: m.period,
            counters: m.details?.[target.source.measure] ?? measureSource[target.source.measure],
          }
    return { year, target, value, source }
  }
  const latest = reported
    .filter((r) => r.targetKey === target.key && r.year === year)
    .reduce<ReportedFigure | null>((a, r) => (a === null || r.reportedAt > a.reportedAt ? r : a), null)
  if (latest === null) return { year, target, value: null, source: null }
  return {
    year,
    target,
    value: latest.value,
    source: {
      kind: 'reported',
      reportId: latest.id,
      agencyId: latest.agencyId,
      evidence: latest.evidence,
      reportedAt: latest.reportedAt,
    },
  }
}

/**
 * Bảng theo dõi chương trình: each target in force for `year` with its figure and whether it is met,
 * and its trend over the programme's earlier years (each year against the target then in force).
 */
export function programmeDashboard(
  programme: Programme,
  targets: readonly ReformTarget[],
  measures: readonly YearMeasures[],
  reported: readonly ReportedFigure[],
  year: number,
  today: string,
): DashboardRow[] {
  const byYear = new Map(measures.map((m) => [m.year, m]))
  const evaluate = (t: ReformTarget, y: number): TargetYear => {
    const f = figureOf(t, y, byYear, reported)
    return { ...f, met: isMet(t, f.value) }
  }
  const dayOf = (y: number) => (yearEnd(y) < today ? yearEnd(y) : today)
  const years = programmeYears(programme).filter((y) => y <= year)
  return targetsForYear(programme, targets, year, dayOf(year)).map((t) => ({
    key: t.key,
    title: t.title,
    titleEn: t.titleEn,
    area: t.area,
    current: evaluate(t, year),
    trend: years.flatMap((y) => {
      const then = targetsForYear(programme, targets, y, dayOf(y)).find((x) => x.key === t.key)
      return then === undefined ? [] : [evaluate(then, y)]
    }),
  }))
}
