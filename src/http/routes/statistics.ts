import type { FastifyPluginAsync } from 'fastify'
import { sql } from 'kysely'
import { type Static, Type } from 'typebox'
import { Permission } from '../../domain/access/route-permissions.ts'
import { dayOf, isoDate, parseIsoDate } from '../../domain/calendar/local-time.ts'
import type { Db } from '../../store/database.ts'
import { problem, sendProblem } from '../problem.ts'

const datePattern = '^\\d{4}-\\d{2}-\\d{2}$'

const StatisticsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ pattern: datePattern, description: 'First day, YYYY-MM-DD (Vietnam time)' })),
    to: Type.Optional(Type.String({ pattern: datePattern, description: 'Last day, YYYY-MM-DD (Vietnam time)' })),
  },
  { additionalProperties: false },
)

const Share = Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()])

const StatisticsView = Type.Object({
  from: Type.String(),
  to: Type.String(),
  received: Type.Integer(),
  receivedOnline: Type.Integer(),
  onlineShare: Share,
  resolved: Type.Integer(),
  early: Type.Integer(),
  onTime: Type.Integer(),
  late: Type.Integer(),
  onTimeShare: { ...Share, description: 'Early and on-time over resolved; null when nothing was resolved' },
  byField: Type.Array(
    Type.Object({
      field: Type.String(),
      fieldName: Type.String(),
      received: Type.Integer(),
      resolved: Type.Integer(),
      late: Type.Integer(),
    }),
  ),
})
export type StatisticsView = Static<typeof StatisticsView>

/** The default period: the 30 days ending today (Vietnam time). */
const defaultDays = 30
const maxDays = 3660

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole)

const invalid = (path: string, vi: string, en: string) =>
  problem('validation', 400, { errors: [{ path: `querystring/${path}`, message: vi, en }] })

/**
 * Thống kê công khai: the counts behind the province's service index, summed from `kpi_daily` over a
 * period. Procedures are grouped by the field of their version in force on the last day of the period.
 */
export const statisticsRoutes: FastifyPluginAsync<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  app.get(
    '/api/statistics',
    {
      config: { permission: Permission.Public },
      schema: {
        tags: ['statistics'],
        summary: 'Thống kê tiếp nhận, giải quyết hồ sơ / Public statistics of received and resolved dossiers',
        querystring: StatisticsQuery,
        response: { 200: StatisticsView, 400: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const query = request.query as Static<typeof StatisticsQuery>
      const today = dayOf(now().getTime())
      const toDay = query.to === undefined ? today : parseIsoDate(query.to)
      if (toDay === null) return sendProblem(reply, invalid('to', 'ngày không hợp lệ', 'invalid date'))
      const fromDay = query.from === undefined ? toDay - (defaultDays - 1) : parseIsoDate(query.from)
      if (fromDay === null) return sendProblem(reply, invalid('from', 'ngày không hợp lệ', 'invalid date'))
      if (fromDay > toDay)
        return sendProblem(reply, invalid('from', 'từ ngày phải trước đến ngày', 'from must not be after to'))
      if (toDay - fromDay >= maxDays)
        return sendProblem(reply, invalid('from', 'khoảng thời gian quá dài', 'period too long (10 years at most)'))
      const from = isoDate(fromDay)
      const to = isoDate(toDay)

      const total = (column: string) => sql<number>`coalesce(sum(${sql.ref(column)}), 0)::integer`
      const rows = await db
        .selectFrom('kpi_daily as k')
        .leftJoin(
          (eb) =>
            eb
              .selectFrom('procedure_versions as v')
              .innerJoin('fields as f', 'f.id', 'v.field_id')
              .distinctOn('v.procedure_code')
              .select(['v.procedure_code', 'v.field_id', 'f.name as field_name'])
              .where('v.effective_from', '<=', to)
              .orderBy('v.procedure_code')
              .orderBy('v.version', 'desc')
              .as('pv'),
          (join) => join.onRef('pv.procedure_code', '=', 'k.procedure_code'),
        )
        .where('k.day', '>=', from)
        .where('k.day', '<=', to)
        .groupBy(['pv.field_id', 'pv.field_name'])
        .select([
          'pv.field_id',
          'pv.field_name',
          total('k.received').as('received'),
          total('k.received_online').as('received_online'),
          total('k.resolved').as('resolved'),
          total('k.resolved_early').as('resolved_early'),
          total('k.resolved_on_time').as('resolved_on_time'),
          total('k.resolved_late').as('resolved_late'),
        ])
        .orderBy('pv.field_name')
        .execute()

      const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + pick(r), 0)
      const received = sum((r) => r.received)
      const receivedOnline = sum((r) => r.received_online)
      const resolved = sum((r) => r.resolved)
      const early = sum((r) => r.resolved_early)
      const onTime = sum((r) => r.resolved_on_time)
      const late = sum((r) => r.resolved_late)
      return {
        from,
        to,
        received,
        receivedOnline,
        onlineShare: share(receivedOnline, received),
        resolved,
        early,
        onTime,
        late,
        onTimeShare: share(early + onTime, resolved),
        byField: rows.map((r) => ({
          field: r.field_id ?? '',
          fieldName: r.field_name ?? '',
          received: r.received,
          resolved: r.resolved,
          late: r.resolved_late,
        })),
      }
    },
  )
}
