import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { reformReportPdf } from '../../adapters/reports/reform-report-pdf.ts'
import { reformReportXlsx } from '../../adapters/reports/reform-report-xlsx.ts'
import { buildReformReport } from '../../app/programme/build-reform-report.ts'
import type { ProgrammeDeps } from '../../app/programme/programme-deps.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import { localDate } from '../../domain/calendar/local-time.ts'
import { problem, sendProblem } from '../problem.ts'
import { problems } from './programme-http.ts'

const ReportQuery = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'Năm báo cáo' }),
    quarter: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 4, description: 'Quý 1–4; without it the annual report' }),
    ),
  },
  { additionalProperties: false },
)

const formats = {
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    render: reformReportXlsx,
    operationId: 'exportReformReportXlsx',
    summary: 'Báo cáo CCHC quý / năm (Excel) / Quarterly or annual reform report as a spreadsheet',
  },
  pdf: {
    type: 'application/pdf',
    render: reformReportPdf,
    operationId: 'exportReformReportPdf',
    summary: 'Báo cáo CCHC quý / năm (PDF) / Quarterly or annual reform report as PDF',
  },
} as const

/** The reform reports generated from the data, each figure with its source (rules.md "Reform programme"). */
export const programmeReportRoutes: FastifyPluginAsyncTypebox<ProgrammeDeps> = async (app, deps) => {
  for (const [ext, f] of Object.entries(formats))
    app.get(
      `/api/programme/:id/reports/reform.${ext}`,
      {
        config: { permission: Permission.ProgrammeRead },
        schema: {
          operationId: f.operationId,
          tags: ['programme'],
          summary: f.summary,
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 80, description: 'Programme id' }) }),
          querystring: ReportQuery,
          response: {
            200: { description: 'The report', content: { [f.type]: { schema: { type: 'string', format: 'binary' } } } },
            ...problems,
          },
        },
      },
      async (request, reply) => {
        const now = deps.now()
        const { year, quarter } = request.query
        const period = { year, quarter: (quarter ?? null) as 1 | 2 | 3 | 4 | null }
        const report = await buildReformReport(deps.db, request.params.id, period, localDate(now))
        if (report === null) return sendProblem(reply, problem('programmeNotFound', 404))
        const name = `bao-cao-cchc-${year}${quarter === undefined ? '' : `-q${quarter}`}.${ext}`
        return reply
          .type(f.type)
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(await f.render(report, now))
      },
    )
}
