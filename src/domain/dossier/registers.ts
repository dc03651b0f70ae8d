import type { EpochMs } from '../calendar/local-time.ts'
import { stepTimeliness, type Timeliness } from './deadlines.ts'
import type { Dossier } from './state.ts'

/** Phiếu kiểm soát quá trình giải quyết hồ sơ (form 06): one row per handover. */
export type ControlSheetRow = {
  readonly phase: string
  readonly agencyId: string
  readonly step: string
  readonly handedAt: EpochMs
  readonly handedBy: string
  readonly dueAt: EpochMs
  readonly receivedBy: string | null
  readonly finishedAt: EpochMs | null
  readonly timeliness: Timeliness | null
}

export function controlSheet(d: Dossier): ControlSheetRow[] {
  return d.steps.map((s) => ({
    phase: s.phase,
    agencyId: s.agencyId,
    step: s.name,
    handedAt: s.startedAt,
    handedBy: s.handedBy.name,
    dueAt: s.dueAt,
    receivedBy: s.endedBy?.name ?? null,
    finishedAt: s.endedAt,
    timeliness: stepTimeliness(s),
  }))
}

/** Sổ theo dõi hồ sơ (form 07): the dossier's row in the tracking book of its receiving unit. */
export type TrackingBookRow = {
  readonly code: string | null
  readonly procedureCode: string
  readonly sets: number
  readonly applicant: string
  readonly contact: string
  readonly leadAgencyId: string | null
  readonly receivedAt: EpochMs | null
  readonly appointmentAt: EpochMs | null
  readonly sentToAgencyAt: EpochMs | null
  readonly resultReceivedAt: EpochMs | null
  readonly returnedAt: EpochMs | null
  readonly notes: string
}

export function trackingBookRow(d: Dossier): TrackingBookRow {
  const transfer = d.steps.find((s) => s.phase === 'appraisal')
  return {
    code: d.code,
    procedureCode: d.procedure.code,
    sets: 1,
    applicant: d.applicant.name,
    contact: [d.applicant.address, d.applicant.phone].filter(Boolean).join(' · '),
    leadAgencyId: d.processingAgencyId,
    receivedAt: d.receivedAt,
    appointmentAt: d.appointmentAt,
    sentToAgencyAt: transfer?.startedAt ?? null,
    resultReceivedAt: d.result?.issuedAt ?? null,
    returnedAt: d.returned?.at ?? null,
    notes: [
      d.apology ? `Hẹn lại: ${d.apology.reason}` : '',
      d.supplementRequests.length > 0 ? `Bổ sung ${d.supplementRequests.length} lần` : '',
      d.closing ? d.closing.reason : '',
    ]
      .filter(Boolean)
      .join('; '),
  }
}
