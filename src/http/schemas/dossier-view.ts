import { type Static, Type } from 'typebox'
import { formatInstant } from '../../domain/calendar/local-time.ts'
import type { Actor } from '../../domain/dossier/actor.ts'
import type { DecisionContext } from '../../domain/dossier/context.ts'
import { dossierTimeliness, kpiDeadline, urgencyOf } from '../../domain/dossier/deadlines.ts'
import type { DossierEvent } from '../../domain/dossier/events.ts'
import { availableActions } from '../../domain/dossier/permissions.ts'
import { controlSheet } from '../../domain/dossier/registers.ts'
import { currentStep, type Dossier } from '../../domain/dossier/state.ts'

const Instant = Type.Union([Type.String({ description: 'ISO 8601 with +07:00' }), Type.Null()])
const ActorView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.String(),
  agencyId: Type.Union([Type.String(), Type.Null()]),
})

/** A dossier as its viewer sees it: state, deadlines, timeline, control sheet and what they may do next. */
export const DossierView = Type.Object({
  id: Type.String(),
  code: Type.Union([Type.String(), Type.Null()], { description: 'UNITCODE-YYMMDD-XXXX, from reception on' }),
  version: Type.Integer({ description: 'Send it back as expectedVersion with the next command' }),
  status: Type.Integer({ minimum: 1, maximum: 10, description: 'National status code (rules.md §1)' }),
  procedure: Type.Object({ code: Type.String(), version: Type.Integer() }),
  channel: Type.Integer(),
  applicant: Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String(), vneid: Type.Boolean() }),
  receivingAgencyId: Type.String(),
  processingAgencyId: Type.Union([Type.String(), Type.Null()]),
  holderAgencyId: Type.String(),
  assignee: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  submittedAt: Type.String(),
  receivedAt: Instant,
  deadlines: Type.Object({
    appointmentAt: Instant,
    originalAppointmentAt: Instant,
    kpiDeadline: Type.Union([Type.String(), Type.Null()], {
      description: 'Original appointment shifted by supplement pauses',
    }),
    currentStepDueAt: Instant,
    pausedHours: Type.Number(),
    urgency: Type.String({ description: 'late, due_soon (within one working day) or on_track' }),
    timeliness: Type.Union([Type.String(), Type.Null()], { description: 'early, on_time or late, once finished' }),
  }),
  currentStep: Type.Union([
    Type.Object({ phase: Type.String(), name: Type.String(), agencyId: Type.String(), dueAt: Type.String() }),
    Type.Null(),
  ]),
  controlSheet: Type.Array(
    Type.Object({
      phase: Type.String(),
      name: Type.String(),
      agencyId: Type.String(),
      startedAt: Type.String(),
      dueAt: Type.String(),
      endedAt: Instant,
      handedBy: Type.String(),
      endedBy: Type.Union([Type.String(), Type.Null()]),
      timeliness: Type.Union([Type.String(), Type.Null()]),
    }),
    { description: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (form 06)' },
  ),
  timeline: Type.Array(Type.Object({ seq: Type.Integer(), type: Type.String(), at: Type.String(), actor: ActorView })),
  components: Type.Array(
    Type.Object({
      name: Type.String(),
      fileRef: Type.Union([Type.String(), Type.Null()]),
      digitized: Type.Boolean(),
      reused: Type.Boolean({ description: 'Taken from the applicant’s vault (indicator 4.3)' }),
    }),
  ),
  supplementRequests: Type.Integer(),
  apology: Type.Union([
    Type.Object({ at: Type.String(), reason: Type.String(), newAppointmentAt: Type.String() }),
    Type.Null(),
  ]),
  result: Type.Union([Type.Object({ number: Type.String(), issuedAt: Type.String() }), Type.Null()]),
  payment: Type.Union(
    [
      Type.Object({
        amountVnd: Type.Integer({ description: 'Fees and charges asked after appraisal (status 6)' }),
        requestedAt: Type.String(),
        paidAt: Type.Union([Type.String(), Type.Null()]),
        online: Type.Boolean({ description: 'Paid through the online payment gateway' }),
      }),
      Type.Null(),
    ],
    { description: 'Nghĩa vụ tài chính' },
  ),
  availableActions: Type.Array(Type.String(), { description: 'Commands the caller may run now' }),
  files: Type.Array(
    Type.Object({
      sha256: Type.String(),
      component: Type.String({ description: 'The component, or "Kết quả giải quyết" for the signed e-result' }),
      name: Type.Union([Type.String(), Type.Null()]),
      mediaType: Type.String(),
      size: Type.Integer(),
    }),
    { description: 'Files linked to the dossier (download at /api/dossiers/{ref}/files/{sha256})' },
  ),
})
export type DossierView = Static<typeof DossierView>

const iso = (ms: number | null) => (ms === null ? null : formatInstant(ms))

export function dossierView(
  id: string,
  d: Dossier,
  events: { seq: number; event: DossierEvent }[],
  viewers: readonly Actor[],
  ctx: DecisionContext,
): DossierView {
  const step = currentStep(d)
  const cal = ctx.calendar(d.processingAgencyId ?? d.receivingAgencyId)
  return {
    id,
    code: d.code,
    version: d.version,
    status: d.status,
    procedure: d.procedure,
    channel: d.channel,
    applicant: { id: d.applicant.id, name: d.applicant.name, kind: d.applicant.kind, vneid: d.applicant.vneid },
    receivingAgencyId: d.receivingAgencyId,
    processingAgencyId: d.processingAgencyId,
    holderAgencyId: d.holderAgencyId,
    assignee: d.assignee,
    submittedAt: formatInstant(d.submittedAt),
    receivedAt: iso(d.receivedAt),
    deadlines: {
      appointmentAt: iso(d.appointmentAt),
      originalAppointmentAt: iso(d.originalAppointmentAt),
      kpiDeadline: iso(kpiDeadline(ctx, d)),
      currentStepDueAt: iso(step?.dueAt ?? null),
      pausedHours: Math.round((d.pausedMinutes / 60) * 100) / 100,
      urgency: d.endedAt === null ? urgencyOf(cal, ctx.now, step?.dueAt ?? d.appointmentAt) : 'on_track',
      timeliness: dossierTimeliness(ctx, d),
    },
    currentStep: step
      ? { phase: step.phase, name: step.name, agencyId: step.agencyId, dueAt: formatInstant(step.dueAt) }
      : null,
    controlSheet: controlSheet(d).map((row) => ({
      phase: row.phase,
      name: row.step,
      agencyId: row.agencyId,
      startedAt: formatInstant(row.handedAt),
      dueAt: formatInstant(row.dueAt),
      endedAt: iso(row.finishedAt),
      handedBy: row.handedBy,
      endedBy: row.receivedBy,
      timeliness: row.timeliness,
    })),
    timeline: events.map(({ seq, event }) => ({
      seq,
      type: event.type,
      at: formatInstant(event.at),
      actor: event.actor,
    })),
    components: d.components.map((c) => ({
      name: c.name,
      fileRef: c.fileRef,
      digitized: c.digitized,
      reused: c.reused === true,
    })),
    supplementRequests: d.supplementRequests.length,
    apology: d.apology
      ? {
          at: formatInstant(d.apology.at),
          reason: d.apology.reason,
          newAppointmentAt: formatInstant(d.apology.newAppointmentAt),
        }
      : null,
    result: d.result ? { number: d.result.number, issuedAt: formatInstant(d.result.issuedAt) } : null,
    payment: d.payment
      ? {
          amountVnd: d.payment.amountVnd,
          requestedAt: formatInstant(d.payment.requestedAt),
          paidAt: d.payment.paidAt === null ? null : formatInstant(d.payment.paidAt),
          online: d.payment.online === true,
        }
      : null,
    availableActions: [...new Set(viewers.flatMap((v) => availableActions(d, v, ctx)))],
    files: [],
  }
}
