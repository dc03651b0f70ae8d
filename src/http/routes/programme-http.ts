import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import type { KeptEvidence } from '../../app/programme/evidence.ts'
import type { Principal } from '../../domain/access/principal.ts'
import type { ProgrammeActor } from '../../domain/programme/task-actions.ts'
import { problem, sendProblem } from '../problem.ts'

/** Bodies carrying an evidence file (base64, at most 5 MiB of content). */
export const evidenceBodyLimit = 8 * 1024 * 1024

export const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
}

/** Staff are the only programme actors (the route permissions keep citizens and clients out). */
export const programmeActor = (p: Principal): ProgrammeActor =>
  p.kind === 'citizen' ? { id: p.userId, grants: [] } : { id: p.userId, grants: p.grants }

export const decodeEvidence = (e: { name: string; contentBase64: string }) => ({
  name: e.name.normalize('NFC').trim(),
  content: new Uint8Array(Buffer.from(e.contentBase64, 'base64')),
})

export function sendBadEvidence(
  reply: FastifyReply,
  path: string,
  reason: Extract<KeptEvidence, { ok: false }>['reason'],
): FastifyReply {
  const en = { 'unsupported-type': 'not a PDF, JPEG or PNG file', 'too-large': 'over 5 MiB', empty: 'empty' }[reason]
  const vi = { 'unsupported-type': 'không phải PDF, JPEG hoặc PNG', 'too-large': 'lớn hơn 5 MiB', empty: 'tệp rỗng' }[
    reason
  ]
  return sendProblem(reply, problem('reformEvidenceInvalid', 400, { errors: [{ path, message: vi, en }] }))
}
