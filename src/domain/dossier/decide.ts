import { addOfficeMinutes, workingTimeBetween } from '../calendar/working-calendar.ts'
import { Role } from './actor.ts'
import type { Command, Creation } from './commands.ts'
import type { DecisionContext } from './context.ts'
import { appointmentAtReception, openStep, pausedOfficeMinutes } from './deadlines.ts'
import type { DeclarationChange, DossierEvent } from './events.ts'
import { commandGuards } from './permissions.ts'
import { type Refusal, refuse } from './refusal.ts'
import { rescheduledDeadlines } from './reschedule.ts'
import { applyEvent, type Dossier } from './state.ts'
import { Channel } from './status.ts'

/** What a command decided: the events to append, or why it was refused (never thrown). */
export type Decision =
  | { readonly ok: true; readonly events: DossierEvent[] }
  | { readonly ok: false; readonly refusal: Refusal }

const accept = (...events: DossierEvent[]): Decision => ({ ok: true, events })
const reject = (refusal: Refusal): Decision => ({ ok: false, refusal })
const blank = (...texts: string[]) => texts.some((t) => t.trim() === '')

/** Tiếp nhận: the reception event with the dossier code, appointment and the reception step's due time. */
function receivedEvent(d: Dossier, ctx: DecisionContext, code: string, by: Command['actor']): DossierEvent {
  return {
    type: 'received',
    at: ctx.now,
    actor: by,
    code,
    processingAgencyId: ctx.terms.competentAgencyId,
    appointmentAt: appointmentAtReception(ctx, d.channel, ctx.now),
    step: openStep(ctx, d, 'reception', d.receivingAgencyId, ctx.now),
  }
}

/** Nộp hồ sơ trực tuyến, or a walk-in received at once with its code (no dossier without a receipt). */
export function create(command: Creation, ctx: DecisionContext): Decision {
  const { actor } = command
  const submitted: DossierEvent = {
    type: 'submitted',
    at: ctx.now,
    actor,
    channel: command.channel,
    applicant: command.applicant,
    procedure: command.procedure,
    receivingAgencyId: command.receivingAgencyId,
    components: command.components,
    ...(command.declaration ? { declaration: command.declaration } : {}),
    ...(command.competentAgencyId ? { competentAgencyId: command.competentAgencyId } : {}),
  }
  if (command.procedure.code !== ctx.terms.code || command.procedure.version !== ctx.terms.version)
    return reject(refuse('unknownProcedure'))
  if (command.action === 'submit') {
    if (actor.role !== Role.Applicant || actor.id !== command.applicant.id || command.channel !== Channel.Online)
      return reject(refuse('notAllowed'))
    return accept(submitted)
  }
  const atTheCounter =
    actor.role === Role.CounterOfficer &&
    actor.agencyId === command.receivingAgencyId &&
    command.channel !== Channel.Online
  if (command.action === 'register-at-counter') return atTheCounter ? accept(submitted) : reject(refuse('notAllowed'))
  if (
    actor.role !== Role.CounterOfficer ||
    actor.agencyId !== command.receivingAgencyId ||
    command.channel === Channel.Online
  )
    return reject(refuse('notAllowed'))
  return accept(submitted, receivedEvent(applyEvent(null, submitted), ctx, command.code, actor))
}

/** Runs a command on a dossier: the guard first (who, when), then the rule of the command itself. */
export function decide(d: Dossier, command: Command, ctx: DecisionContext): Decision {
  const refusal = commandGuards[command.action](d, command.actor, ctx)
  return refusal ? reject(refusal) : decideAllowed(d, command, ctx)
}

/** The rule of a command whose guard already allowed its actor (see `actingActor`): not checked again. */
export function decideAllowed(d: Dossier, command: Command, ctx: DecisionContext): Decision {
  const base = { at: ctx.now, actor: command.actor }
  switch (command.action) {
    case 'receive':
      return accept(receivedEvent(d, ctx, command.code, command.actor))
    case 'request-reception-supplement': {
      const items = command.items.map((i) => (typeof i === 'string' ? { name: i, reason: '' } : i))
      if (items.length === 0 || blank(command.reason, ...items.map((i) => i.name)))
        return reject(refuse('invalidInput'))
      const itemReasons = items.map((i) => (i.reason.trim() === '' ? command.reason : i.reason.trim()))
      return accept({
        ...base,
        type: 'reception-supplement-requested',
        items: items.map((i) => i.name.trim()),
        reason: command.reason,
        ...(itemReasons.some((r) => r !== command.reason) ? { itemReasons } : {}),
      })
    }
    case 'reject-reception':
      if (blank(command.reason, command.legalBasis)) return reject(refuse('invalidInput'))
      return accept({ ...base, type: 'reception-rejected', reason: command.reason, legalBasis: command.legalBasis })
    case 'redirect':
      if (command.toAgencyId === d.receivingAgencyId) return reject(refuse('sameAgency'))
      return accept({ ...base, type: 'redirected', toAgencyId: command.toAgencyId, reason: command.reason })
    case 'digitize':
      return accept({ ...base, type: 'component-digitized', name: command.name, fileRef: command.fileRef })
    case 'reuse-component':
      if (blank(command.name, command.fileRef)) return reject(refuse('invalidInput'))
      return accept({
        ...base,
        type: 'component-reused',
        name: command.name,
        fileRef: command.fileRef,
        vaultItemId: command.vaultItemId,
      })
    case 'transfer':
      return accept({
        ...base,
        type: 'transferred',
        step: openStep(ctx, d, 'appraisal', ctx.terms.competentAgencyId, ctx.now),
      })
    case 'assign':
      return accept({ ...base, type: 'assigned', assigneeId: command.assigneeId, assigneeName: command.assigneeName })
    case 'appraise':
      return accept({
        ...base,
        type: 'appraised',
        outcome: command.outcome,
        note: command.note,
        step: openStep(ctx, d, 'approval', d.processingAgencyId ?? d.holderAgencyId, ctx.now),
        ...(command.decision && command.outcome === 'approve' ? { decision: command.decision } : {}),
      })
    case 'request-supplement':
      return requestSupplement(d, command, ctx)
    case 'receive-supplement':
      return receiveSupplement(d, command, ctx)
    case 'require-payment':
      if (!(command.amountVnd > 0)) return reject(refuse('invalidInput'))
      return accept({
        ...base,
        type: 'payment-required',
        amountVnd: command.amountVnd,
        reason: command.reason,
        ...(ctx.terms.paymentPausesClock ? { pausesClock: true } : {}),
      })
    case 'record-payment':
      if (command.amountVnd !== d.payment?.amountVnd)
        return reject(refuse('invalidInput', { vi: 'số tiền không khớp', en: 'amount differs' }))
      return accept({
        ...base,
        type: 'payment-recorded',
        amountVnd: command.amountVnd,
        receipt: command.receipt,
        ...paymentPause(d, ctx),
      })
    case 'transfer-to-agency':
      if (command.toAgencyId === d.holderAgencyId) return reject(refuse('sameAgency'))
      return accept({
        ...base,
        type: 'transferred-to-agency',
        reason: command.reason,
        step: openStep(ctx, d, 'coordination', command.toAgencyId, ctx.now),
      })
    case 'return-from-agency':
      return accept({
        ...base,
        type: 'returned-from-agency',
        note: command.note,
        step: openStep(ctx, d, 'appraisal', d.processingAgencyId ?? d.holderAgencyId, ctx.now),
      })
    case 'approve':
      return accept({
        ...base,
        type: 'approved',
        step: openStep(ctx, d, 'issue', d.processingAgencyId ?? d.holderAgencyId, ctx.now),
      })
    case 'issue':
      if (blank(command.resultNumber)) return reject(refuse('invalidInput'))
      return accept({ ...base, type: 'issued', resultNumber: command.resultNumber })
    case 'return-result':
      return accept({ ...base, type: 'result-returned', method: command.method })
    case 'withdraw':
      return accept({ ...base, type: 'withdrawn', reason: command.reason })
    case 'request-withdrawal':
      if (blank(command.reason)) return reject(refuse('invalidInput'))
      return accept({ ...base, type: 'withdrawal-requested', reason: command.reason.trim() })
    case 'decide-withdrawal':
      // A refusal must say why: the applicant is told in writing.
      if (!command.accepted && blank(command.note)) return reject(refuse('invalidInput'))
      return accept({ ...base, type: 'withdrawal-decided', accepted: command.accepted, note: command.note.trim() })
    case 'stop':
      if (blank(command.reason)) return reject(refuse('invalidInput'))
      return accept({ ...base, type: 'stopped', reason: command.reason, legalBasis: command.legalBasis })
    case 'warn-late':
      return accept({ ...base, type: 'late-warning-raised', appointmentAt: d.appointmentAt ?? ctx.now })
    case 'reschedule': {
      const moved = rescheduledDeadlines(d, ctx, command)
      if (!moved) return reject(refuse('deadlinesUnchanged'))
      return accept({
        ...base,
        type: 'deadlines-rescheduled',
        ...moved,
        reason: command.reason,
        changeId: command.changeId,
      })
    }
    case 'issue-apology':
      if (blank(command.reason)) return reject(refuse('invalidInput'))
      if (d.appointmentAt !== null && command.newAppointmentAt <= d.appointmentAt)
        return reject(refuse('appointmentNotLater'))
      return accept({
        ...base,
        type: 'apology-issued',
        reason: command.reason,
        newAppointmentAt: command.newAppointmentAt,
        // The apology is due before the deadline (Decree 118/2025/NĐ-CP); one after it is still
        // issued, and recorded as late.
        ...(d.appointmentAt !== null && ctx.now > d.appointmentAt ? { late: true } : {}),
      })
    case 'rate':
      return accept({ ...base, type: 'rated', satisfaction: command.satisfaction, comment: command.comment })
    case 'record-electronic-result':
      if (!/^[0-9a-f]{64}$/.test(command.sha256) || blank(command.fileName)) return reject(refuse('invalidInput'))
      return accept({ ...base, type: 'electronic-result-issued', sha256: command.sha256, fileName: command.fileName })
  }
}

/**
 * Yêu cầu bổ sung, hoàn thiện hồ sơ: once per agency, in writing, fully; a second by the same agency
 * only with an approver and a legal basis on record (rules.md §1). The clock pauses.
 */
function requestSupplement(
  d: Dossier,
  command: Extract<Command, { action: 'request-supplement' }>,
  ctx: DecisionContext,
): Decision {
  const agencyId = command.actor.agencyId ?? d.holderAgencyId
  if (command.items.length === 0 || blank(command.reason)) return reject(refuse('invalidInput'))
  const asked = d.supplementRequests.filter((r) => r.agencyId === agencyId).length
  const exception = command.exception
  if (asked >= 1 && (exception === null || blank(exception.approver, exception.legalBasis)))
    return reject(refuse('secondSupplementNeedsException'))
  return accept({
    type: 'supplement-requested',
    at: ctx.now,
    actor: command.actor,
    agencyId,
    items: command.items,
    reason: command.reason,
    exception: asked >= 1 ? exception : null,
    ...(command.fields && command.fields.length > 0 ? { fields: command.fields } : {}),
  })
}

/**
 * The applicant corrects only the declaration fields the open supplement request named (once-only:
 * the rest of the declaration stands as submitted).
 */
function correctionRefusal(d: Dossier, corrections: readonly DeclarationChange[]): Refusal | null {
  if (corrections.length === 0) return null
  const asked = new Set(d.supplementRequests[d.supplementRequests.length - 1]?.fields ?? [])
  if (!d.declaration || corrections.some((c) => !asked.has(c.path))) return refuse('correctionNotRequested')
  return null
}

/** Nhận hồ sơ bổ sung: the clock resumes; the appointment and the step's due time move by the paused office time. */
function receiveSupplement(
  d: Dossier,
  command: Extract<Command, { action: 'receive-supplement' }>,
  ctx: DecisionContext,
): Decision {
  const corrections = command.corrections ?? []
  const refusal = correctionRefusal(d, corrections)
  if (refusal) return reject(refusal)
  const paused = pausedOfficeMinutes(ctx, d, ctx.now)
  const step = d.steps[d.steps.length - 1]
  const correction: DossierEvent[] =
    corrections.length > 0
      ? [{ type: 'declaration-corrected', at: ctx.now, actor: command.actor, changes: corrections }]
      : []
  return accept(...correction, {
    type: 'supplement-received',
    at: ctx.now,
    actor: command.actor,
    pausedMinutes: paused,
    appointmentAt: appointmentAfterPause(d, ctx, paused),
    stepDueAt: step && step.endedAt === null ? addOfficeMinutes(ctx.calendar(step.agencyId), step.dueAt, paused) : null,
    components: command.components,
  })
}

/**
 * A payment awaited with the clock paused (the procedure's law says so): the paused office time
 * moves the appointment, as a supplement does.
 */
function paymentPause(d: Dossier, ctx: DecisionContext): { pausedMinutes?: number; appointmentAt?: number | null } {
  const since = d.paymentPausedSince ?? null
  if (since === null || d.processingAgencyId === null) return {}
  const paused = Math.max(0, workingTimeBetween(ctx.calendar(d.processingAgencyId), since, ctx.now))
  return { pausedMinutes: paused, appointmentAt: appointmentAfterPause(d, ctx, paused) }
}

/** When a pause of the clock ends, the appointment moves by the paused office time of the processing agency. */
function appointmentAfterPause(d: Dossier, ctx: DecisionContext, paused: number): number | null {
  if (d.appointmentAt === null || d.processingAgencyId === null) return d.appointmentAt
  return addOfficeMinutes(ctx.calendar(d.processingAgencyId), d.appointmentAt, paused)
}
