import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { ii06aPdf } from '../../adapters/reports/ii06a-pdf.ts'
import { ii06aFileName } from '../../adapters/reports/ii06a-table.ts'
import { ii06aXlsx } from '../../adapters/reports/ii06a-xlsx.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import type { Ii06aReport } from '../../domain/kpi/ii06a-report.ts'
import type { Db } from '../../store/database.ts'
import { ii06aReport } from '../../store/kpi/indicator-report.ts'
import { problem, sendProblem } from '../problem.ts'
import { windowOf } from './indicators.ts'

const datePattern = '^\\d{4}-\\d{2}-\\d{2}$'
const Ii06aExportQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({
        pattern: datePattern,
        description: 'First day (Vietnam time); default: the 15 December before this year',
      }),
    ),
    to: Type.Optional(
      Type.String({ pattern: datePattern, description: 'Last day, inclusive; default: 14 December of this year' }),
    ),
    agency: Type.Optional(Type.String({ minLength: 1, description: 'Processing agency id' })),
  },
  { additionalProperties: false },
)

const formats = {
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    render: ii06aXlsx,
    operationId: 'exportReportIi06aXlsx',
    summary: 'Báo cáo mẫu II.06a (Excel) / Report form II.06a as a spreadsheet',
  },
  pdf: {
    type: 'application/pdf',
    render: ii06aPdf,
    operationId: 'exportReportIi06aPdf',
    summary: 'Báo cáo mẫu II.06a (PDF) / Report form II.06a as PDF',
  },
} as const

/** The agency's name on `day`, undefined when there is no such agency. */
async function agencyName(db: Db, agencyId: string, day: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('agencies as a')
    .leftJoin('agency_names as n', (j) =>
      j
        .onRef('n.agency_id', '=', 'a.id')
        .on('n.valid_from', '<=', day)
        .on((eb) => eb.or([eb('n.valid_to', 'is', null), eb('n.valid_to', '>=', day)])),
    )
    .select(['a.id', 'n.name'])
    .where('a.id', '=', agencyId)
    .executeTakeFirst()
  return row === undefined ? undefined : (row.name ?? row.id)
}

function sendFile(reply: FastifyReply, type: string, fileName: string, body: Buffer): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-length', String(body.length))
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(body)
}

/** Báo cáo II.06a to download: the figures of `/api/reports/ii06a` laid out as the official form. */
export const reportExportRoutes: FastifyPluginAsyncTypebox<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  for (const [extension, format] of Object.entries(formats) as [
    keyof typeof formats,
    (typeof formats)[keyof typeof formats],
  ][]) {
    app.get(
      `/api/reports/ii06a.${extension}`,
      {
        config: { permission: Permission.IndicatorsRead },
        schema: {
          operationId: format.operationId,
          tags: ['indicators'],
          summary: format.summary,
          querystring: Ii06aExportQuery,
          response: {
            200: Type.String({ description: format.type, contentMediaType: format.type }),
            400: Type.Ref('Problem'),
            404: Type.Ref('Problem'),
          },
        },
      },
      async (request, reply) => {
        const q = request.query
        const at = now()
        const w = windowOf(q, at)
        if ('status' in w) return sendProblem(reply, w)
        const unit = q.agency === undefined ? null : await agencyName(db, q.agency, w.today)
        if (unit === undefined) return sendProblem(reply, problem('agencyNotFound', 404))
        const report: Ii06aReport = await ii06aReport(db, { ...w, agencyId: q.agency })
        return sendFile(reply, format.type, ii06aFileName(report, extension), await format.render(report, unit, at))
      },
    )
  }
}
