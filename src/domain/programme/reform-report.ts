import { isPoints } from './measure.ts'
import type { DashboardRow, FigureSource } from './programme-dashboard.ts'
import { reformAreaNames } from './reform-area.ts'
import { completedLate, isOverdue, type ReformTask, TaskStatus } from './reform-task.ts'

/** Kỳ báo cáo: a quarter (1–4) of a year, or the whole year. */
export type ReportPeriod = { readonly year: number; readonly quarter: 1 | 2 | 3 | 4 | null }

export function periodDays(p: ReportPeriod): { from: string; to: string } {
  if (p.quarter === null) return { from: `${p.year}-01-01`, to: `${p.year}-12-31` }
  const first = (p.quarter - 1) * 3 + 1
  const last = first + 2
  const lastDay = new Date(Date.UTC(p.year, last, 0)).getUTCDate()
  const mm = (m: number) => String(m).padStart(2, '0')
  return { from: `${p.year}-${mm(first)}-01`, to: `${p.year}-${mm(last)}-${lastDay}` }
}

const roman = ['I', 'II', 'III', 'IV']

/** Báo cáo kết quả thực hiện công tác cải cách hành chính quý / năm (the report's title). */
export const reportTitle = (p: ReportPeriod) =>
  p.quarter === null
    ? `Báo cáo kết quả thực hiện công tác cải cách hành chính năm ${p.year}`
    : `Báo cáo kết quả thực hiện công tác cải cách hành chính quý ${roman[p.quarter - 1]} năm ${p.year}`

export type ReportTargetLine = {
  readonly area: string
  readonly title: string
  readonly target: string
  readonly value: string
  readonly met: string
  /** Nguồn: the measure, period and counters, or the unit's report and its evidence file. */
  readonly source: string
}

export type ReportTaskLine = {
  readonly title: string
  readonly agency: string
  readonly deadline: string
  readonly status: string
  readonly percent: number
  readonly evidence: string
}

export type ReformReport = {
  readonly title: string
  readonly programmeName: string
  readonly period: ReportPeriod & { readonly from: string; readonly to: string }
  readonly targets: readonly ReportTargetLine[]
  readonly taskCounts: {
    readonly total: number
    readonly done: number
    readonly doneLate: number
    readonly overdue: number
  }
  readonly tasks: readonly ReportTaskLine[]
}

const shown = (v: number, points: boolean) =>
  points
    ? v.toLocaleString('vi-VN', { maximumFractionDigits: 2 })
    : `${(v * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`

function sourceText(s: FigureSource | null, agencyName: (id: string) => string): string {
  if (s === null) return 'Chưa có số liệu'
  if (s.kind === 'computed') return `motcua: ${s.measure}, ${s.period.from} – ${s.period.measuredTo}; ${s.counters}`
  return `Báo cáo của ${agencyName(s.agencyId)} (${s.reportId}), minh chứng ${s.evidence.name} (SHA-256 ${s.evidence.sha256})`
}

const statusName: Record<TaskStatus, string> = {
  assigned: 'Đã giao',
  in_progress: 'Đang thực hiện',
  completion_requested: 'Chờ công nhận hoàn thành',
  done: 'Hoàn thành',
}

/**
 * The quarterly or annual reform report from the data: each target's figure with its source, and the
 * plan's tasks (done, done late, overdue at the period's end, by plain dates).
 */
export function reformReport(
  programmeName: string,
  period: ReportPeriod,
  rows: readonly DashboardRow[],
  tasks: readonly ReformTask[],
  agencyName: (id: string) => string,
  today: string,
): ReformReport {
  const days = periodDays(period)
  const asOf = days.to < today ? days.to : today
  const targets = rows.map((r): ReportTargetLine => {
    const t = r.current.target
    const points = t.source.kind === 'computed' && isPoints(t.source.measure)
    const plainNumber = t.source.kind === 'reported' && t.value > 1
    const fmt = (v: number) => (plainNumber ? v.toLocaleString('vi-VN') : shown(v, points))
    return {
      area: reformAreaNames[r.area].vi,
      title: r.title,
      target: `${t.comparator === 'below' ? '<' : '≥'} ${fmt(t.value)}`,
      value: r.current.value === null ? '—' : fmt(r.current.value),
      met: r.current.met === null ? '—' : r.current.met ? 'Đạt' : 'Không đạt',
      source: sourceText(r.current.source, agencyName),
    }
  })
  return {
    title: reportTitle(period),
    programmeName,
    period: { ...period, ...days },
    targets,
    taskCounts: {
      total: tasks.length,
      done: tasks.filter((t) => t.status === TaskStatus.Done).length,
      doneLate: tasks.filter(completedLate).length,
      overdue: tasks.filter((t) => isOverdue(t, asOf)).length,
    },
    tasks: tasks.map((t) => ({
      title: t.title,
      agency: agencyName(t.agencyId),
      deadline: t.deadline,
      status: `${statusName[t.status]}${isOverdue(t, asOf) ? ' (quá hạn)' : completedLate(t) ? ' (trễ hạn)' : ''}`,
      percent: t.status === TaskStatus.Done ? 100 : (t.reports.filter((r) => r.percent !== null).at(-1)?.percent ?? 0),
      evidence: t.reports
        .filter((r) => r.evidence !== null)
        .map((r) => r.evidence?.name)
        .join(', '),
    })),
  }
}
