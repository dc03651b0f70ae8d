import type { Grant } from '../access/principal.ts'
import { leavesOf } from './criteria-set.ts'
import {
  type AssessmentEvent,
  type Comments,
  type LockedResult,
  type ParRound,
  type RoundEvent,
  RoundStatus,
  type UnitAssessment,
} from './round.ts'
import { type Answers, answerableLeaves } from './scoring.ts'

/** What one may do in a round; `availableActions` is the one gate. */
export const ParAction = {
  /** Tự đánh giá, chấm điểm: the unit, before the deadline */
  SelfAssess: 'self-assess',
  /** Thẩm định: the council, after the deadline, until locked */
  Appraise: 'appraise',
  /** Giải trình: the unit, once, after an appraisal and before the explanation deadline */
  Explain: 'explain',
  /** Chốt điểm: the council or the provincial administrator, after the explanation deadline */
  Lock: 'lock',
  /** Công bố: the provincial administrator, once locked */
  Publish: 'publish',
  /** Gia hạn: the provincial administrator moves the deadlines, while the explanation window is ahead */
  SetDeadlines: 'set-deadlines',
} as const
export type ParAction = (typeof ParAction)[keyof typeof ParAction]

export type ParActor = { readonly id: string; readonly grants: readonly Grant[] }

/** Roles of a unit's own staff who prepare its self-assessment. */
const unitRoles: readonly string[] = ['leader', 'specialist', 'agency_admin']

export const isProvincialAdmin = (actor: ParActor) => actor.grants.some((g) => g.role === 'provincial_admin')
export const isCouncil = (round: ParRound, actor: ParActor) => round.council.includes(actor.id)
export const isUnitStaff = (unitId: string, actor: ParActor) =>
  actor.grants.some((g) => g.agencyId === unitId && unitRoles.includes(g.role))

const before = (now: Date, iso: string) => now.getTime() < Date.parse(iso)

/**
 * Whether `actor` may see a unit's assessment: its own staff always; the council and the provincial
 * administrator once the self-assessment deadline has passed.
 */
export function canSeeAssessment(round: ParRound, unitId: string, actor: ParActor, now: Date): boolean {
  if (isUnitStaff(unitId, actor)) return true
  return (isCouncil(round, actor) || isProvincialAdmin(actor)) && !before(now, round.selfAssessmentDeadline)
}

/**
 * Whether `actor` may follow the units' progress (whether and when each self-assessed, was appraised,
 * explained — no answers, no scores): the council and the provincial administrator, at any time.
 */
export const canSeeProgress = (round: ParRound, actor: ParActor) => isCouncil(round, actor) || isProvincialAdmin(actor)

/** What `actor` may do to this unit's assessment (or, with `unit` null, to the round) at `now`. */
export function availableActions(
  round: ParRound,
  unit: UnitAssessment | null,
  actor: ParActor,
  now: Date,
): ParAction[] {
  const open = round.status === RoundStatus.Open
  const afterDeadline = !before(now, round.selfAssessmentDeadline)
  const actions: ParAction[] = []
  if (unit !== null && open && round.units.some((u) => u.id === unit.unitId)) {
    if (isUnitStaff(unit.unitId, actor) && !afterDeadline) actions.push(ParAction.SelfAssess)
    if (isCouncil(round, actor) && afterDeadline) actions.push(ParAction.Appraise)
    if (
      isUnitStaff(unit.unitId, actor) &&
      unit.appraisedAt !== null &&
      unit.explainedAt === null &&
      before(now, round.explanationDeadline)
    )
      actions.push(ParAction.Explain)
  }
  if (unit === null) {
    if (open && !before(now, round.explanationDeadline) && (isCouncil(round, actor) || isProvincialAdmin(actor)))
      actions.push(ParAction.Lock)
    if (round.status === RoundStatus.Locked && isProvincialAdmin(actor)) actions.push(ParAction.Publish)
    if (open && before(now, round.explanationDeadline) && isProvincialAdmin(actor)) actions.push(ParAction.SetDeadlines)
  }
  return actions
}

export type AssessmentCommand =
  | { readonly action: 'self-assess'; readonly answers: Answers; readonly note: string }
  | { readonly action: 'appraise'; readonly answers: Answers; readonly comments: Comments }
  | { readonly action: 'explain'; readonly explanation: string }

export type ParRefusal = 'notAllowed' | 'unknownLeaf' | 'wrongAnswer' | 'evidenceMissing'

export type AssessmentDecision =
  | { readonly ok: true; readonly event: AssessmentEvent }
  | { readonly ok: false; readonly refusal: ParRefusal; readonly leaf?: string }

const answerKind = { self_assessed: 'level', counted: 'count', bonus: 'points', penalty: 'points' } as const

/**
 * Checks answers against the frozen set: each names a leaf a unit answers, has the kind its method
 * takes, and — from the unit — carries evidence (penalties are the council's, without evidence).
 */
function answersProblem(round: ParRound, answers: Answers, fromUnit: boolean): AssessmentDecision | null {
  const leaves = new Map(answerableLeaves(round.criteriaSet).map((l) => [l.code, l]))
  for (const [code, answer] of Object.entries(answers)) {
    const leaf = leaves.get(code)
    if (leaf === undefined) return { ok: false, refusal: 'unknownLeaf', leaf: code }
    const kind = answerKind[leaf.method.kind as keyof typeof answerKind]
    if (answer.kind !== kind) return { ok: false, refusal: 'wrongAnswer', leaf: code }
    if (
      answer.kind === 'level' &&
      leaf.method.kind === 'self_assessed' &&
      !leaf.method.levels.some((l) => l.code === answer.level)
    )
      return { ok: false, refusal: 'wrongAnswer', leaf: code }
    if (fromUnit && leaf.method.kind === 'penalty') return { ok: false, refusal: 'notAllowed', leaf: code }
    if (fromUnit && answer.evidence.length === 0) return { ok: false, refusal: 'evidenceMissing', leaf: code }
  }
  return null
}

/** The event a command on a unit's assessment produces, or why it is refused; time is passed in. */
export function decideAssessment(
  round: ParRound,
  unit: UnitAssessment,
  command: AssessmentCommand,
  actor: ParActor,
  now: Date,
): AssessmentDecision {
  if (!availableActions(round, unit, actor, now).includes(command.action)) return { ok: false, refusal: 'notAllowed' }
  const at = now.toISOString()
  switch (command.action) {
    case 'self-assess':
      return (
        answersProblem(round, command.answers, true) ?? {
          ok: true,
          event: { type: 'self-assessed', at, actor: actor.id, answers: command.answers, note: command.note },
        }
      )
    case 'appraise': {
      const codes = new Set(leavesOf(round.criteriaSet).map((l) => l.code))
      const unknown = Object.keys(command.comments).find((c) => !codes.has(c))
      if (unknown !== undefined) return { ok: false, refusal: 'unknownLeaf', leaf: unknown }
      return (
        answersProblem(round, command.answers, false) ?? {
          ok: true,
          event: { type: 'appraised', at, actor: actor.id, answers: command.answers, comments: command.comments },
        }
      )
    }
    case 'explain':
      return { ok: true, event: { type: 'explained', at, actor: actor.id, explanation: command.explanation } }
  }
}

/** Mở kỳ đánh giá: the provincial administrator opens a year for a kind of unit. */
export const mayOpenRound = (actor: ParActor) => isProvincialAdmin(actor)

/**
 * Who sees the ranking: once published, every officer; once locked, the council and the provincial
 * administrator; before, the council and the administrator see the live (provisional) standings
 * after the self-assessment deadline.
 */
export function canSeeRanking(round: ParRound, actor: ParActor, now: Date): boolean {
  if (round.status === RoundStatus.Published) return actor.grants.length > 0
  return (isCouncil(round, actor) || isProvincialAdmin(actor)) && !before(now, round.selfAssessmentDeadline)
}

/** The event locking or publishing a round, or why not. */
export function decideRound(
  round: ParRound,
  action: 'lock' | 'publish',
  actor: ParActor,
  now: Date,
  results: LockedResult[],
): { ok: true; event: RoundEvent } | { ok: false; refusal: 'notAllowed' } {
  if (!availableActions(round, null, actor, now).includes(action)) return { ok: false, refusal: 'notAllowed' }
  const at = now.toISOString()
  return action === 'lock'
    ? { ok: true, event: { type: 'locked', at, actor: actor.id, results } }
    : { ok: true, event: { type: 'published', at, actor: actor.id } }
}

/** Why new deadlines are refused: not allowed now, or which rule they break. */
export type DeadlinesRefusal = 'notAllowed' | 'selfPassed' | 'selfInPast' | 'explanationOrder'

/**
 * Gia hạn: the provincial administrator moves the deadlines of an open round before its explanation
 * deadline. A self-assessment deadline already passed stays as it was (the council may have begun);
 * one still ahead moves only to a later instant than now; the explanation deadline stays after it.
 */
export function decideDeadlines(
  round: ParRound,
  actor: ParActor,
  now: Date,
  selfAssessmentDeadline: string,
  explanationDeadline: string,
): { ok: true; event: RoundEvent } | { ok: false; refusal: DeadlinesRefusal } {
  if (!availableActions(round, null, actor, now).includes(ParAction.SetDeadlines))
    return { ok: false, refusal: 'notAllowed' }
  const self = Date.parse(selfAssessmentDeadline)
  const explanation = Date.parse(explanationDeadline)
  const selfPassed = !before(now, round.selfAssessmentDeadline)
  if (selfPassed && self !== Date.parse(round.selfAssessmentDeadline)) return { ok: false, refusal: 'selfPassed' }
  if (!selfPassed && !(self > now.getTime())) return { ok: false, refusal: 'selfInPast' }
  if (!(explanation > self)) return { ok: false, refusal: 'explanationOrder' }
  return {
    ok: true,
    event: {
      type: 'deadlines-set',
      at: now.toISOString(),
      actor: actor.id,
      selfAssessmentDeadline: new Date(self).toISOString(),
      explanationDeadline: new Date(explanation).toISOString(),
    },
  }
}
