import type { FastifyReply, FastifyRequest } from 'fastify'
import { type Actor, Role } from '../domain/dossier/actor.ts'
import { problem, sendProblem } from './problem.ts'

/**
 * Interim authentication for development and the demo, replaced by VNeID/officer sessions (issue 5):
 * `X-Motcua-Actor: role=counter_officer; agency=ttpvhcc-22333; id=mc-01; name=L%C3%AA%20Thu%20H%C3%A0`.
 * The name is percent-encoded because headers are ASCII.
 */
export function parseActorHeader(header: string | undefined): Actor | null {
  if (!header) return null
  const fields = new Map(
    header.split(';').map((part) => {
      const [key, ...rest] = part.trim().split('=')
      return [key?.trim() ?? '', rest.join('=').trim()] as const
    }),
  )
  const role = fields.get('role') as Role | undefined
  const id = fields.get('id')
  if (!role || !Object.values(Role).includes(role) || !id || role === Role.System) return null
  const agency = fields.get('agency') || null
  if ((role === Role.Applicant) !== (agency === null)) return null
  let name = id
  try {
    name = decodeURIComponent(fields.get('name') ?? id)
  } catch {
    return null
  }
  return { id, name, role, agencyId: agency }
}

/** The acting user, or a 401 problem sent and null returned. */
export function requireActor(request: FastifyRequest, reply: FastifyReply): Actor | null {
  const actor = parseActorHeader(request.headers['x-motcua-actor'] as string | undefined)
  if (!actor) sendProblem(reply, problem('actorMissing', 401))
  return actor
}
