import type { ReformArea } from './reform-area.ts'

/** Trạng thái nhiệm vụ: where a task of the yearly plan stands. */
export const TaskStatus = {
  Assigned: 'assigned',
  InProgress: 'in_progress',
  CompletionRequested: 'completion_requested',
  Done: 'done',
} as const
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus]

/** One report on a task: progress, a completion request with the output, or the approver's verdict. */
export type TaskReport = {
  readonly id: string
  readonly kind: 'progress' | 'completion_requested' | 'approved' | 'returned'
  /** Share of the work done, 0–100 (progress and completion requests). */
  readonly percent: number | null
  readonly note: string
  readonly evidence: { readonly sha256: string; readonly name: string } | null
  readonly by: string
  readonly at: string
}

/**
 * Nhiệm vụ trong kế hoạch cải cách hành chính năm: a task of the yearly plan assigned to a department
 * or commune, with its deadline and expected output (sản phẩm).
 */
export type ReformTask = {
  readonly id: string
  readonly planYear: number
  readonly area: ReformArea
  readonly solutionGroupId: string | null
  readonly title: string
  /** Sản phẩm: what the unit must hand in (a decision, a report, a system in use…). */
  readonly output: string
  readonly agencyId: string
  /** Hạn hoàn thành, a plain calendar date ('YYYY-MM-DD'). */
  readonly deadline: string
  readonly status: TaskStatus
  /** The local day the provincial administrator approved its completion. */
  readonly completedOn: string | null
  readonly reports: readonly TaskReport[]
  readonly version: number
}

/**
 * Quá hạn: not done after its deadline day (plain calendar dates, not working days: the plans set
 * their deadlines as dates). A task approved after its deadline stays marked as completed late.
 */
export const isOverdue = (t: Pick<ReformTask, 'status' | 'deadline'>, today: string): boolean =>
  t.status !== TaskStatus.Done && t.deadline < today

export const completedLate = (t: Pick<ReformTask, 'completedOn' | 'deadline'>): boolean =>
  t.completedOn !== null && t.completedOn > t.deadline
