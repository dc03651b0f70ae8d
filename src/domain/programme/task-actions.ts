import type { Grant } from '../access/principal.ts'
import type { ReformTarget } from './reform-target.ts'
import { type ReformTask, type TaskReport, TaskStatus } from './reform-task.ts'

/** What may be done to a task (the one gate: the API, the screens and the decisions ask it). */
export const TaskAction = {
  ReportProgress: 'report-progress',
  RequestCompletion: 'request-completion',
  Approve: 'approve',
  Return: 'return',
} as const
export type TaskAction = (typeof TaskAction)[keyof typeof TaskAction]

export type ProgrammeActor = { readonly id: string; readonly grants: readonly Grant[] }

const at = (actor: ProgrammeActor, roles: readonly string[], agencyId: string) =>
  actor.grants.some((g) => roles.includes(g.role) && g.agencyId === agencyId)
const provincial = (actor: ProgrammeActor) => actor.grants.some((g) => g.role === 'provincial_admin')

const open: readonly TaskStatus[] = [TaskStatus.Assigned, TaskStatus.InProgress]

/**
 * The assigned unit's staff (specialist, leader, agency administrator) report progress; its leader or
 * administrator hands the output in; the provincial administrator (for the Department of Home
 * Affairs, which runs the programme) approves or returns it.
 */
export function availableTaskActions(task: ReformTask, actor: ProgrammeActor): TaskAction[] {
  const actions: TaskAction[] = []
  if (open.includes(task.status) && at(actor, ['specialist', 'leader', 'agency_admin'], task.agencyId))
    actions.push(TaskAction.ReportProgress)
  if (open.includes(task.status) && at(actor, ['leader', 'agency_admin'], task.agencyId))
    actions.push(TaskAction.RequestCompletion)
  if (task.status === TaskStatus.CompletionRequested && provincial(actor))
    actions.push(TaskAction.Approve, TaskAction.Return)
  return actions
}

/** Who reports a reported target's figure: the responsible unit's leader or administrator, or the province. */
export function mayReportTarget(target: ReformTarget, actor: ProgrammeActor): boolean {
  if (target.source.kind !== 'reported') return false
  if (provincial(actor)) return true
  const unit = target.source.responsibleAgencyId
  return unit !== null && at(actor, ['leader', 'agency_admin'], unit)
}

/** Whether the caller sees a unit's tasks: its own staff, or province-wide readers. */
export const seesUnit = (actor: ProgrammeActor, agencyId: string) =>
  actor.grants.some((g) => g.role === 'provincial_admin' || g.role === 'monitor' || g.agencyId === agencyId)

export type Evidence = { readonly sha256: string; readonly name: string }

export type TaskCommand =
  | {
      readonly action: 'report-progress'
      readonly percent: number
      readonly note: string
      readonly evidence: Evidence | null
    }
  | { readonly action: 'request-completion'; readonly note: string; readonly evidence: Evidence | null }
  | { readonly action: 'approve'; readonly note: string }
  | { readonly action: 'return'; readonly note: string }

export type TaskRefusal = 'not-allowed' | 'evidence-required'

export type TaskDecision =
  | { readonly ok: true; readonly task: ReformTask; readonly report: TaskReport }
  | { readonly ok: false; readonly refusal: TaskRefusal }

const next: Record<TaskCommand['action'], TaskStatus> = {
  'report-progress': TaskStatus.InProgress,
  'request-completion': TaskStatus.CompletionRequested,
  approve: TaskStatus.Done,
  return: TaskStatus.InProgress,
}

const kindOf: Record<TaskCommand['action'], TaskReport['kind']> = {
  'report-progress': 'progress',
  'request-completion': 'completion_requested',
  approve: 'approved',
  return: 'returned',
}

/**
 * Báo cáo tiến độ, đề nghị công nhận hoàn thành, phê duyệt: one decision per command, time and id
 * passed in. Handing the output in needs its file (the sản phẩm is the evidence of completion).
 */
export function decideTask(
  task: ReformTask,
  actor: ProgrammeActor,
  command: TaskCommand,
  ctx: { readonly reportId: string; readonly now: string; readonly today: string },
): TaskDecision {
  if (!availableTaskActions(task, actor).includes(command.action)) return { ok: false, refusal: 'not-allowed' }
  const evidence = 'evidence' in command ? command.evidence : null
  if (command.action === 'request-completion' && evidence === null) return { ok: false, refusal: 'evidence-required' }
  const percent =
    command.action === 'report-progress' ? command.percent : command.action === 'request-completion' ? 100 : null
  const report: TaskReport = {
    id: ctx.reportId,
    kind: kindOf[command.action],
    percent,
    note: command.note,
    evidence,
    by: actor.id,
    at: ctx.now,
  }
  const status = next[command.action]
  return {
    ok: true,
    report,
    task: {
      ...task,
      status,
      completedOn: status === TaskStatus.Done ? ctx.today : task.completedOn,
      reports: [...task.reports, report],
      version: task.version + 1,
    },
  }
}
