import { type Static, Type } from 'typebox'
import { Satisfaction } from '../dossier/status.ts'

/** Sự kiện của hồ sơ lịch sử: what a predecessor system exports about a dossier's course. */
export const HistoryEventType = {
  SupplementRequested: 'supplement_requested',
  SupplementReceived: 'supplement_received',
  PaymentRequired: 'payment_required',
  Paid: 'paid',
  Done: 'done',
  Returned: 'returned',
  Withdrawn: 'withdrawn',
  Stopped: 'stopped',
  Rejected: 'rejected',
} as const
export type HistoryEventType = (typeof HistoryEventType)[keyof typeof HistoryEventType]

/** An instant must carry its offset: a bare local time would be read in the importer's own zone. */
const InstantWithOffset = (description: string) =>
  Type.String({ pattern: '(Z|[+-]\\d{2}:?\\d{2})\\s*$', description: `${description}, ISO 8601 with an offset` })
const Text = (description: string) => Type.String({ pattern: '\\S', description })
const Flag = (description: string) => Type.Optional(Type.Union([Type.Boolean(), Type.Null()], { description }))

/**
 * Một dòng của tệp hồ sơ lịch sử (`motcua import dossiers`, JSONL) as the predecessor system writes it;
 * unknown fields are ignored. Parsing it into a HistoryLine checks what a schema cannot (history-line.ts).
 */
export const HistoryLineRecord = Type.Object({
  code: Text('Mã hồ sơ, UNITCODE-YYMMDD-XXXX (rules.md §3)'),
  procedure: Text('National procedure code (mã TTHC trên Cổng DVC quốc gia)'),
  agency: Text('QCVN 102 code of the processing agency'),
  channel: Type.Union([Type.Literal('online'), Type.Literal('counter'), Type.Literal('post')], {
    description: 'Kênh nộp: online, at the counter or by public post',
  }),
  receivedAt: InstantWithOffset('Thời điểm tiếp nhận'),
  appointmentAt: Type.Union([InstantWithOffset('Ngày hẹn trả ban đầu'), Type.Null()], {
    description: 'The original appointment; null when the procedure has no fixed limit',
  }),
  events: Type.Array(
    Type.Object({
      type: Type.Enum(HistoryEventType, { description: 'What happened' }),
      at: InstantWithOffset('When it happened'),
    }),
    { description: 'The dossier’s course after reception, oldest first' },
  ),
  fee: Type.Optional(
    Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: 'Phí, lệ phí paid, in đồng (default 0)' }),
  ),
  reusedComponents: Type.Optional(
    Type.Union([Type.Boolean(), Type.Integer({ minimum: 0 }), Type.Null()], {
      description: 'Components reused from the vault: a count, or whether any was (indicator 4.3)',
    }),
  ),
  rating: Type.Optional(
    Type.Union([Type.Enum(Satisfaction), Type.Null()], { description: 'The applicant’s rating (indicator 5.4)' }),
  ),
  paidOnline: Flag('Paid through an online payment gateway (indicator 3.6)'),
  eResult: Flag('An electronic result was issued (indicator 4.1)'),
  digitized: Flag('Every component was digitized (indicator 4.2)'),
  vneid: Flag('Filed from an account authenticated with VNeID (indicator 4.5)'),
  citizen: Flag('The applicant is a citizen rather than an organisation (default true)'),
  complaint: Flag('The applicant complained (indicator 5.4)'),
})
export type HistoryLineRecord = Static<typeof HistoryLineRecord>
