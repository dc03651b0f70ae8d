import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { type Grant, type Principal, StaffRole } from '../../domain/access/principal.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import type { Db } from '../../store/database.ts'
import { createApiToken, createOfficer } from '../../store/identity/users.ts'
import { callerOf } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'

const GrantSchema = Type.Object({
  role: Type.Enum(StaffRole, {
    description:
      'Vai trò: counter_officer (một cửa), specialist, leader, clerk, agency_admin, provincial_admin, monitor or integration',
  }),
  agencyId: Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 80, description: 'The agency the role is held at' }),
})

const NewOfficer = Type.Object(
  {
    username: Type.String({
      pattern: '^[a-z0-9._-]{3,60}$',
      description: 'Sign-in name: 3–60 of a-z, 0-9, dot, dash, underscore',
    }),
    name: Type.String({ minLength: 1, maxLength: 200, description: 'The officer’s full name, as shown on forms' }),
    password: Type.String({
      minLength: 12,
      maxLength: 200,
      description: 'At least 12 characters; the officer changes it at first use',
    }),
    grants: Type.Array(GrantSchema, { minItems: 1, maxItems: 20, description: 'The roles the officer holds' }),
  },
  { additionalProperties: false },
)

const NewIntegrationClient = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: 'Name of the partner system, e.g. LGSP' }),
    agencyId: Type.String({
      pattern: '^[a-z0-9-]+$',
      maxLength: 80,
      description: 'The agency whose dossiers the client may see or act on',
    }),
    scopes: Type.Array(Type.Union([Type.Literal('dossiers:read'), Type.Literal('dossiers:write')]), {
      minItems: 1,
      maxItems: 2,
      description:
        'dossiers:read to read dossiers and subscribe to webhooks; dossiers:write to create and run commands',
    }),
  },
  { additionalProperties: false },
)

const isProvincialAdmin = (p: Principal) =>
  p.kind !== 'citizen' && p.grants.some((g) => g.role === StaffRole.ProvincialAdmin)

/**
 * An agency administrator grants roles at their own agencies only, and never the provincial roles;
 * a provincial administrator grants any.
 */
function mayGrant(p: Principal, grant: Grant): boolean {
  if (isProvincialAdmin(p)) return true
  if (p.kind === 'citizen') return false
  const ownAgencies = p.grants.filter((g) => g.role === StaffRole.AgencyAdmin).map((g) => g.agencyId)
  const provincial: string[] = [StaffRole.ProvincialAdmin, StaffRole.Monitor, StaffRole.Integration]
  return ownAgencies.includes(grant.agencyId) && !provincial.includes(grant.role)
}

export const userRoutes: FastifyPluginAsyncTypebox<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  app.post(
    '/api/users',
    {
      config: { permission: Permission.UsersManage },
      schema: {
        operationId: 'createOfficer',
        tags: ['auth'],
        summary: 'Tạo tài khoản cán bộ và phân quyền / Create an officer account with roles per agency',
        body: NewOfficer,
        response: {
          201: Type.Object({ id: Type.String({ description: 'Id of the new account' }) }),
          400: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
          409: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const principal = callerOf(request)
      const body = request.body
      if (!body.grants.every((g) => mayGrant(principal, g))) return sendProblem(reply, problem('forbidden', 403))
      const known = await db
        .selectFrom('agencies')
        .select('id')
        .where(
          'id',
          'in',
          body.grants.map((g) => g.agencyId),
        )
        .execute()
      if (known.length !== new Set(body.grants.map((g) => g.agencyId)).size)
        return sendProblem(
          reply,
          problem('validation', 400, {
            errors: [{ path: 'body/grants', message: 'có cơ quan không tồn tại', en: 'unknown agency' }],
          }),
        )
      const taken = await db.selectFrom('users').select('id').where('username', '=', body.username).executeTakeFirst()
      if (taken) return sendProblem(reply, problem('conflict', 409))
      const id = await createOfficer(db, body, now())
      await appendAudit(db, {
        at: now(),
        actor: `${principal.name} (${principal.userId})`,
        action: 'user.created',
        subject: `user:${id}`,
        before: null,
        after: { username: body.username, name: body.name, grants: body.grants },
      })
      return reply.code(201).send({ id })
    },
  )

  app.post(
    '/api/integration-clients',
    {
      config: { permission: Permission.UsersManage },
      schema: {
        operationId: 'createIntegrationClient',
        tags: ['auth'],
        summary: 'Tạo khách tích hợp và mã API / Create an integration client and its API token (shown once)',
        body: NewIntegrationClient,
        response: {
          201: Type.Object({
            id: Type.String({ description: 'Id of the client account' }),
            token: Type.String({ description: 'The API token (mc_…), shown once: send as Authorization: Bearer' }),
          }),
          403: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const principal = callerOf(request)
      if (!isProvincialAdmin(principal)) return sendProblem(reply, problem('forbidden', 403))
      const body = request.body
      const id = randomUUID()
      await db
        .insertInto('users')
        .values({ id, kind: 'integration', display_name: body.name, created_at: now() })
        .execute()
      await db
        .insertInto('role_grants')
        .values({ user_id: id, role: StaffRole.Integration, agency_id: body.agencyId })
        .execute()
      const token = await createApiToken(db, id, body.name, body.scopes, now())
      await appendAudit(db, {
        at: now(),
        actor: `${principal.name} (${principal.userId})`,
        action: 'integration-client.created',
        subject: `user:${id}`,
        before: null,
        after: { name: body.name, agencyId: body.agencyId, scopes: body.scopes },
      })
      return reply.code(201).send({ id, token })
    },
  )
}
