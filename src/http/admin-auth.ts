import { timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { problem, sendProblem } from './problem.ts'

/**
 * Interim guard for administrative writes until officer accounts land (issue 5): a bearer token from
 * `MOTCUA_ADMIN_TOKEN`. Without the variable, administration is switched off. Returns whether the
 * request may go on; otherwise the problem has been sent.
 */
export function allowAdmin(token: string | undefined, request: FastifyRequest, reply: FastifyReply): boolean {
  if (!token) {
    sendProblem(reply, problem('adminDisabled', 403))
    return false
  }
  const given = Buffer.from(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '')
  const expected = Buffer.from(token)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    sendProblem(reply, problem('unauthorized', 401))
    return false
  }
  return true
}
