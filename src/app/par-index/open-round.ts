import { localDate } from '../../domain/calendar/local-time.ts'
import { mayOpenRound, type ParActor } from '../../domain/par-index/actions.ts'
import { type CriteriaSet, criteriaSetProblems } from '../../domain/par-index/criteria-set.ts'
import { emptyAssessment, foldRound, type ParRound, type RoundEvent, roundId } from '../../domain/par-index/round.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import { existingUsers, insertRound, roundExists, unitsOfKind } from '../../store/par-index/par-index-store.ts'
import type { ParIndexDeps } from './par-index-deps.ts'

export type OpenRound = {
  readonly criteriaSet: CriteriaSet
  readonly council: readonly string[]
  readonly selfAssessmentDeadline: string
  readonly explanationDeadline: string
}

export type OpenOutcome =
  | { readonly kind: 'done'; readonly round: ParRound }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'exists' }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] }

const agencyKindOf = { department: 'department', commune: 'commune_committee' } as const

/**
 * Mở kỳ đánh giá: the provincial administrator opens a year for one kind of unit with its criteria
 * set (frozen from now on), its appraisal council and its deadlines; every unit of that kind gets an
 * empty assessment. Audited.
 */
export async function openRound(deps: ParIndexDeps, command: OpenRound, actor: ParActor): Promise<OpenOutcome> {
  if (!mayOpenRound(actor)) return { kind: 'forbidden' }
  const now = deps.now()
  const problems = criteriaSetProblems(command.criteriaSet)
  const self = Date.parse(command.selfAssessmentDeadline)
  const explanation = Date.parse(command.explanationDeadline)
  if (!(self > now.getTime())) problems.push('selfAssessmentDeadline: must be in the future')
  if (!(explanation > self)) problems.push('explanationDeadline: must be after selfAssessmentDeadline')
  if (command.council.length === 0) problems.push('council: at least one member')
  const known = await existingUsers(deps.db, command.council)
  for (const id of command.council) if (!known.has(id)) problems.push(`council: no account ${id}`)
  if (problems.length > 0) return { kind: 'invalid', problems }
  const id = roundId(command.criteriaSet.year, command.criteriaSet.unitKind)
  return deps.db.transaction().execute(async (tx) => {
    if (await roundExists(tx, id)) return { kind: 'exists' }
    const units = await unitsOfKind(tx, agencyKindOf[command.criteriaSet.unitKind], localDate(now))
    const event: RoundEvent = {
      type: 'opened',
      at: now.toISOString(),
      actor: actor.id,
      criteriaSet: command.criteriaSet,
      units,
      council: [...new Set(command.council)],
      selfAssessmentDeadline: new Date(self).toISOString(),
      explanationDeadline: new Date(explanation).toISOString(),
    }
    const round = foldRound([event]) as ParRound
    await insertRound(
      tx,
      round,
      event,
      units.map((u) => emptyAssessment(id, u.id)),
    )
    await appendAudit(tx, {
      at: now,
      actor: actor.id,
      action: 'par-index.opened',
      subject: `par-round:${id}`,
      before: null,
      after: { ...event, criteriaSet: { year: command.criteriaSet.year, unitKind: command.criteriaSet.unitKind } },
    })
    return { kind: 'done', round }
  })
}
