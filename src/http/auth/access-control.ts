import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Principal } from '../../domain/access/principal.ts'
import { type Permission, routeAccess } from '../../domain/access/route-permissions.ts'
import type { Db } from '../../store/database.ts'
import { findSession } from '../../store/identity/sessions.ts'
import { findApiToken, principalOf } from '../../store/identity/users.ts'
import { problem, sendProblem } from '../problem.ts'

export const sessionCookie = 'motcua_session'

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
    /** The session's anti-CSRF token, when the caller came with a session cookie. */
    csrfToken: string | null
    sessionMethod: string | null
  }
  interface FastifyInstance {
    guardedRoutes: GuardedRoute[]
  }
  interface FastifyContextConfig {
    /** What the route needs; every route must say (see route-permissions.ts). */
    permission?: Permission
  }
}

/**
 * The caller of a route that needs a principal. Access control has answered 401 before any such
 * handler runs, so a missing principal here is a route declared `public` that should not be.
 */
export function callerOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw new Error(`${request.routeOptions.url} needs a principal but declares none`)
  return request.principal
}

/** A route as the access-control layer knows it: the authorization matrix test enumerates these. */
export type GuardedRoute = { readonly method: string; readonly url: string; readonly permission: Permission }

/** Web assets are public files; every API route and /health must declare what it needs and be documented. */
export const isApiRoute = (url: string) =>
  (url.startsWith('/api/') && !url.startsWith('/api/docs')) || url === '/health'

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Who is calling (session cookie, or `Authorization: Bearer` API token), and whether the route lets
 * them in. Routes without a declared permission make the server fail at start. Requests that change
 * state with a session cookie must echo the session's CSRF token in `X-CSRF-Token`.
 */
export async function registerAccessControl(app: FastifyInstance, db: Db, now: () => Date): Promise<GuardedRoute[]> {
  const routes: GuardedRoute[] = []
  await app.register(cookie)
  app.decorateRequest('principal', null)
  app.decorateRequest('csrfToken', null)
  app.decorateRequest('sessionMethod', null)
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (!isApiRoute(route.url) || methods.every((m) => m === 'HEAD' || m === 'OPTIONS')) return
    if (!permission) throw new Error(`route ${methods.join(',')} ${route.url} declares no permission`)
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: route.url, permission })
  })
  app.addHook('onRequest', async (request) => {
    const bearer = /^Bearer (mc_[A-Za-z0-9_-]+)$/.exec(request.headers.authorization ?? '')?.[1]
    if (bearer) {
      const token = await findApiToken(db, bearer)
      request.principal = token ? await principalOf(db, token.user_id, 'token', token.scopes) : null
      return
    }
    const sessionToken = request.cookies[sessionCookie]
    if (!sessionToken) return
    const session = await findSession(db, sessionToken, now())
    if (!session) return
    request.principal = await principalOf(db, session.userId, session.method)
    request.csrfToken = session.csrfToken
    request.sessionMethod = session.method
  })
  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const permission = request.routeOptions.config?.permission
    if (!permission) return
    const access = routeAccess(request.principal, permission)
    if (access === 'unauthenticated') return sendProblem(reply, problem('actorMissing', 401))
    if (access === 'forbidden') return sendProblem(reply, problem('forbidden', 403))
    // Public routes act on no one's authority, so a stray session cookie needs no CSRF token there.
    const usesSession = permission !== 'public' && request.csrfToken !== null
    if (usesSession && unsafe.has(request.method) && request.headers['x-csrf-token'] !== request.csrfToken)
      return sendProblem(reply, problem('csrf', 403))
  })
  return routes
}
