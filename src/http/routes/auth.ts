import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { StaffRole } from '../../domain/access/principal.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import type { Db } from '../../store/database.ts'
import { createSession, revokeAllSessions, revokeSession, type SessionMethod } from '../../store/identity/sessions.ts'
import { checkPassword, findOrCreateCitizen, setPassword, verifyUserPassword } from '../../store/identity/users.ts'
import { sessionCookie } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'

export type AuthRouteOptions = {
  db: Db
  now: () => Date
  /** Send cookies with `Secure` (off only for plain-HTTP tests behind no TLS). */
  secureCookies: boolean
  /** The embedded demo offers a labelled demo login instead of VNeID. */
  demoLogin: boolean
}

const CsrfToken = Type.String({ description: 'Send as X-CSRF-Token with every request that changes data' })
const SessionView = Type.Object({
  user: Type.Object(
    {
      id: Type.String({ description: 'Account id' }),
      kind: Type.String({ description: 'citizen, officer or integration' }),
      name: Type.String({ description: 'Display name' }),
      vneid: Type.Boolean({ description: 'Signed in with VNeID' }),
      grants: Type.Array(
        Type.Object({
          role: Type.String({
            description:
              'Vai trò: counter_officer (một cửa), specialist, leader, clerk, agency_admin, provincial_admin, monitor or integration',
          }),
          agencyId: Type.String({ description: 'The agency the role is held at' }),
        }),
        { description: 'Roles of a staff account, each at one agency; empty for citizens' },
      ),
    },
    { description: 'The signed-in account' },
  ),
  csrfToken: CsrfToken,
  demo: Type.Boolean({ description: 'A demo session: not a real identity' }),
})

const loginLimit = { max: 10, timeWindow: '1 minute' }

export const authRoutes: FastifyPluginAsyncTypebox<AuthRouteOptions> = async (
  app,
  { db, now, secureCookies, demoLogin },
) => {
  async function startSession(reply: FastifyReply, userId: string, method: SessionMethod) {
    const session = await createSession(db, userId, method, now())
    reply.setCookie(sessionCookie, session.token, {
      httpOnly: true,
      secure: secureCookies,
      sameSite: 'lax',
      path: '/',
      expires: session.expiresAt,
    })
    return session
  }

  app.post(
    '/api/auth/login',
    {
      config: { permission: Permission.Public, rateLimit: loginLimit },
      schema: {
        operationId: 'loginWithPassword',
        tags: ['auth'],
        summary: 'Đăng nhập cán bộ / Officer sign-in with username and password',
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 100, description: 'The officer’s user name' }),
            password: Type.String({ minLength: 1, maxLength: 200, description: 'The officer’s password' }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ csrfToken: CsrfToken }),
          401: Type.Ref('Problem'),
          423: Type.Ref('Problem'),
          429: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body
      const check = await checkPassword(db, username, password, now())
      if (!check.ok)
        return sendProblem(
          reply,
          check.reason === 'locked' ? problem('accountLocked', 423) : problem('loginFailed', 401),
        )
      const session = await startSession(reply, check.userId, 'password')
      return { csrfToken: session.csrfToken }
    },
  )

  app.get(
    '/api/auth/session',
    {
      config: { permission: Permission.SignedIn },
      schema: {
        operationId: 'getSession',
        tags: ['auth'],
        summary: 'Phiên hiện tại / Who is signed in',
        response: { 200: SessionView, 401: Type.Ref('Problem') },
      },
    },
    async (request) => {
      const p = request.principal
      if (!p) throw new Error('signed-in route without a principal')
      return {
        user: {
          id: p.userId,
          kind: p.kind,
          name: p.name,
          vneid: p.kind === 'citizen' && p.vneid,
          grants: p.kind === 'citizen' ? [] : [...p.grants],
        },
        csrfToken: request.csrfToken ?? '',
        demo: request.sessionMethod === 'demo',
      }
    },
  )

  app.post(
    '/api/auth/logout',
    {
      config: { permission: Permission.SignedIn },
      schema: {
        operationId: 'logout',
        tags: ['auth'],
        summary: 'Đăng xuất / Sign out',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const token = request.cookies[sessionCookie]
      if (token) await revokeSession(db, token, now())
      reply.clearCookie(sessionCookie, { path: '/' })
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/api/auth/logout-everywhere',
    {
      config: { permission: Permission.SignedIn },
      schema: {
        operationId: 'logoutEverywhere',
        tags: ['auth'],
        summary: 'Đăng xuất mọi nơi / End every session of this account',
        response: { 200: Type.Object({ ended: Type.Integer({ description: 'Sessions ended, this one included' }) }) },
      },
    },
    async (request, reply) => {
      const ended = await revokeAllSessions(db, request.principal?.userId ?? '', now())
      reply.clearCookie(sessionCookie, { path: '/' })
      return { ended }
    },
  )

  app.post(
    '/api/auth/password',
    {
      config: { permission: Permission.SignedIn, rateLimit: loginLimit },
      schema: {
        operationId: 'changePassword',
        tags: ['auth'],
        summary: 'Đổi mật khẩu / Change password (other sessions end)',
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: 200, description: 'The password in use' }),
            newPassword: Type.String({
              minLength: 1,
              maxLength: 200,
              description: 'The new password: at least 12 characters, different from the current one',
            }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ csrfToken: CsrfToken }),
          401: Type.Ref('Problem'),
          422: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const p = request.principal
      const { currentPassword, newPassword } = request.body
      if (p?.kind !== 'officer' || !(await verifyUserPassword(db, p.userId, currentPassword)))
        return sendProblem(reply, problem('loginFailed', 401))
      if (newPassword.length < 12 || newPassword === currentPassword)
        return sendProblem(reply, problem('passwordWeak', 422))
      await setPassword(db, p.userId, newPassword)
      await revokeAllSessions(db, p.userId, now())
      const session = await startSession(reply, p.userId, 'password')
      return { csrfToken: session.csrfToken }
    },
  )

  const DemoLogin = Type.Object(
    {
      as: Type.Union(
        [
          Type.Literal('citizen'),
          ...Object.values(StaffRole)
            .filter((r) => r !== 'integration')
            .map((r) => Type.Literal(r)),
        ],
        { description: 'Who to act as: a demo citizen or an officer of this role' },
      ),
      agencyId: Type.Optional(
        Type.String({
          pattern: '^[a-z0-9-]+$',
          maxLength: 80,
          description: 'The agency the demo officer works at (default: the demo province’s centre)',
        }),
      ),
    },
    { additionalProperties: false },
  )
  app.post(
    '/api/auth/demo-login',
    {
      config: { permission: Permission.Public, rateLimit: loginLimit },
      schema: {
        operationId: 'demoLogin',
        tags: ['auth'],
        summary: 'Đăng nhập thử nghiệm (chỉ bản trình diễn) / Demo sign-in (demo servers only)',
        body: DemoLogin,
        response: {
          200: Type.Object({
            csrfToken: CsrfToken,
            demo: Type.Literal(true, { description: 'Always true: a demo session, not a real identity' }),
          }),
          400: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      if (!demoLogin) return sendProblem(reply, problem('demoDisabled', 403))
      const body = request.body
      let userId: string
      if (body.as === 'citizen')
        userId = await findOrCreateCitizen(
          db,
          { identityNumber: '056099000001', name: 'Công dân thử nghiệm (demo)' },
          now(),
        )
      else {
        const agencyId =
          body.agencyId ?? (body.as === 'provincial_admin' || body.as === 'monitor' ? 'ubnd-tinh' : 'ttpvhcc-22333')
        const agency = await db.selectFrom('agencies').select('id').where('id', '=', agencyId).executeTakeFirst()
        if (!agency)
          return sendProblem(
            reply,
            problem('validation', 400, {
              errors: [{ path: 'body/agencyId', message: 'không có cơ quan này', en: 'unknown agency' }],
            }),
          )
        const username = `demo:${body.as}@${agencyId}`
        const existing = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()
        userId = existing?.id ?? randomUUID()
        if (!existing) {
          await db
            .insertInto('users')
            .values({
              id: userId,
              kind: 'officer',
              username,
              display_name: `Cán bộ thử nghiệm — ${body.as} (demo)`,
              created_at: now(),
            })
            .execute()
          await db.insertInto('role_grants').values({ user_id: userId, role: body.as, agency_id: agencyId }).execute()
        }
      }
      const session = await startSession(reply, userId, 'demo')
      return { csrfToken: session.csrfToken, demo: true as const }
    },
  )
}
