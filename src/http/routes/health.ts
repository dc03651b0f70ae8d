import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sql } from 'kysely'
import { Type } from 'typebox'
import { Permission } from '../../domain/access/route-permissions.ts'
import type { Db } from '../../store/database.ts'
import { problem, sendProblem } from '../problem.ts'

/** `GET /health`: 200 only when the database answers, so a load balancer can drop a sick process. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/health',
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'getHealth',
        tags: ['operations'],
        summary: 'Kiểm tra sức khỏe / Health check',
        response: {
          200: Type.Object({
            status: Type.Literal('ok', { description: 'The process serves requests' }),
            database: Type.Literal('ok', { description: 'The database answered' }),
          }),
          503: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      try {
        await sql`SELECT 1`.execute(db)
        return { status: 'ok' as const, database: 'ok' as const }
      } catch (err) {
        request.log.warn({ err }, 'database did not answer the health check')
        return sendProblem(reply, problem('databaseUnavailable', 503))
      }
    },
  )
}
