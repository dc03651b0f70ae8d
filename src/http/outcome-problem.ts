import type { FastifyReply } from 'fastify'
import type { Outcome } from '../store/dossiers/dossier-commands.ts'
import { problem, sendProblem } from './problem.ts'

/** A command the engine did not run, as problem+json: one mapping for every route that runs commands. */
export function sendOutcomeProblem(reply: FastifyReply, outcome: Exclude<Outcome, { ok: true }>) {
  switch (outcome.problem) {
    case 'not-found':
      return sendProblem(reply, problem('dossierNotFound', 404))
    case 'forbidden':
      return sendProblem(reply, problem('forbidden', 403))
    case 'conflict':
      return sendProblem(
        reply,
        problem('conflict', 409, {
          errors: [
            {
              path: 'body/expectedVersion',
              message: `phiên bản hiện tại: ${outcome.currentVersion}`,
              en: `current version: ${outcome.currentVersion}`,
            },
          ],
        }),
      )
    case 'idempotency-key-reused':
      return sendProblem(reply, problem('idempotencyKeyReused', 422))
    case 'refused':
      return sendProblem(
        reply,
        problem('refused', 422, {
          type: `urn:motcua:problem:refused:${outcome.refusal.code}`,
          detail: outcome.refusal.vi,
          en: { title: 'Command refused', detail: outcome.refusal.en },
        }),
      )
  }
}
