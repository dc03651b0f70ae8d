import type { EpochMs } from '../calendar/local-time.ts'
import { type Timeliness, timelinessOf } from '../dossier/deadlines.ts'
import type { Channel, DossierStatus, Satisfaction } from '../dossier/status.ts'

/** How a dossier stopped counting time; the first of done > stopped/refused > withdrawn (rules.md §6). */
export type DossierEnd = { readonly kind: 'done' | 'stopped' | 'withdrawn'; readonly at: EpochMs }

/**
 * Dữ liệu chỉ số của hồ sơ: what the indicators need to know about one received dossier, whether it
 * lives in motcua, was imported from a predecessor system, or was generated as demo history.
 * Every figure of rules.md §6 is a count or sum over these.
 */
export type DossierFacts = {
  readonly dossierId: string
  readonly code: string
  readonly origin: 'motcua' | 'import' | 'seed'
  readonly status: DossierStatus
  /** The processing (competent) agency: indicators count by processing unit (rules.md §1). */
  readonly agencyId: string
  readonly fieldId: string
  readonly procedureCode: string
  readonly channel: Channel
  readonly receivedAt: EpochMs
  /** Original appointment shifted by finished supplement pauses; null when the procedure has no fixed limit. */
  readonly deadlineAt: EpochMs | null
  readonly supplementRequests: number
  /** When a second supplement was requested: from then on the dossier counts as late. */
  readonly secondSupplementAt: EpochMs | null
  /** A supplement request still waiting for the applicant: the clock stopped at the request. */
  readonly pendingSupplementSince: EpochMs | null
  readonly end: DossierEnd | null
  /** Office minutes from reception to the end, pauses excluded; null while open. */
  readonly workingMinutes: number | null
  readonly feeVnd: number
  readonly paidOnline: boolean
  readonly resultIsDocument: boolean
  readonly eResult: boolean
  readonly digitized: boolean
  readonly reused: boolean
  readonly citizen: boolean
  readonly vneid: boolean
  /** The national portal acknowledged a version of this motcua dossier (indicator 1.4). */
  readonly portalSynced: boolean
  readonly rating: Satisfaction | null
  readonly complaint: boolean
  readonly apology: boolean
  /** Each workflow step's office minutes against its budget, for the time-reduction analysis. */
  readonly steps: readonly StepTime[]
}

export type StepTime = { readonly name: string; readonly minutes: number; readonly budgetMinutes: number }

/**
 * Early, on time or late as the indicators judge a finished dossier: more than one supplement request
 * is late whatever the dates; without a fixed limit there is nothing to be late against.
 */
export function factsTimeliness(f: DossierFacts): Timeliness | null {
  if (f.end === null) return null
  if (f.secondSupplementAt !== null) return 'late'
  if (f.deadlineAt === null) return 'on_time'
  return timelinessOf(f.end.at, f.deadlineAt)
}

/**
 * The instant from which the dossier is past its deadline, or null if it never is (as known now).
 * A supplement request pending since before the deadline stops the clock (rules.md §6).
 */
export function overdueSince(f: DossierFacts): EpochMs | null {
  const candidates = [f.deadlineAt, f.secondSupplementAt].filter((t): t is EpochMs => t !== null)
  if (candidates.length === 0) return null
  const since = Math.min(...candidates)
  if (f.secondSupplementAt === null && f.pendingSupplementSince !== null && f.pendingSupplementSince <= since)
    return null
  if (f.end !== null && f.end.at <= since) return null
  return since
}
