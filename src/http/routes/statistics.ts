import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type Static, Type } from 'typebox'
import { Permission } from '../../domain/access/route-permissions.ts'
import type { Db } from '../../store/database.ts'
import { breakdownByField, provinceOverview } from '../../store/kpi/indicator-report.ts'
import { sendProblem } from '../problem.ts'
import { Ii06aFiguresView, OverviewView, ratio } from '../schemas/indicator-views.ts'
import { windowOf } from './indicators.ts'

const datePattern = '^\\d{4}-\\d{2}-\\d{2}$'
const StatisticsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ pattern: datePattern, description: 'First day, YYYY-MM-DD (Vietnam time)' })),
    to: Type.Optional(Type.String({ pattern: datePattern, description: 'Last day, YYYY-MM-DD (Vietnam time)' })),
  },
  { additionalProperties: false },
)

const StatisticsView = Type.Object({
  ...OverviewView.properties,
  byField: Type.Array(
    Type.Object({
      field: Type.String({ description: 'Lĩnh vực: field of procedures, by id' }),
      fieldName: Type.String({ description: 'Name of the field' }),
      figures: Ii06aFiguresView,
      onTimeRate: ratio('Indicator 2.1 in the field'),
    }),
    { description: 'The II.06a figures of each field' },
  ),
})
export type StatisticsView = Static<typeof StatisticsView>

/**
 * Thống kê công khai: the province's headline figures, service index and targets, and each field's
 * II.06a figures — counts only, nothing about any applicant.
 */
export const statisticsRoutes: FastifyPluginAsyncTypebox<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  app.get(
    '/api/statistics',
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'getPublicStatistics',
        tags: ['statistics'],
        summary: 'Thống kê công khai / Public statistics: figures, Decision 766 index, targets, by field',
        querystring: StatisticsQuery,
        response: { 200: StatisticsView, 400: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const w = windowOf(request.query, now())
      if ('status' in w) return sendProblem(reply, w)
      const [overview, fields] = await Promise.all([provinceOverview(db, w), breakdownByField(db, w)])
      return {
        ...overview,
        byField: fields.map((f) => ({ field: f.key, fieldName: f.name, figures: f.figures, onTimeRate: f.onTimeRate })),
      }
    },
  )
}
