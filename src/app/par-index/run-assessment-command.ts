import {
  type AssessmentCommand,
  decideAssessment,
  type ParActor,
  type ParRefusal,
} from '../../domain/par-index/actions.ts'
import { applyAssessment, foldRound, type UnitAssessment } from '../../domain/par-index/round.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import {
  appendAssessmentEvent,
  evidenceOf,
  loadAssessment,
  loadRoundEvents,
} from '../../store/par-index/par-index-store.ts'
import type { ParIndexDeps } from './par-index-deps.ts'

export type AssessmentOutcome =
  | { readonly kind: 'done'; readonly assessment: UnitAssessment }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'refused'; readonly refusal: ParRefusal | 'unknownEvidence'; readonly leaf?: string }
  | { readonly kind: 'conflict'; readonly version: number }

/**
 * Runs a self-assessment, an appraisal or an explanation on one unit's assessment with the round
 * and the assessment locked: the domain decides (availableActions is the gate), the evidence named
 * must be files the unit uploaded to this round, then the event, the projection and the audit entry
 * are written together.
 */
export async function runAssessmentCommand(
  deps: ParIndexDeps,
  roundId: string,
  unitId: string,
  command: AssessmentCommand,
  actor: ParActor,
  expectedVersion?: number,
): Promise<AssessmentOutcome> {
  const now = deps.now()
  return deps.db.transaction().execute(async (tx) => {
    const round = foldRound(await loadRoundEvents(tx, roundId, true))
    const before = round === null ? null : await loadAssessment(tx, roundId, unitId, true)
    if (round === null || before === null) return { kind: 'notFound' }
    if (expectedVersion !== undefined && expectedVersion !== before.version)
      return { kind: 'conflict', version: before.version }
    const decision = decideAssessment(round, before, command, actor, now)
    if (!decision.ok) return { kind: 'refused', refusal: decision.refusal, leaf: decision.leaf }
    if ('answers' in decision.event) {
      const uploaded = new Set((await evidenceOf(tx, roundId, unitId)).map((e) => e.sha256))
      const unknown = Object.entries(decision.event.answers).find(([, a]) => a.evidence.some((s) => !uploaded.has(s)))
      if (unknown !== undefined) return { kind: 'refused', refusal: 'unknownEvidence', leaf: unknown[0] }
    }
    const after = applyAssessment(before, decision.event)
    if (!(await appendAssessmentEvent(tx, after, decision.event, before.version)))
      return { kind: 'conflict', version: before.version }
    await appendAudit(tx, {
      at: now,
      actor: actor.id,
      action: `par-index.${decision.event.type}`,
      subject: `par-assessment:${roundId}:${unitId}`,
      before: { version: before.version, selfAssessedAt: before.selfAssessedAt, appraisedAt: before.appraisedAt },
      after: decision.event,
    })
    return { kind: 'done', assessment: after }
  })
}
