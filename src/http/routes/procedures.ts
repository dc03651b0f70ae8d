import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { OnlineEntry } from '../../config/config.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import { localDate } from '../../domain/calendar/local-time.ts'
import { OnlineLevelSchema } from '../../domain/catalog/procedure.ts'
import { ProcedureDetail, ProcedurePage } from '../../domain/catalog/procedure-views.ts'
import { findProcedure, searchProcedures } from '../../store/catalog/procedure-queries.ts'
import type { Db } from '../../store/database.ts'
import { problem, sendProblem } from '../problem.ts'

export const ProcedureQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: 200, description: 'Words to find, with or without diacritics ("giay phep xay dung")' }),
    ),
    field: Type.Optional(Type.String({ pattern: '^[a-z0-9_-]+$', maxLength: 80, description: 'Field id' })),
    agency: Type.Optional(Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 80, description: 'Agency id' })),
    online: Type.Optional(OnlineLevelSchema),
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1, description: 'Page to return, from 1' }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Procedures per page' }),
  },
  { additionalProperties: false },
)

/** Where a citizen submits this procedure online, as the province configured it (Decree 118/2025/NĐ-CP). */
export const OnlineEntryView = Type.Object(
  {
    nationalSubmissionUrl: Type.Union([Type.String(), Type.Null()], {
      description: 'The procedure’s submission page on the National Public Service Portal; null when not configured',
    }),
    localOnlineSubmission: Type.Boolean({
      description: 'Whether citizens may submit online on this portal’s own form (the counter receives either way)',
    }),
  },
  { description: 'Nộp trực tuyến: where online submission happens for this procedure' },
)

export const ProcedureWithEntry = Type.Intersect([ProcedureDetail, Type.Object({ onlineEntry: OnlineEntryView })])

export const procedureRoutes: FastifyPluginAsyncTypebox<{ db: Db; now: () => Date; onlineEntry: OnlineEntry }> = async (
  app,
  { db, now, onlineEntry },
) => {
  app.get(
    '/api/procedures',
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'searchProcedures',
        tags: ['catalogue'],
        summary: 'Tìm thủ tục hành chính / Search procedures',
        description: 'Diacritics- and case-insensitive search over the procedures in force, ranked by relevance.',
        querystring: ProcedureQuery,
        response: { 200: ProcedurePage, 400: Type.Ref('Problem') },
      },
    },
    async (request) => {
      const query = request.query
      return searchProcedures(db, { ...query, today: localDate(now()) })
    },
  )
  app.get(
    '/api/procedures/:code',
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'getProcedure',
        tags: ['catalogue'],
        summary: 'Chi tiết thủ tục hành chính / Procedure with its version in force',
        params: Type.Object({
          code: Type.String({
            pattern: '^[A-Za-z0-9.-]+$',
            maxLength: 60,
            description: 'Procedure code: the national code (e.g. 1.001193) when one exists',
          }),
        }),
        response: { 200: ProcedureWithEntry, 400: Type.Ref('Problem'), 404: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const { code } = request.params
      const found = await findProcedure(db, code, localDate(now()))
      if (!found) return sendProblem(reply, problem('procedureNotFound', 404))
      const template = onlineEntry.nationalSubmissionUrl
      return {
        ...found,
        onlineEntry: {
          nationalSubmissionUrl:
            template === null ? null : template.replaceAll('{code}', encodeURIComponent(found.code)),
          localOnlineSubmission: onlineEntry.localOnlineSubmission,
        },
      }
    },
  )
}
