import { createHash } from 'node:crypto'
import { detectType } from '../../domain/files/detect-type.ts'
import { sanitizeDisplayName } from '../../domain/files/display-name.ts'
import { canSeeAssessment, isUnitStaff, type ParActor } from '../../domain/par-index/actions.ts'
import { foldRound, RoundStatus } from '../../domain/par-index/round.ts'
import { appendAudit } from '../../store/audit/audit-log.ts'
import {
  type EvidenceRow,
  loadAssessment,
  loadRoundEvents,
  recordEvidence,
} from '../../store/par-index/par-index-store.ts'
import type { ParIndexDeps } from './par-index-deps.ts'

export type EvidenceOutcome =
  | { readonly kind: 'done'; readonly evidence: EvidenceRow }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'closed' }
  | { readonly kind: 'unsupported' }
  | { readonly kind: 'tooLarge' }
  | { readonly kind: 'empty' }

/**
 * Tài liệu kiểm chứng: a unit's staff upload an evidence file (PDF, JPEG or PNG, detected from the
 * content) while the round is open; it is kept once by its SHA-256 in the file storage, listed for
 * the unit and audited. The bytes are stored before the row, so a listed file is always there.
 */
export async function uploadEvidence(
  deps: ParIndexDeps,
  roundId: string,
  unitId: string,
  file: { readonly bytes: Uint8Array; readonly name: string | null },
  actor: ParActor,
): Promise<EvidenceOutcome> {
  const now = deps.now()
  const round = foldRound(await loadRoundEvents(deps.db, roundId))
  if (round === null || (await loadAssessment(deps.db, roundId, unitId)) === null) return { kind: 'notFound' }
  if (!isUnitStaff(unitId, actor) || !canSeeAssessment(round, unitId, actor, now)) return { kind: 'forbidden' }
  if (round.status !== RoundStatus.Open) return { kind: 'closed' }
  if (file.bytes.length === 0) return { kind: 'empty' }
  if (file.bytes.length > deps.maxEvidenceBytes) return { kind: 'tooLarge' }
  const mediaType = detectType(file.bytes.subarray(0, 8))
  if (mediaType === null) return { kind: 'unsupported' }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex')
  await deps.storage.put(sha256, file.bytes, { size: file.bytes.length, mediaType })
  const evidence: EvidenceRow = {
    sha256,
    name: sanitizeDisplayName(file.name),
    mediaType,
    size: file.bytes.length,
    uploadedBy: actor.id,
    uploadedAt: now,
  }
  await deps.db.transaction().execute(async (tx) => {
    if (await recordEvidence(tx, roundId, unitId, evidence))
      await appendAudit(tx, {
        at: now,
        actor: actor.id,
        action: 'par-index.evidence-uploaded',
        subject: `par-assessment:${roundId}:${unitId}`,
        before: null,
        after: { sha256, name: evidence.name, mediaType, size: evidence.size },
      })
  })
  return { kind: 'done', evidence }
}
