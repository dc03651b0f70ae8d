import { answerDueAt } from '../../domain/petitions/handling-limits.ts'
import {
  foldPetition,
  type Petition,
  type PetitionCategory,
  type PetitionChannel,
  type PetitionEvent,
  type Petitioner,
} from '../../domain/petitions/petition.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import {
  agencyExists,
  allocatePetitionCode,
  insertPetition,
  loadPetitionEvents,
  petitionCodeByExternalId,
} from '../../store/petitions/petition-store.ts'
import { earlierPetitionRefusal } from './earlier-petition.ts'
import { markDossierComplaint } from './mark-dossier-complaint.ts'
import type { PetitionDeps } from './petition-deps.ts'

export type PetitionSubmission = {
  readonly channel: PetitionChannel
  readonly receivingAgencyId: string
  readonly category: PetitionCategory | null
  readonly title: string
  readonly content: string
  readonly petitioner: Petitioner
  readonly ownerUserId: string | null
  readonly consentToPublish: boolean
  readonly dossierCode: string | null
  /** Mã phản ánh trước đó: the earlier, answered petition this one follows up, if any. */
  readonly followsUp?: string | null
  /** The national portal's id of the petition, so a redelivery is received once. */
  readonly externalId?: string
}

export type SubmitOutcome =
  | {
      readonly kind: 'received'
      readonly petition: Petition
      readonly dueAt: string | null
      readonly duplicate: boolean
    }
  | { readonly kind: 'agencyNotFound' }
  | { readonly kind: 'dossierNotFound' }
  | { readonly kind: 'earlierNotFound' }
  | { readonly kind: 'earlierNotAnswered' }

class Abort extends Error {
  readonly outcome: SubmitOutcome
  constructor(outcome: SubmitOutcome) {
    super(outcome.kind)
    this.outcome = outcome
  }
}

/**
 * Tiếp nhận phản ánh, kiến nghị (Decree 20/2008 Art. 9): allocates the day's PAKN code, records the
 * reception event, its audit entry and, when it concerns a dossier, the dossier's complaint fact,
 * all in one transaction. `actor` names who received it, for the audit log.
 */
export async function submitPetition(
  deps: PetitionDeps,
  input: PetitionSubmission,
  actor: string,
): Promise<SubmitOutcome> {
  const now = deps.now()
  try {
    return await deps.db.transaction().execute(async (tx) => {
      if (input.externalId !== undefined) {
        const known = await petitionCodeByExternalId(tx, input.externalId)
        if (known !== null) return { kind: 'received', ...(await existing(tx, deps, known)), duplicate: true }
      }
      if (!(await agencyExists(tx, input.receivingAgencyId))) return { kind: 'agencyNotFound' }
      if (input.followsUp !== undefined && input.followsUp !== null) {
        const refusal = await earlierPetitionRefusal(tx, null, input.followsUp)
        if (refusal !== null) return { kind: refusal } as const
      }
      if (input.dossierCode !== null && !(await markDossierComplaint(tx, input.dossierCode)))
        throw new Abort({ kind: 'dossierNotFound' })
      const code = await allocatePetitionCode(tx, now)
      const { externalId: _e, ...fields } = input
      const received: PetitionEvent = { type: 'received', at: now.toISOString(), code, ...fields }
      const petition = foldPetition([received]) as Petition
      const calendar = await deps.calendars.forAgencies(tx)
      const dueAt = answerDueAt(calendar(petition.agencyId), petition)
      await insertPetition(tx, petition, received, dueAt, input.externalId ?? null)
      await appendAudit(tx, {
        at: now,
        actor,
        action: 'petition.received',
        subject: `petition:${code}`,
        before: null,
        after: received,
      })
      return { kind: 'received', petition, dueAt, duplicate: false }
    })
  } catch (error) {
    if (error instanceof Abort) return error.outcome
    throw error
  }
}

async function existing(tx: PetitionDeps['db'], deps: PetitionDeps, code: string) {
  const petition = foldPetition(await loadPetitionEvents(tx, code)) as Petition
  const calendar = await deps.calendars.forAgencies(tx)
  return { petition, dueAt: answerDueAt(calendar(petition.agencyId), petition) }
}
