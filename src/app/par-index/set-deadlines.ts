import { type DeadlinesRefusal, decideDeadlines, type ParActor } from '../../domain/par-index/actions.ts'
import { foldRound, type ParRound } from '../../domain/par-index/round.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import { appendRoundEvent, loadRoundEvents } from '../../store/par-index/par-index-store.ts'
import type { ParIndexDeps } from './par-index-deps.ts'

export type DeadlinesOutcome =
  | { readonly kind: 'done'; readonly round: ParRound }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'refused'; readonly refusal: DeadlinesRefusal }
  | { readonly kind: 'conflict' }

/** Gia hạn: the provincial administrator moves a round's deadlines (rules.md, PAR index). Audited. */
export async function setDeadlines(
  deps: ParIndexDeps,
  roundId: string,
  deadlines: { readonly selfAssessmentDeadline: string; readonly explanationDeadline: string },
  actor: ParActor,
  expectedVersion?: number,
): Promise<DeadlinesOutcome> {
  const now = deps.now()
  return deps.db.transaction().execute(async (tx) => {
    const events = await loadRoundEvents(tx, roundId, true)
    const before = foldRound(events)
    if (before === null) return { kind: 'notFound' }
    if (expectedVersion !== undefined && expectedVersion !== before.version) return { kind: 'conflict' }
    const decision = decideDeadlines(
      before,
      actor,
      now,
      deadlines.selfAssessmentDeadline,
      deadlines.explanationDeadline,
    )
    if (!decision.ok) return { kind: 'refused', refusal: decision.refusal }
    const after = foldRound([...events, decision.event]) as ParRound
    if (!(await appendRoundEvent(tx, after, decision.event, before.version))) return { kind: 'conflict' }
    await appendAudit(tx, {
      at: now,
      actor: actor.id,
      action: 'par-index.deadlines-set',
      subject: `par-round:${roundId}`,
      before: {
        selfAssessmentDeadline: before.selfAssessmentDeadline,
        explanationDeadline: before.explanationDeadline,
      },
      after: { selfAssessmentDeadline: after.selfAssessmentDeadline, explanationDeadline: after.explanationDeadline },
    })
    return { kind: 'done', round: after }
  })
}
