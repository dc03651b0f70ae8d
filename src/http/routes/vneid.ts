import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import type { VneidClient } from '../../adapters/vneid/oidc-client.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import type { Db } from '../../store/database.ts'
import { createSession } from '../../store/identity/sessions.ts'
import { findOrCreateCitizen } from '../../store/identity/users.ts'
import { sessionCookie } from '../auth/access-control.ts'
import { problem, sendProblem } from '../problem.ts'

export type VneidRouteOptions = {
  db: Db
  now: () => Date
  /** Send cookies with `Secure` (off only for plain-HTTP tests behind no TLS). */
  secureCookies: boolean
  /** The VNeID OpenID Connect client, or null when this server has none configured. */
  client: VneidClient | null
}

/** A sign-in must come back from the provider within this time. */
export const loginMinutes = 10

/**
 * Binds a sign-in to the browser that started it: the callback's `state` must match this cookie, so a
 * callback URL sent to someone else (login CSRF) does not sign them in as the sender.
 */
export const stateCookie = 'motcua_vneid_state'
const stateCookiePath = '/api/auth/vneid'

const loginLimit = { max: 30, timeWindow: '1 minute' }

/** A path on this site: starts with one `/`, no scheme or host, no backslash, no spaces or control characters. */
export function isLocalPath(value: string): boolean {
  if (!/^\/(?![/\\])[^\\\s\p{Cc}]*$/u.test(value)) return false
  const base = 'https://motcua.invalid'
  return new URL(value, base).origin === base
}

const LoginQuery = Type.Object(
  {
    returnTo: Type.Optional(
      Type.String({
        maxLength: 1000,
        description: 'Trang quay lại sau khi đăng nhập (đường dẫn nội bộ, bắt đầu bằng /) / Local path to return to',
      }),
    ),
  },
  { additionalProperties: false },
)

// Open: providers may add parameters to the authorization response (session_state, …).
const CallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 4096, description: 'Authorization code from VNeID (OpenID Connect)' })),
  state: Type.Optional(
    Type.String({ maxLength: 512, description: 'The state motcua sent, binding the answer to the sign-in' }),
  ),
  iss: Type.Optional(
    Type.String({ maxLength: 2048, description: 'Issuer of the answer (RFC 9207), checked against VNeID' }),
  ),
  error: Type.Optional(
    Type.String({ maxLength: 512, description: 'OAuth error code when the citizen cancelled or VNeID refused' }),
  ),
  error_description: Type.Optional(Type.String({ maxLength: 4096, description: 'VNeID’s explanation of the error' })),
})

const Redirect = Type.Null({ description: 'Chuyển hướng (Location) / Redirect (see Location)' })

export const vneidRoutes: FastifyPluginAsyncTypebox<VneidRouteOptions> = async (
  app,
  { db, now, secureCookies, client },
) => {
  const clearStateCookie = (reply: FastifyReply) => reply.clearCookie(stateCookie, { path: stateCookiePath })

  app.get(
    '/api/auth/vneid/login',
    {
      config: { permission: Permission.Public, rateLimit: loginLimit },
      schema: {
        operationId: 'startVneidLogin',
        tags: ['auth'],
        summary: 'Đăng nhập bằng VNeID / Sign in with VNeID (redirects to the identity provider)',
        querystring: LoginQuery,
        response: {
          302: Redirect,
          400: Type.Ref('Problem'),
          429: Type.Ref('Problem'),
          502: Type.Ref('Problem'),
          503: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const { returnTo } = request.query
      if (returnTo !== undefined && !isLocalPath(returnTo))
        return sendProblem(
          reply,
          problem('validation', 400, {
            errors: [
              {
                path: 'querystring/returnTo',
                message: 'phải là đường dẫn nội bộ bắt đầu bằng /',
                en: 'must be a local path starting with /',
              },
            ],
          }),
        )
      if (!client) return sendProblem(reply, problem('vneidUnavailable', 503))
      let start: Awaited<ReturnType<VneidClient['start']>>
      try {
        start = await client.start()
      } catch (error) {
        request.log.error({ err: error }, 'VNeID provider unreachable')
        return sendProblem(reply, problem('oidcFailed', 502))
      }
      const at = now()
      // Abandoned sign-ins are swept as new ones start.
      await db
        .deleteFrom('oidc_logins')
        .where('created_at', '<', new Date(at.getTime() - loginMinutes * 60_000))
        .execute()
      await db
        .insertInto('oidc_logins')
        .values({
          state: start.state,
          nonce: start.nonce,
          code_verifier: start.codeVerifier,
          return_to: returnTo ?? null,
          created_at: at,
        })
        .execute()
      reply.setCookie(stateCookie, start.state, {
        httpOnly: true,
        secure: secureCookies,
        sameSite: 'lax',
        path: stateCookiePath,
        maxAge: loginMinutes * 60,
      })
      return reply.redirect(start.url.href, 302)
    },
  )

  app.get(
    '/api/auth/vneid/callback',
    {
      config: { permission: Permission.Public, rateLimit: loginLimit },
      schema: {
        operationId: 'completeVneidLogin',
        tags: ['auth'],
        summary: 'VNeID trả về sau đăng nhập / VNeID sign-in callback (sets the session cookie)',
        querystring: CallbackQuery,
        response: { 302: Redirect, 400: Type.Ref('Problem'), 401: Type.Ref('Problem'), 429: Type.Ref('Problem') },
      },
    },
    async (request, reply) => {
      const fail = (reason: string, error?: unknown) => {
        request.log.warn({ err: error, reason }, 'VNeID sign-in refused')
        return sendProblem(reply, problem('oidcFailed', 401))
      }
      clearStateCookie(reply)
      if (!client) return fail('not configured')
      const mark = request.url.indexOf('?')
      const query = new URLSearchParams(mark < 0 ? '' : request.url.slice(mark + 1))
      const state = query.get('state')
      if (!state) return fail('no state')
      if (request.cookies[stateCookie] !== state) return fail('state not started in this browser')
      // One use: whichever request deletes the row owns the sign-in.
      const login = await db.deleteFrom('oidc_logins').where('state', '=', state).returningAll().executeTakeFirst()
      if (!login) return fail('unknown or used state')
      const at = now()
      if (at.getTime() - new Date(login.created_at).getTime() > loginMinutes * 60_000) return fail('state expired')
      let identity: Awaited<ReturnType<VneidClient['finish']>>
      try {
        identity = await client.finish(query, {
          state: login.state,
          nonce: login.nonce,
          codeVerifier: login.code_verifier,
        })
      } catch (error) {
        return fail('authorization response or tokens rejected', error)
      }
      const userId = await findOrCreateCitizen(
        db,
        {
          identityNumber: identity.identityNumber,
          name: identity.name,
          phone: identity.phone,
          email: identity.email,
          vouched: { birthDate: identity.birthDate, sex: identity.sex, address: identity.address },
        },
        at,
      )
      const session = await createSession(db, userId, 'vneid', at)
      reply.setCookie(sessionCookie, session.token, {
        httpOnly: true,
        secure: secureCookies,
        sameSite: 'lax',
        path: '/',
        expires: session.expiresAt,
      })
      return reply.redirect(login.return_to ?? '/', 302)
    },
  )
}
