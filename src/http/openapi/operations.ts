import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify'
import { Permission } from '../../domain/access/route-permissions.ts'
import { isApiRoute } from '../auth/access-control.ts'
import { apiTags } from './document.ts'

type SecurityRequirement = Record<string, string[]>

/** A session cookie alone may read; a change also needs its `X-CSRF-Token`. An API token suffices for both. */
const readSecurity: SecurityRequirement[] = [{ sessionCookie: [] }, { apiToken: [] }]
const changeSecurity: SecurityRequirement[] = [{ sessionCookie: [], csrfToken: [] }, { apiToken: [] }]
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The security an operation declares follows from its route's permission, so the two cannot drift. */
export function securityOf(permission: Permission, method: string): SecurityRequirement[] {
  if (permission === Permission.Public) return []
  return safeMethods.has(method) ? readSecurity : changeSecurity
}

/** `reception-supplement-requests` → `postReceptionSupplementRequests`: the generated command routes' id. */
export function commandOperationId(path: string): string {
  return `post${path.replace(/(^|-)([a-z])/g, (_, _dash, letter: string) => letter.toUpperCase())}`
}

const camelCase = /^[a-z][a-zA-Z0-9]*$/
const problem = { $ref: 'Problem' }

/**
 * The answers the edge gives before a handler runs: 400 when an input fails its schema (app.ts's error
 * handler), 401 without a principal and 403 for a refused role or a missing CSRF token (access-control.ts).
 */
function edgeProblems(permission: Permission, schema: FastifySchema): Record<string, unknown> {
  const validated = schema.body || schema.querystring || schema.params || schema.headers
  return {
    ...(validated ? { 400: problem } : {}),
    ...(permission === Permission.Public ? {} : { 401: problem, 403: problem }),
  }
}

/**
 * Every documented operation carries an explicit, unique camelCase `operationId`, tags the document
 * declares, and the `security` of its permission; the server refuses to start otherwise, as it does
 * for a route without a permission (access-control.ts).
 */
export function registerOperationChecks(app: FastifyInstance): void {
  const seen = new Map<string, string>()
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (!isApiRoute(route.url) || route.schema?.hide || methods.every((m) => m === 'HEAD' || m === 'OPTIONS')) return
    const name = `${methods.join(',')} ${route.url}`
    const schema = route.schema ?? {}
    const id = schema.operationId
    if (!id) throw new Error(`route ${name} declares no operationId`)
    if (!camelCase.test(id)) throw new Error(`route ${name}: operationId ${id} is not camelCase`)
    const other = seen.get(id)
    if (other) throw new Error(`route ${name}: operationId ${id} is already used by ${other}`)
    seen.set(id, name)
    for (const tag of schema.tags ?? [])
      if (!apiTags.some((t) => t.name === tag)) throw new Error(`route ${name}: tag ${tag} is not declared`)
    const permission = route.config?.permission
    if (!permission) return
    // A route without response schemas keeps the generator's default 200 rather than losing its only success.
    const response = schema.response ? { ...edgeProblems(permission, schema), ...schema.response } : undefined
    route.schema = {
      ...schema,
      security: securityOf(permission, methods[0] ?? 'GET'),
      ...(response ? { response } : {}),
    }
  })
}
