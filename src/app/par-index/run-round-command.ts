import { decideRound, type ParActor } from '../../domain/par-index/actions.ts'
import { foldRound, type ParRound } from '../../domain/par-index/round.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import { appendRoundEvent, loadRoundEvents, roundAssessments } from '../../store/par-index/par-index-store.ts'
import { figuresOfYear } from './figures-of-year.ts'
import type { ParIndexDeps } from './par-index-deps.ts'
import { resultsOf } from './scores-of-round.ts'

export type RoundOutcome =
  | { readonly kind: 'done'; readonly round: ParRound }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'refused' }
  | { readonly kind: 'conflict'; readonly version: number }

/**
 * Chốt điểm (lock): each unit's final answers (the council's over its own) and the year's figures
 * from the indicator counters are fixed in the round, so the published ranking never moves.
 * Công bố (publish): the locked ranking becomes visible to every officer. Both audited.
 */
export async function runRoundCommand(
  deps: ParIndexDeps,
  roundId: string,
  action: 'lock' | 'publish',
  actor: ParActor,
): Promise<RoundOutcome> {
  const now = deps.now()
  return deps.db.transaction().execute(async (tx) => {
    const before = foldRound(await loadRoundEvents(tx, roundId, true))
    if (before === null) return { kind: 'notFound' }
    const results =
      action === 'lock'
        ? resultsOf(before, await roundAssessments(tx, roundId), await figuresOfYear(tx, before.year, now))
        : []
    const decision = decideRound(before, action, actor, now, results)
    if (!decision.ok) return { kind: 'refused' }
    const after = foldRound([...(await loadRoundEvents(tx, roundId)), decision.event]) as ParRound
    if (!(await appendRoundEvent(tx, after, decision.event, before.version)))
      return { kind: 'conflict', version: before.version }
    await appendAudit(tx, {
      at: now,
      actor: actor.id,
      action: `par-index.${decision.event.type}`,
      subject: `par-round:${roundId}`,
      before: { status: before.status, version: before.version },
      after: { status: after.status, version: after.version, units: results.length },
    })
    return { kind: 'done', round: after }
  })
}
