import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { Permission } from '../../domain/access/route-permissions.ts'
import { localDate } from '../../domain/calendar/local-time.ts'
import { DateOnly } from '../../domain/catalog/source.ts'
import { agencyTree } from '../../store/catalog/agency-queries.ts'
import type { Db } from '../../store/database.ts'

const AgencyQuery = Type.Object(
  {
    at: Type.Optional({ ...DateOnly, description: 'Show names and codes in force on this date (default today)' }),
    includeFormer: Type.Boolean({ default: false, description: 'Also list units abolished by a merger' }),
  },
  { additionalProperties: false },
)

export const agencyRoutes: FastifyPluginAsyncTypebox<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  app.get(
    '/api/agencies',
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'getAgencyTree',
        tags: ['catalogue'],
        summary: 'Cây cơ quan, đơn vị / Agency tree',
        querystring: AgencyQuery,
        response: { 200: Type.Array(Type.Ref('AgencyNode')), 400: Type.Ref('Problem') },
      },
    },
    async (request) => {
      const query = request.query
      return agencyTree(db, { today: query.at ?? localDate(now()), includeFormer: query.includeFormer })
    },
  )
}
