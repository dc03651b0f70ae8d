import { type WorkingCalendar, workingTimeBetween } from '../calendar/working-calendar.ts'
import type { ProcedureVersion } from '../catalog/procedure.ts'
import { kpiDeadline } from '../dossier/deadlines.ts'
import type { Dossier } from '../dossier/state.ts'
import { DossierStatus } from '../dossier/status.ts'
import type { DossierEnd, DossierFacts } from './facts.ts'

/**
 * What motcua knows besides the event log: whether a signed e-result was issued before the e-result
 * became an event (the `electronic-result-issued` event counts too), whether the portal acknowledged it,
 * and whether a petition (phản ánh, kiến nghị) concerns the dossier: a petition linked to it marks the
 * complaint (indicator 5.4), and no later command of the dossier unmarks it.
 */
export type OutsideFacts = {
  readonly eResult: boolean
  /** The national portal acknowledged a version of the dossier (kept in the facts, indicator 1.4). */
  readonly portalSynced: boolean
  /** A petition concerns the dossier (kept in the facts, indicator 5.4). */
  readonly complaint?: boolean
}

function endOf(d: Dossier): DossierEnd | null {
  if (d.endedAt === null) return null
  if (d.result !== null || d.status === DossierStatus.Done || d.status === DossierStatus.Returned)
    return { kind: 'done', at: d.endedAt }
  if (d.status === DossierStatus.Withdrawn) return { kind: 'withdrawn', at: d.endedAt }
  return { kind: 'stopped', at: d.endedAt }
}

/** The parts of a procedure version the indicators read. */
export type ProcedureKpiTerms = Pick<ProcedureVersion, 'fieldId' | 'resultKind' | 'fees'>

const fixedFees = (v: ProcedureKpiTerms) => v.fees.reduce((sum, f) => sum + (f.amountVnd ?? 0), 0)

/** The indicator facts of a motcua dossier; null until it is received (only received dossiers count). */
export function factsOfDossier(
  dossierId: string,
  d: Dossier,
  procedure: ProcedureKpiTerms,
  calendar: (agencyId: string) => WorkingCalendar,
  outside: OutsideFacts,
): DossierFacts | null {
  if (d.receivedAt === null || d.code === null || d.processingAgencyId === null) return null
  const cal = calendar(d.processingAgencyId)
  const end = endOf(d)
  const receivedAt = d.receivedAt
  const components = d.components
  const eResult = outside.eResult || (d.electronicResult ?? null) !== null
  return {
    dossierId,
    code: d.code,
    origin: 'motcua',
    status: d.status,
    agencyId: d.processingAgencyId,
    fieldId: procedure.fieldId,
    procedureCode: d.procedure.code,
    channel: d.channel,
    receivedAt,
    deadlineAt: kpiDeadline({ calendar }, d),
    supplementRequests: d.supplementRequests.length,
    secondSupplementAt: d.supplementRequests[1]?.at ?? null,
    pendingSupplementSince: d.status === DossierStatus.SupplementRequested ? d.pausedSince : null,
    end,
    workingMinutes: end === null ? null : Math.max(0, workingTimeBetween(cal, receivedAt, end.at) - d.pausedMinutes),
    feeVnd: Math.max(d.payment?.amountVnd ?? 0, fixedFees(procedure)),
    paidOnline: d.payment?.paidAt != null && d.payment.online === true,
    resultIsDocument: procedure.resultKind === 'document',
    eResult,
    // 4.2: every component has a file, and an e-result where the result is a paper document.
    digitized:
      components.length > 0 &&
      components.every((c) => c.fileRef !== null) &&
      (eResult || procedure.resultKind !== 'document'),
    reused: components.some((c) => c.reused === true),
    citizen: d.applicant.kind === 'citizen',
    vneid: d.applicant.vneid,
    portalSynced: outside.portalSynced,
    rating: d.rating?.satisfaction ?? null,
    complaint: outside.complaint ?? false,
    apology: d.apology !== null,
    steps: d.steps
      .filter((s) => s.endedAt !== null)
      .map((s) => ({
        name: s.name,
        minutes: workingTimeBetween(calendar(s.agencyId), s.startedAt, s.endedAt ?? s.startedAt),
        budgetMinutes: workingTimeBetween(calendar(s.agencyId), s.startedAt, s.dueAt),
      })),
  }
}
