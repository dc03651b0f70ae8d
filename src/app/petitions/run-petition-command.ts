import { decide, type PetitionActor, type PetitionCommand } from '../../domain/petitions/actions.ts'
import { answerDueAt } from '../../domain/petitions/handling-limits.ts'
import { foldPetition, type Petition } from '../../domain/petitions/petition.ts'
import { reportedToNationalPortal } from '../../domain/petitions/portal-report.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import {
  agencyExists,
  appendPetitionEvent,
  enqueuePetitionReport,
  loadPetitionEvents,
} from '../../store/petitions/petition-store.ts'
import { earlierPetitionRefusal } from './earlier-petition.ts'
import { markDossierComplaint } from './mark-dossier-complaint.ts'
import type { PetitionDeps } from './petition-deps.ts'

export type CommandOutcome =
  | { readonly kind: 'done'; readonly petition: Petition; readonly dueAt: string | null }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'refused'; readonly refusal: 'notAllowed' | 'sameAgency' }
  | { readonly kind: 'conflict'; readonly version: number }
  | { readonly kind: 'agencyNotFound' }
  | { readonly kind: 'dossierNotFound' }
  | { readonly kind: 'earlierNotFound' }
  | { readonly kind: 'earlierNotAnswered' }

class Abort extends Error {
  readonly outcome: CommandOutcome
  constructor(outcome: CommandOutcome) {
    super(outcome.kind)
    this.outcome = outcome
  }
}

/**
 * Runs one command on a petition with it locked: the domain decides (availableActions is the gate),
 * the event, the projection and the audit entry are written together; linking a dossier also marks
 * its complaint fact. `expectedVersion`, when given, must be the petition's current version.
 */
export async function runPetitionCommand(
  deps: PetitionDeps,
  code: string,
  command: PetitionCommand,
  actor: PetitionActor,
  expectedVersion?: number,
): Promise<CommandOutcome> {
  const now = deps.now()
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const before = foldPetition(await loadPetitionEvents(tx, code, true))
      if (before === null) return { kind: 'notFound' }
      if (expectedVersion !== undefined && expectedVersion !== before.version)
        return { kind: 'conflict', version: before.version }
      const decision = decide(before, command, actor, now)
      if (!decision.ok) return { kind: 'refused', refusal: decision.refusal }
      if (command.action === 'assign' && !(await agencyExists(tx, command.agencyId))) return { kind: 'agencyNotFound' }
      if (command.action === 'mark-follow-up') {
        const refusal = await earlierPetitionRefusal(tx, code, command.followsUp)
        if (refusal !== null) return { kind: refusal } as const
      }
      if (command.action === 'link-dossier' && !(await markDossierComplaint(tx, command.dossierCode)))
        throw new Abort({ kind: 'dossierNotFound' })
      const after = foldPetition([...(await loadPetitionEvents(tx, code)), decision.event]) as Petition
      const calendar = await deps.calendars.forAgencies(tx)
      const dueAt = answerDueAt(calendar(after.agencyId), after)
      if (!(await appendPetitionEvent(tx, after, decision.event, before.version, dueAt)))
        return { kind: 'conflict', version: before.version }
      await appendAudit(tx, {
        at: now,
        actor: actor.id,
        action: `petition.${decision.event.type}`,
        subject: `petition:${code}`,
        before: { status: before.status, agencyId: before.agencyId, version: before.version },
        after: decision.event,
      })
      if (reportedToNationalPortal(after, decision.event)) await enqueuePetitionReport(tx, after, decision.event)
      return { kind: 'done', petition: after, dueAt }
    })
  } catch (error) {
    if (error instanceof Abort) return error.outcome
    throw error
  }
}
