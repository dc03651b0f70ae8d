import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { loadDashboard } from '../../app/programme/load-dashboard.ts'
import type { ProgrammeDeps } from '../../app/programme/programme-deps.ts'
import { reportTargetFigure } from '../../app/programme/report-target-figure.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import { localDate } from '../../domain/calendar/local-time.ts'
import {
  findEvidence,
  insertTarget,
  listProgrammeIds,
  listProgrammeTargets,
  loadProgramme,
} from '../../store/programme/programme-store.ts'
import { callerOf } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'
import {
  DashboardView,
  NewTargetBody,
  ProgrammeSummary,
  ReportedFigureView,
  TargetFigureBody,
  TargetView,
} from '../schemas/programme-view.ts'
import { decodeEvidence, evidenceBodyLimit, problems, programmeActor, sendBadEvidence } from './programme-http.ts'

const ProgrammeParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80, description: 'Programme id' }) })
const DashboardQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'Default: this year' })) },
  { additionalProperties: false },
)

/**
 * Chương trình cải cách hành chính (rules.md "Reform programme"): the programmes, their dashboard,
 * effective-dated targets and the units' reported figures with evidence.
 */
export const programmeRoutes: FastifyPluginAsyncTypebox<ProgrammeDeps> = async (app, deps) => {
  const { db } = deps

  app.get(
    '/api/programme',
    {
      config: { permission: Permission.ProgrammeRead },
      schema: {
        operationId: 'listProgrammes',
        tags: ['programme'],
        summary: 'Chương trình cải cách hành chính / Reform programmes',
        response: { 200: Type.Array(ProgrammeSummary), ...problems },
      },
    },
    async () => {
      const ids = await listProgrammeIds(db)
      const all = await Promise.all(ids.map((id) => loadProgramme(db, id)))
      return all.filter((p) => p !== null)
    },
  )

  app.get(
    '/api/programme/:id/dashboard',
    {
      config: { permission: Permission.ProgrammeRead },
      schema: {
        operationId: 'getProgrammeDashboard',
        tags: ['programme'],
        summary: 'Bảng theo dõi chỉ tiêu / Targets met or not, with their trend and sources',
        params: ProgrammeParams,
        querystring: DashboardQuery,
        response: { 200: DashboardView, ...problems },
      },
    },
    async (request, reply) => {
      const today = localDate(deps.now())
      const dashboard = await loadDashboard(
        db,
        request.params.id,
        request.query.year ?? Number(today.slice(0, 4)),
        today,
      )
      return dashboard ?? sendProblem(reply, problem('programmeNotFound', 404))
    },
  )

  app.get(
    '/api/programme/:id/targets',
    {
      config: { permission: Permission.ProgrammeRead },
      schema: {
        operationId: 'listProgrammeTargets',
        tags: ['programme'],
        summary: 'Chỉ tiêu và các lần điều chỉnh / Every revision of every target',
        params: ProgrammeParams,
        response: { 200: Type.Array(TargetView), ...problems },
      },
    },
    async (request, reply) => {
      if ((await loadProgramme(db, request.params.id)) === null)
        return sendProblem(reply, problem('programmeNotFound', 404))
      return listProgrammeTargets(db, request.params.id)
    },
  )

  app.post(
    '/api/programme/:id/targets',
    {
      config: { permission: Permission.ProgrammeManage },
      schema: {
        operationId: 'addProgrammeTarget',
        tags: ['programme'],
        summary: 'Đặt hoặc điều chỉnh chỉ tiêu / Add a target or a revision of one (effective-dated)',
        params: ProgrammeParams,
        body: NewTargetBody,
        response: { 201: TargetView, ...problems, 409: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const programme = await loadProgramme(db, request.params.id)
      if (programme === null) return sendProblem(reply, problem('programmeNotFound', 404))
      const body = request.body
      const phase = programme.phases.find((p) => p.id === body.phaseId)
      const invalid = (path: string, message: string, en: string) =>
        sendProblem(reply, problem('validation', 400, { errors: [{ path, message, en }] }))
      if (phase === undefined)
        return invalid('body/phaseId', 'không phải giai đoạn của chương trình', 'not a phase of the programme')
      if (body.year !== null && (body.year < phase.fromYear || body.year > phase.toYear))
        return invalid('body/year', 'năm nằm ngoài giai đoạn', 'the year is outside the phase')
      if (body.source.kind === 'computed' && body.source.measure !== 'index_766' && body.value > 1)
        return invalid('body/value', 'tỷ lệ phải từ 0 đến 1', 'a share is between 0 and 1')
      const target = { ...body, id: deps.newId(), programmeId: programme.id }
      if (!(await insertTarget(db, target, callerOf(request).userId, deps.now())))
        return sendProblem(reply, problem('programmeTargetExists', 409))
      reply.code(201)
      return target
    },
  )

  app.post(
    '/api/programme/targets/:targetId/figures',
    {
      config: { permission: Permission.ProgrammeTask },
      bodyLimit: evidenceBodyLimit,
      schema: {
        operationId: 'reportProgrammeTargetFigure',
        tags: ['programme'],
        summary: 'Báo cáo số liệu chỉ tiêu kèm minh chứng / Report a target figure with its evidence file',
        params: Type.Object({ targetId: Type.String({ format: 'uuid', description: 'Target revision id' }) }),
        body: TargetFigureBody,
        response: { 201: ReportedFigureView, ...problems, 409: Type.Ref('Problem'), 422: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const { evidence, ...rest } = request.body
      const outcome = await reportTargetFigure(deps, request.params.targetId, programmeActor(callerOf(request)), {
        ...rest,
        evidence: decodeEvidence(evidence),
      })
      switch (outcome.kind) {
        case 'done':
          reply.code(201)
          return outcome.figure
        case 'notFound':
          return sendProblem(reply, problem('programmeTargetNotFound', 404))
        case 'forbidden':
          return sendProblem(reply, problem('forbidden', 403))
        case 'notReported':
          return sendProblem(reply, problem('programmeTargetNotReported', 409))
        case 'agencyNotFound':
          return sendProblem(reply, problem('agencyNotFound', 422))
        case 'badEvidence':
          return sendBadEvidence(reply, 'body/evidence/contentBase64', outcome.reason)
      }
    },
  )

  app.get(
    '/api/programme/evidence/:sha256',
    {
      config: { permission: Permission.ProgrammeRead },
      schema: {
        operationId: 'downloadProgrammeEvidence',
        tags: ['programme'],
        summary: 'Tải tệp minh chứng / Download an evidence file of the programme',
        params: Type.Object({
          sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the file' }),
        }),
        response: {
          200: {
            description: 'The file',
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const found = await findEvidence(db, request.params.sha256)
      const body = found === null ? null : await deps.storage.get(request.params.sha256)
      if (found === null || body === null) return sendProblem(reply, problem('notFound', 404))
      return reply
        .type(found.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(found.name)}`)
        .send(body)
    },
  )
}
