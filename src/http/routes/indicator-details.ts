import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { Permission } from '../../domain/access/route-permissions.ts'
import { parseIsoDate } from '../../domain/calendar/local-time.ts'
import { ProgrammeMeasure } from '../../domain/kpi/programme.ts'
import type { Db } from '../../store/database.ts'
import { DossierSet, listIndicatorDossiers } from '../../store/kpi/indicator-dossiers.ts'
import { listTargets, putTarget } from '../../store/kpi/reform-targets.ts'
import { problem, sendProblem } from '../problem.ts'
import { windowOf } from './indicators.ts'

const datePattern = '^\\d{4}-\\d{2}-\\d{2}$'

const DossierListQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ pattern: datePattern, description: 'First day, YYYY-MM-DD (Vietnam time)' })),
    to: Type.Optional(Type.String({ pattern: datePattern, description: 'Last day, inclusive, YYYY-MM-DD' })),
    agency: Type.String({ minLength: 1, description: 'Processing agency id' }),
    field: Type.Optional(Type.String({ minLength: 1, description: 'Only this field (lĩnh vực), by id' })),
    procedure: Type.Optional(Type.String({ minLength: 1, description: 'Only this procedure, by code' })),
    set: Type.Enum(DossierSet, { description: 'Which figure to list: received, resolved, late, in_progress, overdue' }),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Dossiers per page' }),
    offset: Type.Integer({ minimum: 0, default: 0, description: 'Dossiers to skip' }),
  },
  { additionalProperties: false },
)

const DossierListView = Type.Object({
  total: Type.Integer({ description: 'Dossiers behind the figure over all pages' }),
  dossiers: Type.Array(
    Type.Object({
      code: Type.String({ description: 'Mã hồ sơ (rules.md §3)' }),
      origin: Type.String({ description: 'motcua, import (history) or seed (demo history)' }),
      status: Type.Integer({ description: 'National status code 1–10' }),
      procedureCode: Type.String({ description: 'Procedure code' }),
      fieldId: Type.String({ description: 'Field (lĩnh vực) id' }),
      channel: Type.Integer({ description: '1 in person, 2 online, 3 public post' }),
      receivedAt: Type.String({ description: 'Thời điểm tiếp nhận, ISO 8601' }),
      deadlineAt: Type.Union([Type.String(), Type.Null()], {
        description: 'The deadline indicator 2.1 judges: the original appointment shifted by pauses',
      }),
      endedAt: Type.Union([Type.String(), Type.Null()], { description: 'When the dossier ended; null while open' }),
      endKind: Type.Union([Type.String(), Type.Null()], {
        description: 'done (statuses 9–10), stopped (8) or withdrawn (7); null while open',
      }),
      supplementRequests: Type.Integer({ description: 'Supplement requests; more than one counts as late' }),
      timeliness: Type.Union([Type.Literal('early'), Type.Literal('on_time'), Type.Literal('late'), Type.Null()], {
        description: 'Early, on time or late by rules.md §6; null while open and within the deadline',
      }),
    }),
    { description: 'Codes and dates only: no applicant data' },
  ),
})

const Target = Type.Object(
  {
    measure: Type.Enum(ProgrammeMeasure, { description: 'The reform programme measure (rules.md §6)' }),
    comparator: Type.Union([Type.Literal('below'), Type.Literal('at_least')], {
      description: 'below: the value must stay under it (late rate); at_least: reach it',
    }),
    value: Type.Number({ minimum: 0, maximum: 1, description: 'A share: 0.1 = 10%' }),
    effectiveFrom: Type.String({ pattern: datePattern, description: 'In force from this day until a later one' }),
    source: Type.String({ minLength: 1, description: 'The decision or plan that sets it' }),
  },
  { additionalProperties: false },
)
const Targets = Type.Object({
  targets: Type.Array(Target, { description: 'Chỉ tiêu: every target, each in force from its day' }),
})

/** The dossiers behind a figure, and the reform programme's targets. */
export const indicatorDetailRoutes: FastifyPluginAsyncTypebox<{ db: Db; now: () => Date }> = async (
  app,
  { db, now },
) => {
  app.get(
    '/api/indicators/dossiers',
    {
      config: { permission: Permission.IndicatorsRead },
      schema: {
        operationId: 'listIndicatorDossiers',
        tags: ['indicators'],
        summary: 'Hồ sơ của một chỉ số / The dossiers behind a figure (codes and dates, no applicant data)',
        querystring: DossierListQuery,
        response: { 200: DossierListView, 400: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const q = request.query
      const w = windowOf(q, now())
      if ('status' in w) return sendProblem(reply, w)
      return listIndicatorDossiers(db, {
        ...w,
        agencyId: q.agency,
        fieldId: q.field,
        procedureCode: q.procedure,
        set: q.set,
        limit: q.limit,
        offset: q.offset,
      })
    },
  )

  app.get(
    '/api/indicators/targets',
    {
      config: { permission: Permission.IndicatorsRead },
      schema: {
        operationId: 'listReformTargets',
        tags: ['indicators'],
        summary: 'Chỉ tiêu cải cách / The reform programme targets, effective-dated',
        response: { 200: Targets },
      },
    },
    async () => ({ targets: await listTargets(db) }),
  )

  app.put(
    '/api/indicators/targets',
    {
      config: { permission: Permission.IndicatorsManage },
      schema: {
        operationId: 'setReformTarget',
        tags: ['indicators'],
        summary: 'Đặt chỉ tiêu / Set a target from a date on (audited; provincial administrator)',
        body: Target,
        response: { 200: Targets, 400: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const target = request.body
      if (parseIsoDate(target.effectiveFrom) === null)
        return sendProblem(
          reply,
          problem('validation', 400, {
            errors: [{ path: 'body/effectiveFrom', message: 'ngày không hợp lệ', en: 'invalid date' }],
          }),
        )
      const p = request.principal
      await putTarget(db, target, p ? `${p.name} (${p.userId})` : 'unknown', now())
      return { targets: await listTargets(db) }
    },
  )
}
