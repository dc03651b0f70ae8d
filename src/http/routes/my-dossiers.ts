import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sql } from 'kysely'
import { Type } from 'typebox'
import { Permission } from '../../domain/access/route-permissions.ts'
import { formatInstant } from '../../domain/calendar/local-time.ts'
import type { Db } from '../../store/database.ts'
import { callerOf } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'

const MyDossier = Type.Object({
  id: Type.String({ description: 'Dossier id' }),
  code: Type.Union([Type.String(), Type.Null()], { description: 'Mã hồ sơ; null until received' }),
  procedureCode: Type.String({ description: 'Procedure code' }),
  procedureName: Type.String({ description: 'Procedure name' }),
  status: Type.Integer({ description: 'National status code' }),
  submittedAt: Type.String({ description: 'When it was submitted, ISO 8601' }),
  appointmentAt: Type.Union([Type.String(), Type.Null()], { description: 'Ngày hẹn trả kết quả; null until received' }),
})

/** Hồ sơ của tôi: the signed-in citizen's dossiers (by account, or by the identity VNeID vouched for). */
export const myDossierRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/my-dossiers',
    {
      config: { permission: Permission.SignedIn },
      schema: {
        operationId: 'listMyDossiers',
        tags: ['dossiers'],
        summary: 'Hồ sơ của tôi / My dossiers, newest first',
        response: {
          200: Type.Object({ items: Type.Array(MyDossier, { description: 'The citizen’s dossiers, newest first' }) }),
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const p = callerOf(request)
      if (p.kind !== 'citizen') return sendProblem(reply, problem('forbidden', 403))
      const rows = await db
        .selectFrom('dossiers as d')
        .innerJoin('procedure_versions as v', (j) =>
          j.onRef('v.procedure_code', '=', 'd.procedure_code').onRef('v.version', '=', 'd.procedure_version'),
        )
        .select(['d.id', 'd.code', 'd.procedure_code', 'v.name', 'd.status', 'd.submitted_at', 'd.appointment_at'])
        .where((eb) =>
          eb.or([
            eb('d.applicant_id', '=', p.userId),
            ...(p.vneid && p.identityNumber
              ? [sql<boolean>`d.applicant @> ${JSON.stringify({ identityNumber: p.identityNumber })}::jsonb`]
              : []),
          ]),
        )
        .orderBy('d.submitted_at', 'desc')
        .limit(200)
        .execute()
      return {
        items: rows.map((r) => ({
          id: r.id,
          code: r.code,
          procedureCode: r.procedure_code,
          procedureName: r.name,
          status: r.status,
          submittedAt: formatInstant(r.submitted_at.getTime()),
          appointmentAt: r.appointment_at ? formatInstant(r.appointment_at.getTime()) : null,
        })),
      }
    },
  )
}
