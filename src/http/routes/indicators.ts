import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { documentIndicatorReport } from '../../app/documents/document-indicators.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import { dateOfDay, dayOf, isoDate, parseIsoDate } from '../../domain/calendar/local-time.ts'
import { reportWindow } from '../../domain/kpi/periods.ts'
import type { Db } from '../../store/database.ts'
import {
  agencyRanking,
  breakdown,
  ii06aReport,
  provinceOverview,
  type WindowQuery,
} from '../../store/kpi/indicator-report.ts'
import { problem, sendProblem } from '../problem.ts'
import { DocumentIndicatorsView } from '../schemas/document-indicator-views.ts'
import { BreakdownView, Ii06aReportView, OverviewView, RankingView } from '../schemas/indicator-views.ts'

const datePattern = '^\\d{4}-\\d{2}-\\d{2}$'
const windowFields = {
  from: Type.Optional(
    Type.String({
      pattern: datePattern,
      description: 'First day (Vietnam time); default: the 15 December before this year',
    }),
  ),
  to: Type.Optional(
    Type.String({ pattern: datePattern, description: 'Last day, inclusive; default: 14 December of this year' }),
  ),
}
const agencyField = { agency: Type.Optional(Type.String({ minLength: 1, description: 'Processing agency id' })) }

const maxDays = 3660

const invalid = (path: string, vi: string, en: string) =>
  problem('validation', 400, { errors: [{ path: `querystring/${path}`, message: vi, en }] })

/** The asked window, or this year's report window (15 December → 14 December, rules.md §6). */
export function windowOf(query: { from?: string; to?: string }, now: Date): WindowQuery | ReturnType<typeof invalid> {
  const today = dayOf(now.getTime())
  const t = dateOfDay(today)
  const year = t.month === 12 && t.day >= 15 ? t.year + 1 : t.year
  const standard = reportWindow({ kind: 'year', year })
  const from = query.from === undefined ? standard.from : parseIsoDate(query.from)
  const to = query.to === undefined ? standard.to : parseIsoDate(query.to)
  if (from === null) return invalid('from', 'ngày không hợp lệ', 'invalid date')
  if (to === null) return invalid('to', 'ngày không hợp lệ', 'invalid date')
  if (from > to) return invalid('from', 'từ ngày phải trước đến ngày', 'from must not be after to')
  if (to - from >= maxDays) return invalid('from', 'khoảng thời gian quá dài', 'period too long (10 years at most)')
  return { from: isoDate(from), to: isoDate(to), today: isoDate(today) }
}

/** Answers 404 for an agency id that does not exist; true when it did. */
export async function unknownAgency(db: Db, reply: FastifyReply, agencyId: string | undefined): Promise<boolean> {
  if (agencyId === undefined) return false
  const row = await db.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst()
  if (row) return false
  await sendProblem(reply, problem('agencyNotFound', 404))
  return true
}

/** Chỉ số cải cách: live indicators for officers, leaders and monitors (rules.md §6). */
export const indicatorRoutes: FastifyPluginAsyncTypebox<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  const OverviewQuery = Type.Object({ ...windowFields, ...agencyField }, { additionalProperties: false })
  app.get(
    '/api/indicators/overview',
    {
      config: { permission: Permission.IndicatorsRead },
      schema: {
        operationId: 'getIndicatorOverview',
        tags: ['indicators'],
        summary: 'Tổng quan chỉ số / Headline figures, Decision 766 index and programme targets',
        querystring: OverviewQuery,
        response: { 200: OverviewView, 400: Type.Ref('Problem'), 404: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const q = request.query
      const w = windowOf(q, now())
      if ('status' in w) return sendProblem(reply, w)
      if (await unknownAgency(db, reply, q.agency)) return reply
      return provinceOverview(db, { ...w, agencyId: q.agency })
    },
  )

  const DocumentsQuery = Type.Object({ ...windowFields, ...agencyField }, { additionalProperties: false })
  app.get(
    '/api/indicators/documents',
    {
      config: { permission: Permission.IndicatorsRead },
      schema: {
        operationId: 'getDocumentIndicators',
        tags: ['indicators'],
        summary:
          'Chỉ số văn bản / Documents sent and received, the share sent electronically, handled on time and overdue',
        querystring: DocumentsQuery,
        response: { 200: DocumentIndicatorsView, 400: Type.Ref('Problem'), 404: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const q = request.query
      const w = windowOf(q, now())
      if ('status' in w) return sendProblem(reply, w)
      if (await unknownAgency(db, reply, q.agency)) return reply
      return documentIndicatorReport(db, { ...w, agencyId: q.agency })
    },
  )

  const RankingQuery = Type.Object({ ...windowFields }, { additionalProperties: false })
  app.get(
    '/api/indicators/ranking',
    {
      config: { permission: Permission.IndicatorsRead },
      schema: {
        operationId: 'getAgencyRanking',
        tags: ['indicators'],
        summary: 'Xếp hạng cơ quan theo Bộ chỉ số 766 / Agencies ranked by the Decision 766 index',
        querystring: RankingQuery,
        response: { 200: RankingView, 400: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const w = windowOf(request.query, now())
      if ('status' in w) return sendProblem(reply, w)
      return agencyRanking(db, w)
    },
  )

  const BreakdownQuery = Type.Object(
    {
      ...windowFields,
      agency: Type.String({ minLength: 1, description: 'Processing agency id' }),
      field: Type.Optional(Type.String({ minLength: 1, description: 'Field id: list its procedures' })),
    },
    { additionalProperties: false },
  )
  app.get(
    '/api/indicators/breakdown',
    {
      config: { permission: Permission.IndicatorsRead },
      schema: {
        operationId: 'getIndicatorBreakdown',
        tags: ['indicators'],
        summary: 'Chi tiết theo lĩnh vực, thủ tục / One agency by field, or one field by procedure',
        querystring: BreakdownQuery,
        response: { 200: BreakdownView, 400: Type.Ref('Problem'), 404: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const q = request.query
      const w = windowOf(q, now())
      if ('status' in w) return sendProblem(reply, w)
      if (await unknownAgency(db, reply, q.agency)) return reply
      return breakdown(db, { ...w, agencyId: q.agency, fieldId: q.field })
    },
  )

  const Ii06aQuery = Type.Object({ ...windowFields, ...agencyField }, { additionalProperties: false })
  app.get(
    '/api/reports/ii06a',
    {
      config: { permission: Permission.IndicatorsRead },
      schema: {
        operationId: 'getReportIi06a',
        tags: ['indicators'],
        summary: 'Báo cáo mẫu II.06a / Report form II.06a by level and field',
        querystring: Ii06aQuery,
        response: { 200: Ii06aReportView, 400: Type.Ref('Problem'), 404: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const q = request.query
      const w = windowOf(q, now())
      if ('status' in w) return sendProblem(reply, w)
      if (await unknownAgency(db, reply, q.agency)) return reply
      return ii06aReport(db, { ...w, agencyId: q.agency })
    },
  )
}
