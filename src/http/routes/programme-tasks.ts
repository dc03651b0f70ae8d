import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { type Static, Type } from 'typebox'
import type { ProgrammeDeps } from '../../app/programme/programme-deps.ts'
import { runTaskCommand, type TaskInput, type TaskOutcome } from '../../app/programme/run-task-command.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import { localDate } from '../../domain/calendar/local-time.ts'
import { completedLate, isOverdue, type ReformTask, TaskStatus } from '../../domain/programme/reform-task.ts'
import { availableTaskActions, type ProgrammeActor, seesUnit } from '../../domain/programme/task-actions.ts'
import { createPlan, insertTask, loadPlan, tasksOfPlan } from '../../store/programme/plan-store.ts'
import { loadProgramme } from '../../store/programme/programme-store.ts'
import { callerOf } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'
import {
  ApprovalBody,
  CompletionBody,
  NewPlanBody,
  NewTaskBody,
  PlanView,
  ProgressBody,
  TaskView,
} from '../schemas/programme-view.ts'
import { decodeEvidence, evidenceBodyLimit, problems, programmeActor, sendBadEvidence } from './programme-http.ts'

const ProgrammeParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80, description: 'Programme id' }) })
const PlanParams = Type.Object({
  ...ProgrammeParams.properties,
  year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'Năm kế hoạch' }),
})
const TaskParams = Type.Object({ taskId: Type.String({ format: 'uuid', description: 'Task id' }) })
const BoardQuery = Type.Object(
  {
    agencyId: Type.Optional(
      Type.String({ minLength: 1, description: 'Only this unit’s tasks (bảng nhiệm vụ của đơn vị)' }),
    ),
  },
  { additionalProperties: false },
)

/** A task as the caller sees it: overdue by plain dates, with the actions the gate allows them. */
export function taskView(t: ReformTask, actor: ProgrammeActor, today: string): Static<typeof TaskView> {
  const progress = t.reports.filter((r) => r.percent !== null).at(-1)?.percent ?? 0
  return {
    ...t,
    overdue: isOverdue(t, today),
    completedLate: completedLate(t),
    percent: t.status === TaskStatus.Done ? 100 : progress,
    reports: [...t.reports],
    availableActions: availableTaskActions(t, actor),
  }
}

function sendTaskOutcome(reply: FastifyReply, outcome: TaskOutcome, actor: ProgrammeActor, today: string) {
  switch (outcome.kind) {
    case 'done':
      return taskView(outcome.task, actor, today)
    case 'notFound':
      return sendProblem(reply, problem('reformTaskNotFound', 404))
    case 'conflict':
      return sendProblem(reply, problem('reformTaskConflict', 409))
    case 'refused':
      return outcome.refusal === 'evidence-required'
        ? sendProblem(
            reply,
            problem('reformEvidenceRequired', 400, {
              errors: [{ path: 'body/evidence', message: 'cần tệp sản phẩm', en: 'the output file is required' }],
            }),
          )
        : sendProblem(reply, problem('refused', 409))
    case 'badEvidence':
      return sendBadEvidence(reply, 'body/evidence/contentBase64', outcome.reason)
  }
}

/** Kế hoạch CCHC năm and its tasks: plans, assignment, the task board, progress and approval. */
export const programmeTaskRoutes: FastifyPluginAsyncTypebox<ProgrammeDeps> = async (app, deps) => {
  const { db } = deps
  const today = () => localDate(deps.now())

  app.post(
    '/api/programme/:id/plans',
    {
      config: { permission: Permission.ProgrammeManage },
      schema: {
        operationId: 'createReformPlan',
        tags: ['programme'],
        summary: 'Ban hành kế hoạch CCHC năm / Create the yearly reform plan',
        params: ProgrammeParams,
        body: NewPlanBody,
        response: { 201: PlanView, ...problems, 409: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const programme = await loadProgramme(db, request.params.id)
      if (programme === null) return sendProblem(reply, problem('programmeNotFound', 404))
      const plan = { programmeId: programme.id, ...request.body }
      if (!programme.phases.some((p) => p.fromYear <= plan.year && plan.year <= p.toYear))
        return sendProblem(
          reply,
          problem('validation', 400, {
            errors: [
              { path: 'body/year', message: 'năm nằm ngoài chương trình', en: 'the year is outside the programme' },
            ],
          }),
        )
      if (!(await createPlan(db, plan, callerOf(request).userId, deps.now())))
        return sendProblem(reply, problem('reformPlanExists', 409))
      reply.code(201)
      return { ...plan, tasks: [] }
    },
  )

  app.get(
    '/api/programme/:id/plans/:year',
    {
      config: { permission: Permission.ProgrammeRead },
      schema: {
        operationId: 'getReformPlan',
        tags: ['programme'],
        summary: 'Kế hoạch CCHC năm và bảng nhiệm vụ / The yearly plan and its task board',
        params: PlanParams,
        querystring: BoardQuery,
        response: { 200: PlanView, ...problems },
      },
    },
    async (request, reply) => {
      const plan = await loadPlan(db, request.params.id, request.params.year)
      if (plan === null) return sendProblem(reply, problem('reformPlanNotFound', 404))
      const actor = programmeActor(callerOf(request))
      const asked = request.query.agencyId
      const tasks = await tasksOfPlan(db, plan.programmeId, plan.year, asked === undefined ? null : [asked])
      const day = today()
      return { ...plan, tasks: tasks.filter((t) => seesUnit(actor, t.agencyId)).map((t) => taskView(t, actor, day)) }
    },
  )

  app.post(
    '/api/programme/:id/plans/:year/tasks',
    {
      config: { permission: Permission.ProgrammeManage },
      schema: {
        operationId: 'assignReformTask',
        tags: ['programme'],
        summary: 'Giao nhiệm vụ / Assign a task of the yearly plan to a department or commune',
        params: PlanParams,
        body: NewTaskBody,
        response: { 201: TaskView, ...problems },
      },
    },
    async (request, reply) => {
      const plan = await loadPlan(db, request.params.id, request.params.year)
      if (plan === null) return sendProblem(reply, problem('reformPlanNotFound', 404))
      const agency = await db
        .selectFrom('agencies')
        .select('id')
        .where('id', '=', request.body.agencyId)
        .executeTakeFirst()
      if (!agency) return sendProblem(reply, problem('agencyNotFound', 404))
      const task: ReformTask = {
        ...request.body,
        id: deps.newId(),
        planYear: plan.year,
        status: TaskStatus.Assigned,
        completedOn: null,
        reports: [],
        version: 1,
      }
      const actor = callerOf(request)
      await insertTask(db, plan.programmeId, task, actor.userId, deps.now())
      reply.code(201)
      return taskView(task, programmeActor(actor), today())
    },
  )

  const command = (
    path: string,
    operationId: string,
    summary: string,
    body: typeof ProgressBody | typeof CompletionBody | typeof ApprovalBody,
    input: (b: Record<string, unknown>) => TaskInput,
  ) =>
    app.post(
      `/api/programme/tasks/:taskId/${path}`,
      {
        config: { permission: Permission.ProgrammeTask },
        bodyLimit: evidenceBodyLimit,
        schema: {
          operationId,
          tags: ['programme'],
          summary,
          params: TaskParams,
          body,
          response: { 200: TaskView, ...problems, 409: Type.Ref('Problem') },
        },
      },
      async (request, reply) => {
        const actor = programmeActor(callerOf(request))
        const outcome = await runTaskCommand(
          deps,
          request.params.taskId,
          actor,
          input(request.body as Record<string, unknown>),
        )
        return sendTaskOutcome(reply, outcome, actor, today())
      },
    )

  type Evidence = { name: string; contentBase64: string } | null
  const evidenceOf = (b: Record<string, unknown>) =>
    b.evidence === null ? null : decodeEvidence(b.evidence as NonNullable<Evidence>)

  command('progress-reports', 'reportReformTaskProgress', 'Báo cáo tiến độ / Report progress', ProgressBody, (b) => ({
    action: 'report-progress',
    percent: b.percent as number,
    note: b.note as string,
    evidence: evidenceOf(b),
  }))
  command(
    'completion-request',
    'requestReformTaskCompletion',
    'Đề nghị công nhận hoàn thành (kèm sản phẩm) / Hand the output in',
    CompletionBody,
    (b) => ({ action: 'request-completion', note: b.note as string, evidence: evidenceOf(b) }),
  )
  command(
    'approval',
    'approveReformTask',
    'Phê duyệt hoặc trả lại / Approve completion or return the task',
    ApprovalBody,
    (b) => ({
      action: b.approved === true ? 'approve' : 'return',
      note: b.note as string,
    }),
  )
}
