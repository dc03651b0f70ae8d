import fc from 'fast-check'
import type { Actor } from '../../src/domain/dossier/actor.ts'
import type { Command } from '../../src/domain/dossier/commands.ts'
import { DossierStatus } from '../../src/domain/dossier/status.ts'
import { actors, at } from './dossier-fixtures.ts'

const anyActor = fc.constantFrom<Actor>(...Object.values(actors))

/** Days off in the fixtures' calendar told as having been working days: a calendar change that only adds days off. */
const becameDaysOff = ['2026-11-28', '2026-12-05', '2026-12-12', '2027-01-01'].map((date) => ({
  date,
  workingBefore: true,
}))
/** The change is made after every dossier of the runs was received. */
const changeInstant = at('2030-01-01T00:00')

/** A random command by a random actor with plausible input (the code of `receive` is filled in later). */
export const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  anyActor.map((actor) => ({ action: 'receive', actor, code: 'FILLED-LATER' }) as const),
  anyActor.map(
    (actor) => ({ action: 'request-reception-supplement', actor, items: ['Tờ khai'], reason: 'Thiếu' }) as const,
  ),
  anyActor.map(
    (actor) => ({ action: 'reject-reception', actor, reason: 'Không đủ', legalBasis: 'NĐ 118/2025' }) as const,
  ),
  anyActor.map((actor) => ({ action: 'digitize', actor, name: 'Tờ khai', fileRef: 'sha256:ab' }) as const),
  anyActor.map((actor) => ({ action: 'transfer', actor }) as const),
  anyActor.map(
    (actor) =>
      ({ action: 'assign', actor, assigneeId: actors.specialist.id, assigneeName: actors.specialist.name }) as const,
  ),
  fc
    .tuple(anyActor, fc.constantFrom('approve', 'refuse') as fc.Arbitrary<'approve' | 'refuse'>)
    .map(([actor, outcome]) => ({ action: 'appraise', actor, outcome, note: '' }) as const),
  fc.tuple(anyActor, fc.boolean()).map(
    ([actor, exception]) =>
      ({
        action: 'request-supplement',
        actor,
        items: ['Bản vẽ'],
        reason: 'Thiếu',
        exception: exception ? { approver: 'Chủ tịch', legalBasis: 'Điều 16' } : null,
      }) as const,
  ),
  anyActor.map((actor) => ({ action: 'receive-supplement', actor, components: [] }) as const),
  anyActor.map((actor) => ({ action: 'require-payment', actor, amountVnd: 50_000, reason: 'Lệ phí' }) as const),
  anyActor.map((actor) => ({ action: 'record-payment', actor, amountVnd: 50_000, receipt: 'BL' }) as const),
  anyActor.map((actor) => ({ action: 'transfer-to-agency', actor, toAgencyId: 'thue-tinh', reason: 'Thuế' }) as const),
  anyActor.map((actor) => ({ action: 'return-from-agency', actor, note: '' }) as const),
  anyActor.map((actor) => ({ action: 'approve', actor }) as const),
  anyActor.map((actor) => ({ action: 'issue', actor, resultNumber: '1/KQ' }) as const),
  anyActor.map((actor) => ({ action: 'return-result', actor, method: 'counter' }) as const),
  anyActor.map((actor) => ({ action: 'withdraw', actor, reason: '' }) as const),
  anyActor.map((actor) => ({ action: 'request-withdrawal', actor, reason: 'Không còn nhu cầu' }) as const),
  anyActor.map((actor) => ({ action: 'decide-withdrawal', actor, accepted: true, note: '' }) as const),
  anyActor.map((actor) => ({ action: 'stop', actor, reason: 'Dừng', legalBasis: '' }) as const),
  anyActor.map((actor) => ({ action: 'warn-late', actor }) as const),
  anyActor.map(
    (actor) => ({ action: 'issue-apology', actor, reason: 'Chậm', newAppointmentAt: at('2027-03-01T17:00') }) as const,
  ),
  anyActor.map((actor) => ({ action: 'rate', actor, satisfaction: 'satisfied', comment: '' }) as const),
  fc.tuple(anyActor, fc.subarray(becameDaysOff, { minLength: 1 })).map(
    ([actor, changedDays]) =>
      ({
        action: 'reschedule',
        actor,
        changedDays,
        changedAt: changeInstant,
        changeId: 1,
        reason: 'QĐ nghỉ lễ',
      }) as const,
  ),
)

/** A plausible command of each kind for a given actor: used to pick among the actor's available actions. */
export const commandFor: Record<Command['action'], (actor: Actor) => Command> = {
  reschedule: (actor) => ({
    action: 'reschedule',
    actor,
    changedDays: becameDaysOff,
    changedAt: changeInstant,
    changeId: 1,
    reason: 'QĐ nghỉ lễ',
  }),
  receive: (actor) => ({ action: 'receive', actor, code: 'FILLED-LATER' }),
  'request-reception-supplement': (actor) => ({
    action: 'request-reception-supplement',
    actor,
    items: ['Tờ khai'],
    reason: 'Thiếu',
  }),
  'reject-reception': (actor) => ({ action: 'reject-reception', actor, reason: 'Không đủ', legalBasis: 'NĐ 118/2025' }),
  redirect: (actor) => ({ action: 'redirect', actor, toAgencyId: 'ttpvhcc-22366', reason: 'Địa bàn' }),
  digitize: (actor) => ({ action: 'digitize', actor, name: 'Tờ khai', fileRef: 'sha256:ab' }),
  'reuse-component': (actor) => ({
    action: 'reuse-component',
    actor,
    name: 'Giấy khai sinh',
    fileRef: 'ab'.repeat(32),
    vaultItemId: 'v1',
  }),
  transfer: (actor) => ({ action: 'transfer', actor }),
  assign: (actor) => ({
    action: 'assign',
    actor,
    assigneeId: actors.specialist.id,
    assigneeName: actors.specialist.name,
  }),
  appraise: (actor) => ({ action: 'appraise', actor, outcome: 'approve', note: '' }),
  'request-supplement': (actor) => ({
    action: 'request-supplement',
    actor,
    items: ['Bản vẽ'],
    reason: 'Thiếu',
    exception: null,
  }),
  'receive-supplement': (actor) => ({ action: 'receive-supplement', actor, components: [] }),
  'require-payment': (actor) => ({ action: 'require-payment', actor, amountVnd: 50_000, reason: 'Lệ phí' }),
  'record-payment': (actor) => ({ action: 'record-payment', actor, amountVnd: 50_000, receipt: 'BL' }),
  'transfer-to-agency': (actor) => ({ action: 'transfer-to-agency', actor, toAgencyId: 'thue-tinh', reason: 'Thuế' }),
  'return-from-agency': (actor) => ({ action: 'return-from-agency', actor, note: '' }),
  approve: (actor) => ({ action: 'approve', actor }),
  issue: (actor) => ({ action: 'issue', actor, resultNumber: '1/KQ' }),
  'return-result': (actor) => ({ action: 'return-result', actor, method: 'counter' }),
  withdraw: (actor) => ({ action: 'withdraw', actor, reason: '' }),
  'request-withdrawal': (actor) => ({ action: 'request-withdrawal', actor, reason: 'Không còn nhu cầu' }),
  'decide-withdrawal': (actor) => ({ action: 'decide-withdrawal', actor, accepted: false, note: 'Đã ký kết quả' }),
  stop: (actor) => ({ action: 'stop', actor, reason: 'Dừng', legalBasis: '' }),
  'warn-late': (actor) => ({ action: 'warn-late', actor }),
  'issue-apology': (actor) => ({
    action: 'issue-apology',
    actor,
    reason: 'Chậm',
    newAppointmentAt: at('2027-06-01T17:00'),
  }),
  rate: (actor) => ({ action: 'rate', actor, satisfaction: 'satisfied', comment: '' }),
  'record-electronic-result': (actor) => ({
    action: 'record-electronic-result',
    actor,
    sha256: 'ab'.repeat(32),
    fileName: 'ket-qua.pdf',
  }),
}

/** One step of a random history: a pause, then either any random command or one the actor may run. */
export const stepArbitrary = fc.record({
  pause: fc.integer({ min: 1, max: 3 * 24 * 60 }),
  random: commandArbitrary,
  pick: fc.nat(),
  useAvailable: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
})

/** Minutes to wait before each command: from a few minutes to two weeks. */
export const pauseArbitrary = fc.integer({ min: 1, max: 14 * 24 * 60 })

const S = DossierStatus
/** The reference model: from which statuses an accepted command may come, and where it leads. */
export const transitions: Record<Command['action'], { from: number[]; to: number | 'same' | 'resume' | 'decided' }> = {
  receive: { from: [S.Submitted], to: S.Received },
  'request-reception-supplement': { from: [S.Submitted], to: S.SupplementRequested },
  'reject-reception': { from: [S.Submitted], to: S.NotReceived },
  redirect: { from: [S.Submitted], to: 'same' },
  digitize: { from: [S.Submitted, S.Received, S.Processing], to: 'same' },
  'reuse-component': { from: [S.Submitted, S.Received, S.SupplementRequested], to: 'same' },
  transfer: { from: [S.Received], to: S.Processing },
  assign: { from: [S.Processing], to: 'same' },
  appraise: { from: [S.Processing], to: 'same' },
  'request-supplement': { from: [S.Processing], to: S.SupplementRequested },
  'receive-supplement': { from: [S.SupplementRequested], to: 'resume' },
  'require-payment': { from: [S.Received, S.Processing], to: S.PaymentRequired },
  'record-payment': { from: [S.PaymentRequired], to: 'resume' },
  'transfer-to-agency': { from: [S.Processing], to: 'same' },
  'return-from-agency': { from: [S.Processing], to: 'same' },
  approve: { from: [S.Processing], to: 'same' },
  issue: { from: [S.Processing], to: S.Done },
  'return-result': { from: [S.Done], to: S.Returned },
  withdraw: { from: [S.Submitted, S.SupplementRequested], to: S.Withdrawn },
  'request-withdrawal': { from: [S.Received, S.Processing, S.SupplementRequested, S.PaymentRequired], to: 'same' },
  'decide-withdrawal': { from: [S.Received, S.Processing, S.SupplementRequested, S.PaymentRequired], to: 'decided' },
  stop: { from: [S.Received, S.Processing, S.SupplementRequested, S.PaymentRequired], to: S.Stopped },
  'warn-late': { from: [S.Received, S.Processing, S.SupplementRequested, S.PaymentRequired], to: 'same' },
  'issue-apology': { from: [S.Received, S.Processing, S.SupplementRequested, S.PaymentRequired], to: 'same' },
  rate: { from: [S.Done, S.Returned], to: 'same' },
  'record-electronic-result': { from: [S.Done, S.Returned], to: 'same' },
  reschedule: { from: [S.Received, S.Processing, S.SupplementRequested, S.PaymentRequired], to: 'same' },
}
