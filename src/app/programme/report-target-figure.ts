import type { ReportedFigure } from '../../domain/programme/programme-dashboard.ts'
import { mayReportTarget, type ProgrammeActor } from '../../domain/programme/task-actions.ts'
import { agencyExists } from '../../store/petitions/petition-store.ts'
import { findTarget, insertTargetReport } from '../../store/programme/programme-store.ts'
import { type EvidenceUpload, type KeptEvidence, keepEvidence } from './evidence.ts'
import type { ProgrammeDeps } from './programme-deps.ts'

export type TargetFigureInput = {
  readonly year: number
  readonly value: number
  readonly agencyId: string
  readonly note: string
  readonly evidence: EvidenceUpload
}

export type TargetFigureOutcome =
  | { readonly kind: 'done'; readonly figure: ReportedFigure }
  | { readonly kind: 'notFound' | 'forbidden' | 'notReported' | 'agencyNotFound' }
  | { readonly kind: 'badEvidence'; readonly reason: Extract<KeptEvidence, { ok: false }>['reason'] }

/**
 * Báo cáo kết quả chỉ tiêu: a unit's figure for a reported target, always with its evidence file; a
 * computed target cannot be reported (motcua's own figure is the only source of it). A unit that is
 * not in the directory is refused before anything is kept (no file, no row, no audit).
 */
export async function reportTargetFigure(
  deps: ProgrammeDeps,
  targetId: string,
  actor: ProgrammeActor,
  input: TargetFigureInput,
): Promise<TargetFigureOutcome> {
  const target = await findTarget(deps.db, targetId)
  if (target === null) return { kind: 'notFound' }
  if (target.source.kind !== 'reported') return { kind: 'notReported' }
  if (!mayReportTarget(target, actor)) return { kind: 'forbidden' }
  const unit = target.source.responsibleAgencyId ?? input.agencyId
  if (!(await agencyExists(deps.db, unit))) return { kind: 'agencyNotFound' }
  const kept = await keepEvidence(deps.storage, input.evidence)
  if (!kept.ok) return { kind: 'badEvidence', reason: kept.reason }
  const now = deps.now()
  const figure: ReportedFigure = {
    id: deps.newId(),
    targetKey: target.key,
    year: input.year,
    value: input.value,
    agencyId: unit,
    note: input.note,
    evidence: { sha256: kept.file.sha256, name: kept.file.name },
    reportedBy: actor.id,
    reportedAt: now.toISOString(),
  }
  await insertTargetReport(deps.db, target.programmeId, figure, kept.file, now)
  return { kind: 'done', figure }
}
