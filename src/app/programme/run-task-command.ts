import { localDate } from '../../domain/calendar/local-time.ts'
import type { ReformTask } from '../../domain/programme/reform-task.ts'
import {
  availableTaskActions,
  decideTask,
  type Evidence,
  type ProgrammeActor,
  type TaskCommand,
  type TaskRefusal,
} from '../../domain/programme/task-actions.ts'
import { loadTask, saveTaskDecision } from '../../store/programme/plan-store.ts'
import { type EvidenceUpload, type KeptEvidence, keepEvidence } from './evidence.ts'
import type { ProgrammeDeps } from './programme-deps.ts'

export type TaskInput =
  | {
      readonly action: 'report-progress'
      readonly percent: number
      readonly note: string
      readonly evidence: EvidenceUpload | null
    }
  | { readonly action: 'request-completion'; readonly note: string; readonly evidence: EvidenceUpload | null }
  | { readonly action: 'approve'; readonly note: string }
  | { readonly action: 'return'; readonly note: string }

export type TaskOutcome =
  | { readonly kind: 'done'; readonly task: ReformTask }
  | { readonly kind: 'notFound' | 'conflict' }
  | { readonly kind: 'refused'; readonly refusal: TaskRefusal }
  | { readonly kind: 'badEvidence'; readonly reason: Extract<KeptEvidence, { ok: false }>['reason'] }

/**
 * One command on a task of the yearly plan: the task read, the evidence kept (only when the action is
 * allowed), the decision, then the task and its report written if nobody moved it meanwhile.
 */
export async function runTaskCommand(
  deps: ProgrammeDeps,
  taskId: string,
  actor: ProgrammeActor,
  input: TaskInput,
): Promise<TaskOutcome> {
  const task = await loadTask(deps.db, taskId)
  if (task === null) return { kind: 'notFound' }
  // The gate is asked before the file is kept, so a refused caller stores nothing.
  if (!availableTaskActions(task, actor).includes(input.action)) return { kind: 'refused', refusal: 'not-allowed' }
  const upload = input.action === 'approve' || input.action === 'return' ? null : input.evidence
  const kept = upload === null ? null : await keepEvidence(deps.storage, upload)
  if (kept !== null && !kept.ok) return { kind: 'badEvidence', reason: kept.reason }
  const file = kept?.file ?? null
  const evidence: Evidence | null = file === null ? null : { sha256: file.sha256, name: file.name }
  const command: TaskCommand =
    input.action === 'approve' || input.action === 'return'
      ? { action: input.action, note: input.note }
      : { ...input, evidence }
  const now = deps.now()
  const ctx = { reportId: deps.newId(), now: now.toISOString(), today: localDate(now) }
  const decided = decideTask(task, actor, command, ctx)
  if (!decided.ok) return { kind: 'refused', refusal: decided.refusal }
  const saved = await saveTaskDecision(deps.db, task, decided.task, decided.report, file, now)
  return saved ? { kind: 'done', task: decided.task } : { kind: 'conflict' }
}
