import type { FastifyPluginAsync } from 'fastify'
import { type Static, Type } from 'typebox'
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
    from: Type.Optional(Type.String({ pattern: datePattern })),
    to: Type.Optional(Type.String({ pattern: datePattern })),
    agency: Type.String({ minLength: 1, description: 'Processing agency id' }),
    field: Type.Optional(Type.String({ minLength: 1 })),
    procedure: Type.Optional(Type.String({ minLength: 1 })),
    set: Type.Enum(DossierSet, { description: 'Which figure to list: received, resolved, late, in_progress, overdue' }),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
)

const DossierListView = Type.Object({
  total: Type.Integer(),
  dossiers: Type.Array(
    Type.Object({
      code: Type.String(),
      origin: Type.String({ description: 'motcua, import (history) or seed (demo history)' }),
      status: Type.Integer({ description: 'National status code 1–10' }),
      procedureCode: Type.String(),
      fieldId: Type.String(),
      channel: Type.Integer(),
      receivedAt: Type.String(),
      deadlineAt: Type.Union([Type.String(), Type.Null()]),
      endedAt: Type.Union([Type.String(), Type.Null()]),
      endKind: Type.Union([Type.String(), Type.Null()]),
      supplementRequests: Type.Integer(),
      timeliness: Type.Union([Type.Literal('early'), Type.Literal('on_time'), Type.Literal('late'), Type.Null()]),
    }),
  ),
})

const Target = Type.Object(
  {
    measure: Type.Enum(ProgrammeMeasure),
    comparator: Type.Union([Type.Literal('below'), Type.Literal('at_least')]),
    value: Type.Number({ minimum: 0, maximum: 1, description: 'A share: 0.1 = 10%' }),
    effectiveFrom: Type.String({ pattern: datePattern, description: 'In force from this day until a later one' }),
    source: Type.String({ minLength: 1, description: 'The decision or plan that sets it' }),
  },
  { additionalProperties: false },
)

/** The dossiers behind a figure, and the reform programme's targets. */
export const indicatorDetailRoutes: FastifyPluginAsync<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
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
      const q = request.query as Static<typeof DossierListQuery>
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
        response: { 200: Type.Object({ targets: Type.Array(Target) }) },
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
        response: { 200: Type.Object({ targets: Type.Array(Target) }), 400: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const target = request.body as Static<typeof Target>
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
