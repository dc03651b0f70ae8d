import { type Static, Type } from 'typebox'
import { formatInstant } from '../../domain/calendar/local-time.ts'
import type { Actor } from '../../domain/dossier/actor.ts'
import type { DecisionContext } from '../../domain/dossier/context.ts'
import { dossierTimeliness, kpiDeadline, urgencyOf } from '../../domain/dossier/deadlines.ts'
import type { DossierEvent } from '../../domain/dossier/events.ts'
import { availableActions } from '../../domain/dossier/permissions.ts'
import { controlSheet } from '../../domain/dossier/registers.ts'
import { currentStep, type Dossier } from '../../domain/dossier/state.ts'
import { DossierStatus } from '../../domain/dossier/status.ts'

/** An instant as ISO 8601 with the Vietnam offset, or null while it has not happened. */
const instant = (description: string) =>
  Type.Union([Type.String({ description: 'ISO 8601 with +07:00' }), Type.Null()], { description })
const at = (description: string) => Type.String({ description: `${description} (ISO 8601 with +07:00)` })
const timeliness = (description: string) =>
  Type.Union([Type.String({ description: 'early, on_time or late' }), Type.Null()], { description })
const ActorView = Type.Object(
  {
    id: Type.String({ description: 'Account id of the actor, or "system"' }),
    name: Type.String({ description: 'Display name of the actor' }),
    role: Type.String({
      description: 'applicant, counter_officer (cán bộ một cửa), specialist, leader, clerk (văn thư) or system',
    }),
    agencyId: Type.Union([Type.String(), Type.Null()], {
      description: 'Agency the officer acted for; null for the applicant and the system',
    }),
  },
  { description: 'Who recorded the event' },
)

/** A dossier as its viewer sees it: state, deadlines, timeline, control sheet and what they may do next. */
export const DossierView = Type.Object({
  id: Type.String({ description: 'Internal dossier id (UUID); works wherever {ref} is asked' }),
  code: Type.Union([Type.String(), Type.Null()], {
    description: 'Mã hồ sơ: UNITCODE-YYMMDD-XXXX, issued at reception (rules.md §3); null before',
  }),
  version: Type.Integer({ description: 'Send it back as expectedVersion with the next command' }),
  status: Type.Integer({
    minimum: 1,
    maximum: 10,
    description: 'National status code, 1 submitted … 10 returned (trạng thái hồ sơ, rules.md §1)',
  }),
  procedure: Type.Object(
    {
      code: Type.String({ description: 'Mã thủ tục hành chính in the national catalogue' }),
      version: Type.Integer({ description: 'Version of the procedure the dossier was filed under' }),
    },
    { description: 'The administrative procedure (thủ tục hành chính) applied for' },
  ),
  channel: Type.Integer({ description: 'Kênh nộp: 1 in person, 2 online, 3 public post (rules.md §1)' }),
  applicant: Type.Object(
    {
      id: Type.String({ description: 'Applicant id (their account when they filed online)' }),
      name: Type.String({ description: 'Name of the person or organisation (người nộp hồ sơ)' }),
      kind: Type.String({ description: 'citizen or organisation' }),
      vneid: Type.Boolean({ description: 'Filed from an account authenticated with VNeID (indicator 4.5)' }),
    },
    { description: 'Chủ hồ sơ: the applicant' },
  ),
  receivingAgencyId: Type.String({
    description: 'One-stop unit that received the dossier (bộ phận một cửa; any in the province, rules.md §1)',
  }),
  processingAgencyId: Type.Union([Type.String(), Type.Null()], {
    description: 'Competent agency that resolves it (cơ quan giải quyết); indicators count here',
  }),
  holderAgencyId: Type.String({ description: 'Agency holding the dossier now' }),
  assignee: Type.Union(
    [
      Type.Object({
        id: Type.String({ description: 'Account id of the specialist' }),
        name: Type.String({ description: 'Name of the specialist' }),
      }),
      Type.Null(),
    ],
    { description: 'Chuyên viên assigned by the leader; null before assignment' },
  ),
  submittedAt: at('When the dossier was submitted online or presented at the counter'),
  receivedAt: instant(
    'Thời điểm tiếp nhận: when the counter accepted it as complete; the clock starts here (rules.md §4)',
  ),
  deadlines: Type.Object(
    {
      appointmentAt: instant('Ngày hẹn trả kết quả: the appointment, shifted by supplement pauses and an apology'),
      originalAppointmentAt: instant('The appointment issued at reception, before any shift'),
      kpiDeadline: Type.Union([Type.String(), Type.Null()], {
        description: 'Original appointment shifted by supplement pauses only: what indicator 2.1 judges (rules.md §6)',
      }),
      currentStepDueAt: instant("When the current workflow step's budget runs out"),
      pausedHours: Type.Number({
        description: 'Office hours the clock stood still waiting for supplements (rules.md §1)',
      }),
      urgency: Type.String({ description: 'late, due_soon (within one working day) or on_track' }),
      timeliness: Type.Union([Type.String(), Type.Null()], { description: 'early, on_time or late, once finished' }),
    },
    { description: 'Thời hạn giải quyết: deadlines in working time (rules.md §4)' },
  ),
  currentStep: Type.Union(
    [
      Type.Object({
        phase: Type.String({ description: 'reception, appraisal, coordination, approval or issue' }),
        name: Type.String({ description: 'Name of the step in the procedure’s workflow' }),
        agencyId: Type.String({ description: 'Agency doing the step' }),
        dueAt: at('When the step’s share of the time limit runs out'),
      }),
      Type.Null(),
    ],
    { description: 'The workflow step under way; null once the dossier is finished' },
  ),
  controlSheet: Type.Array(
    Type.Object({
      phase: Type.String({ description: 'reception, appraisal, coordination, approval or issue' }),
      name: Type.String({ description: 'Name of the step' }),
      agencyId: Type.String({ description: 'Agency that did the step' }),
      startedAt: at('Handed over to this step'),
      dueAt: at('The step’s deadline'),
      endedAt: instant('Handed on to the next step; null while under way'),
      handedBy: Type.String({ description: 'Who handed the dossier over (bên giao)' }),
      endedBy: Type.Union([Type.String(), Type.Null()], { description: 'Who received it next (bên nhận)' }),
      timeliness: timeliness('Whether the step finished early, on time or late (sớm, đúng, quá hạn)'),
    }),
    { description: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (form 06): one row per handover' },
  ),
  timeline: Type.Array(
    Type.Object({
      seq: Type.Integer({ description: 'Position in the dossier’s append-only event log' }),
      type: Type.String({ description: 'Event type, e.g. received, supplement-requested, issued' }),
      at: at('When the event happened'),
      actor: ActorView,
    }),
    { description: 'Quá trình xử lý: every event of the dossier, oldest first' },
  ),
  components: Type.Array(
    Type.Object({
      name: Type.String({ description: 'Thành phần hồ sơ: the required document’s name' }),
      fileRef: Type.Union([Type.String(), Type.Null()], { description: 'Stored file (sha256) attached, if any' }),
      digitized: Type.Boolean({ description: 'Scanned and signed at reception (số hóa, indicator 4.2)' }),
      reused: Type.Boolean({ description: 'Taken from the applicant’s vault (indicator 4.3)' }),
    }),
    { description: 'The components (documents) of the dossier' },
  ),
  supplementRequests: Type.Integer({
    description: 'Supplement requests made so far (yêu cầu bổ sung); more than one counts as late (rules.md §6)',
  }),
  declaration: Type.Union(
    [
      Type.Object({
        formVersion: Type.Integer({ description: 'The form version pinned with the procedure version' }),
        data: Type.Record(Type.String(), Type.Unknown(), {
          description: 'The declared data, valid under the form’s published schema (GET /api/procedures/{code})',
        }),
        changedPaths: Type.Array(Type.String(), {
          description: 'Fields the applicant corrected after a supplement request (paths such as husband/birthDate)',
        }),
      }),
      Type.Null(),
    ],
    { description: 'Tờ khai: what the applicant declared, as corrected; null for dossiers from before e-forms' },
  ),
  correctionFields: Type.Array(Type.String(), {
    description: 'Declaration fields the open supplement request asks the applicant to correct (empty when none)',
  }),
  decision: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
    description: 'The appraisal’s decision fields for the result (e.g. registration number and book); null before',
  }),
  apology: Type.Union(
    [
      Type.Object({
        at: at('When the apology was issued'),
        reason: Type.String({ description: 'Why the dossier is late' }),
        newAppointmentAt: at('The new return date, set once'),
        late: Type.Boolean({
          description: 'Issued after the deadline it should have preceded (Decree 118/2025/NĐ-CP)',
        }),
      }),
      Type.Null(),
    ],
    { description: 'Văn bản xin lỗi (form 04) for a late dossier, with its new date (rules.md §1)' },
  ),
  result: Type.Union(
    [
      Type.Object({
        number: Type.String({ description: 'Số, ký hiệu of the result document' }),
        issuedAt: at('When the clerk numbered and issued it'),
      }),
      Type.Null(),
    ],
    { description: 'Kết quả giải quyết: the issued result; null before issue' },
  ),
  payment: Type.Union(
    [
      Type.Object({
        amountVnd: Type.Integer({ description: 'Fees and charges asked after appraisal (status 6), in đồng' }),
        requestedAt: at('When payment was asked'),
        paidAt: instant('When the payment was recorded; null while unpaid'),
        online: Type.Boolean({ description: 'Paid through the online payment gateway (indicator 3.6)' }),
      }),
      Type.Null(),
    ],
    { description: 'Nghĩa vụ tài chính: the fees asked of the applicant; null when none' },
  ),
  receptionGuidance: Type.Union(
    [
      Type.Object({
        at: at('When the counter guided the applicant'),
        officer: Type.String({ description: 'The counter officer who guided' }),
        reason: Type.String({ description: 'Why the dossier is not complete' }),
        items: Type.Array(
          Type.Object({
            name: Type.String({ description: 'The missing or wrong component' }),
            reason: Type.String({ description: 'Why it is missing or wrong, and what is needed' }),
          }),
          { description: 'Everything to add or correct, each with why' },
        ),
      }),
      Type.Null(),
    ],
    { description: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ at reception (form 02); null when none was given' },
  ),
  withdrawal: Type.Union(
    [
      Type.Object({
        requestedAt: at('When the applicant asked to stop'),
        reason: Type.String({ description: 'The applicant’s reason' }),
        decidedAt: instant('When the agency decided; null while pending'),
        accepted: Type.Union([Type.Boolean(), Type.Null()], {
          description: 'true: stopped (status 7, form 05); false: refused, the dossier goes on; null: pending',
        }),
        note: Type.String({ description: 'The agency’s answer' }),
      }),
      Type.Null(),
    ],
    { description: 'Đề nghị dừng giải quyết hồ sơ and the agency’s decision; null when none was made' },
  ),
  competentAgencyId: Type.Union([Type.String(), Type.Null()], {
    description:
      'The commune chosen to decide a procedure received regardless of address (anyLocation); null: the receiving unit’s own',
  }),
  availableActions: Type.Array(Type.String(), { description: 'Commands the caller may run now' }),
  files: Type.Array(
    Type.Object({
      sha256: Type.String({ description: 'SHA-256 of the content, hex; names the file in its download URL' }),
      component: Type.String({ description: 'The component, or "Kết quả giải quyết" for the signed e-result' }),
      name: Type.Union([Type.String(), Type.Null()], { description: 'File name as uploaded' }),
      mediaType: Type.String({ description: 'application/pdf, image/jpeg or image/png' }),
      size: Type.Integer({ description: 'Size in bytes' }),
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
    declaration: d.declaration
      ? {
          formVersion: d.declaration.formVersion,
          data: d.declaration.data,
          changedPaths: [...d.declaration.changedPaths],
        }
      : null,
    correctionFields:
      d.status === DossierStatus.SupplementRequested ? [...(d.supplementRequests.at(-1)?.fields ?? [])] : [],
    decision: d.decision ?? null,
    apology: d.apology
      ? {
          at: formatInstant(d.apology.at),
          reason: d.apology.reason,
          newAppointmentAt: formatInstant(d.apology.newAppointmentAt),
          late: d.apologyLate === true,
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
    receptionGuidance: d.receptionGuidance
      ? {
          at: formatInstant(d.receptionGuidance.at),
          officer: d.receptionGuidance.officer,
          reason: d.receptionGuidance.reason,
          items: d.receptionGuidance.items.map((i) => ({ ...i })),
        }
      : null,
    withdrawal: d.withdrawal
      ? {
          requestedAt: formatInstant(d.withdrawal.requestedAt),
          reason: d.withdrawal.reason,
          decidedAt: iso(d.withdrawal.decidedAt),
          accepted: d.withdrawal.accepted,
          note: d.withdrawal.note,
        }
      : null,
    competentAgencyId: d.competentAgencyId ?? null,
    availableActions: [...new Set(viewers.flatMap((v) => availableActions(d, v, ctx)))],
    files: [],
  }
}
