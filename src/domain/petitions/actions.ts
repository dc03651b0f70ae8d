import { type Petition, type PetitionCategory, type PetitionEvent, PetitionStatus } from './petition.ts'

/** What one may do to a petition; `availableActions` is the one gate. */
export const PetitionAction = {
  Classify: 'classify',
  Refuse: 'refuse',
  RequestSupplement: 'request-supplement',
  Supplement: 'supplement',
  Assign: 'assign',
  Answer: 'answer',
  ConsentToPublish: 'consent-to-publish',
  Rate: 'rate',
  LinkDossier: 'link-dossier',
  /** Đánh dấu là phản ánh lặp lại: the petition follows up an earlier one's answer. */
  MarkFollowUp: 'mark-follow-up',
} as const
export type PetitionAction = (typeof PetitionAction)[keyof typeof PetitionAction]

/** Who acts: the petitioner (by their account) or staff with roles at agencies. */
export type PetitionActor =
  | { readonly kind: 'petitioner'; readonly id: string }
  | { readonly kind: 'staff'; readonly id: string; readonly grants: readonly { role: string; agencyId: string }[] }

export type PetitionCommand =
  | { readonly action: 'classify'; readonly category: PetitionCategory }
  | { readonly action: 'refuse'; readonly reason: string }
  | { readonly action: 'request-supplement'; readonly items: string }
  | { readonly action: 'supplement'; readonly content: string }
  | { readonly action: 'assign'; readonly agencyId: string }
  | { readonly action: 'answer'; readonly answer: string }
  | { readonly action: 'consent-to-publish'; readonly consent: boolean }
  | { readonly action: 'rate'; readonly satisfied: boolean }
  | { readonly action: 'link-dossier'; readonly dossierCode: string }
  | { readonly action: 'mark-follow-up'; readonly followsUp: string }

export type PetitionDecision =
  | { readonly ok: true; readonly event: PetitionEvent }
  | { readonly ok: false; readonly refusal: 'notAllowed' | 'sameAgency' }

const handlers = ['counter_officer', 'specialist', 'leader', 'clerk']
const answerers = ['specialist', 'leader']

const holds = (actor: PetitionActor, agencyId: string, roles: readonly string[]) =>
  actor.kind === 'staff' && actor.grants.some((g) => g.agencyId === agencyId && roles.includes(g.role))

function staffActions(p: Petition, actor: PetitionActor): PetitionAction[] {
  const open = p.status !== PetitionStatus.Refused && p.status !== PetitionStatus.Answered
  if (!open || !holds(actor, p.agencyId, handlers)) return []
  const actions: PetitionAction[] = [PetitionAction.Classify]
  if (p.dossierCode === null) actions.push(PetitionAction.LinkDossier)
  if (p.followsUp === null) actions.push(PetitionAction.MarkFollowUp)
  if (p.status === PetitionStatus.Received || p.status === PetitionStatus.SupplementRequested)
    actions.push(PetitionAction.Refuse)
  if (p.status === PetitionStatus.Received) actions.push(PetitionAction.RequestSupplement)
  if (p.status === PetitionStatus.SupplementRequested && holds(actor, p.receivingAgencyId, ['counter_officer']))
    actions.push(PetitionAction.Supplement)
  if (p.status === PetitionStatus.Received || p.status === PetitionStatus.Assigned) actions.push(PetitionAction.Assign)
  if (p.status === PetitionStatus.Assigned && holds(actor, p.agencyId, answerers)) actions.push(PetitionAction.Answer)
  return actions
}

function petitionerActions(p: Petition, actor: PetitionActor): PetitionAction[] {
  if (actor.kind !== 'petitioner' || p.ownerUserId !== actor.id || p.status === PetitionStatus.Refused) return []
  const actions: PetitionAction[] = [PetitionAction.ConsentToPublish]
  if (p.status === PetitionStatus.SupplementRequested) actions.push(PetitionAction.Supplement)
  if (p.status === PetitionStatus.Answered && p.satisfied === null) actions.push(PetitionAction.Rate)
  return actions
}

/**
 * What `actor` may do now. Staff of the agency holding the petition classify, route, refuse or ask
 * for a supplement; only a specialist or leader of the responsible agency answers (Decree 20/2008
 * Art. 14); the petitioner supplements, consents to publication (Art. 19) and rates the answer.
 */
export function availableActions(p: Petition, actor: PetitionActor): PetitionAction[] {
  return [...staffActions(p, actor), ...petitionerActions(p, actor)]
}

/** The event a command produces, or why it is refused; time is passed in. */
export function decide(p: Petition, command: PetitionCommand, actor: PetitionActor, now: Date): PetitionDecision {
  if (!availableActions(p, actor).includes(command.action)) return { ok: false, refusal: 'notAllowed' }
  const at = now.toISOString()
  const by = actor.id
  switch (command.action) {
    case 'classify':
      return { ok: true, event: { type: 'classified', at, actor: by, category: command.category } }
    case 'refuse':
      return { ok: true, event: { type: 'refused', at, actor: by, reason: command.reason } }
    case 'request-supplement':
      return { ok: true, event: { type: 'supplement-requested', at, actor: by, items: command.items } }
    case 'supplement':
      return { ok: true, event: { type: 'supplemented', at, actor: by, content: command.content } }
    case 'assign':
      if (command.agencyId === p.agencyId) return { ok: false, refusal: 'sameAgency' }
      return { ok: true, event: { type: 'assigned', at, actor: by, agencyId: command.agencyId } }
    case 'answer':
      return { ok: true, event: { type: 'answered', at, actor: by, answer: command.answer } }
    case 'consent-to-publish':
      return { ok: true, event: { type: 'publication-consent', at, actor: by, consent: command.consent } }
    case 'rate':
      return { ok: true, event: { type: 'rated', at, actor: by, satisfied: command.satisfied } }
    case 'link-dossier':
      return { ok: true, event: { type: 'dossier-linked', at, actor: by, dossierCode: command.dossierCode } }
    case 'mark-follow-up':
      return { ok: true, event: { type: 'follow-up-marked', at, actor: by, followsUp: command.followsUp } }
  }
}

/** Why a petition cannot follow up `earlier`: it must exist, be another petition, and be answered. */
export type FollowUpRefusal = 'earlierNotFound' | 'earlierNotAnswered'

/**
 * Whether the petition coded `code` may follow up `earlier` (null when no petition has that code): a
 * repeat is about an answer (766 formula, 5.3: "tiếp tục có phản ánh … về kết quả giải quyết"), so the
 * earlier petition must be answered; a petition never follows up itself.
 */
export function followUpRefusal(code: string | null, earlier: Petition | null): FollowUpRefusal | null {
  if (earlier === null || earlier.code === code) return 'earlierNotFound'
  return earlier.status === PetitionStatus.Answered ? null : 'earlierNotAnswered'
}
