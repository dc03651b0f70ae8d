import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { Permission } from '../../domain/access/route-permissions.ts'
import { formatInstant } from '../../domain/calendar/local-time.ts'
import type { Db } from '../../store/database.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { problem, sendProblem } from '../problem.ts'

/**
 * Tra cứu hồ sơ công khai: anyone with the code and a second factor the applicant holds (the last 4
 * digits of the phone or identity number) learns the status and appointment, nothing else. POST, so
 * neither the code nor the digits land in access logs; rate-limited against guessing.
 */
export const lookupRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/lookup',
    {
      config: { permission: Permission.Public, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        operationId: 'lookUpDossierStatus',
        tags: ['dossiers'],
        summary: 'Tra cứu tình trạng hồ sơ / Public status lookup by code and 4 digits',
        body: Type.Object(
          {
            code: Type.String({
              pattern: '^[A-Z0-9.]+-\\d{6}-\\d{4,7}$',
              maxLength: 60,
              description: 'Mã hồ sơ on the receipt, UNITCODE-YYMMDD-XXXX (rules.md §3)',
            }),
            verifier: Type.String({
              pattern: '^\\d{4}$',
              description: 'Last 4 digits of the phone or identity number',
            }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            code: Type.String({ description: 'Mã hồ sơ' }),
            status: Type.Integer({ description: 'National status code (rules.md §1)' }),
            appointmentAt: Type.Union([Type.String(), Type.Null()], {
              description: 'Ngày hẹn trả kết quả, ISO 8601 with +07:00; null when the procedure sets none',
            }),
          }),
          400: Type.Ref('Problem'),
          404: Type.Ref('Problem'),
          429: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const { code, verifier } = request.body
      const found = await loadDossier(db, code)
      const a = found?.state.applicant
      const matches =
        a !== undefined && [a.phone, a.identityNumber].some((v) => v !== null && v.length >= 4 && v.endsWith(verifier))
      if (!found || !matches) return sendProblem(reply, problem('lookupNotFound', 404))
      const d = found.state
      return { code, status: d.status, appointmentAt: d.appointmentAt === null ? null : formatInstant(d.appointmentAt) }
    },
  )
}
