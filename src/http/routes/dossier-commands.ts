import { type TSchema, Type } from 'typebox'
import type { CommandAction } from '../../domain/dossier/permissions.ts'

const text = (description: string, max = 2000) => Type.String({ minLength: 1, maxLength: max, description })
const Items = Type.Array(text('A missing or wrong component, and what is needed', 500), {
  minItems: 1,
  maxItems: 50,
  description: 'Everything that is missing, in one request: the applicant is guided once, fully (rules.md §1)',
})
const Components = Type.Array(
  Type.Object({
    name: text('Component name', 500),
    fileRef: Type.Union([Type.String({ maxLength: 200 }), Type.Null()], {
      description: 'Stored file (sha256) of the component, or null for paper',
    }),
    digitized: Type.Boolean({ description: 'Scanned and signed at the counter (số hóa)' }),
  }),
  { maxItems: 50, description: 'The components the applicant supplied' },
)

/** One command endpoint: `POST /api/dossiers/{ref}/{path}` runs `action` with the body's fields. */
export type CommandRoute = {
  readonly path: string
  readonly action: CommandAction
  readonly summary: string
  readonly fields: Record<string, TSchema>
}

/** Task-oriented endpoints, one per command of rules.md §1 (never a status PATCH). */
export const commandRoutes: readonly CommandRoute[] = [
  {
    path: 'reception',
    action: 'receive',
    summary: 'Tiếp nhận hồ sơ, cấp mã và ngày hẹn / Receive: code and appointment',
    fields: {},
  },
  {
    path: 'reception-supplement-requests',
    action: 'request-reception-supplement',
    summary: 'Hướng dẫn bổ sung khi tiếp nhận (mẫu 02) / Ask for missing documents at reception',
    fields: {
      items: Type.Array(
        Type.Union([
          text('A missing or wrong component, and what is needed', 500),
          Type.Object(
            {
              name: text('The missing or wrong component', 500),
              reason: Type.String({ maxLength: 2000, description: 'Why it is missing or wrong, and what is needed' }),
            },
            { description: 'An item with its own reason (why it is missing or wrong); empty reason: the overall one' },
          ),
        ]),
        {
          minItems: 1,
          maxItems: 50,
          description:
            'Everything that is missing or wrong, in one request, each with why (form 02): the applicant is guided once, fully',
        },
      ),
      reason: text('Why (for every item without its own reason)'),
    },
  },
  {
    path: 'reception-rejection',
    action: 'reject-reception',
    summary: 'Từ chối tiếp nhận (mẫu 03) / Refuse at reception',
    fields: { reason: text('Reason'), legalBasis: text('Legal basis') },
  },
  {
    path: 'redirection',
    action: 'redirect',
    summary: 'Chuyển đến bộ phận một cửa có thẩm quyền / Redirect to another one-stop unit',
    fields: { toAgencyId: text('Receiving unit to hand over to', 80), reason: text('Why') },
  },
  {
    path: 'digitized-components',
    action: 'digitize',
    summary: 'Số hóa thành phần hồ sơ / Record a digitized component',
    fields: { name: text('Component name', 500), fileRef: text('Stored file reference', 200) },
  },
  {
    path: 'transfer',
    action: 'transfer',
    summary: 'Chuyển cơ quan giải quyết / Transfer to the competent agency',
    fields: {},
  },
  {
    path: 'assignment',
    action: 'assign',
    summary: 'Phân công chuyên viên / Assign a specialist',
    fields: { assigneeId: text('Specialist id', 100), assigneeName: text('Specialist name', 200) },
  },
  {
    path: 'appraisal',
    action: 'appraise',
    summary: 'Thẩm định / Appraise',
    fields: {
      outcome: Type.Union([Type.Literal('approve'), Type.Literal('refuse')], {
        description: 'Kết quả thẩm định: propose approval, or refusal (the dossier is then stopped)',
      }),
      note: Type.String({ maxLength: 2000, description: 'Ý kiến thẩm định: the specialist’s opinion' }),
      decision: Type.Optional(
        Type.Record(Type.String(), Type.Unknown(), {
          description:
            'The result template’s decision fields (form.result.decisionSchema, e.g. registration number and book), ' +
            'when proposing approval; they are printed on the result',
        }),
      ),
    },
  },
  {
    path: 'supplement-requests',
    action: 'request-supplement',
    summary: 'Yêu cầu bổ sung trong quá trình giải quyết (tạm dừng thời hạn) / Request a supplement (pauses the clock)',
    fields: {
      items: Items,
      reason: text('Why'),
      exception: Type.Union(
        [
          Type.Object({ approver: text('Who approved a second request', 200), legalBasis: text('Legal basis') }),
          Type.Null(),
        ],
        {
          default: null,
          description: 'A second request by the same agency needs a recorded approver and legal basis (rules.md §1)',
        },
      ),
      fields: Type.Optional(
        Type.Array(Type.String({ pattern: '^[A-Za-z0-9_]+(/[A-Za-z0-9_]+)*$', maxLength: 200 }), {
          maxItems: 50,
          description: 'Declaration fields the applicant must correct, by path (e.g. husband/birthDate)',
        }),
      ),
    },
  },
  {
    path: 'supplements',
    action: 'receive-supplement',
    summary: 'Nhận hồ sơ bổ sung / Receive the supplement',
    fields: {
      components: Components,
      corrections: Type.Optional(
        Type.Array(
          Type.Object({
            path: Type.String({
              pattern: '^[A-Za-z0-9_]+(/[A-Za-z0-9_]+)*$',
              maxLength: 200,
              description: 'Field path',
            }),
            value: Type.Unknown({ description: 'The corrected value, valid under the form’s schema' }),
          }),
          {
            maxItems: 50,
            description: 'The applicant’s corrections of the fields the supplement request named, and only those',
          },
        ),
      ),
    },
  },
  {
    path: 'payment-requests',
    action: 'require-payment',
    summary: 'Yêu cầu thực hiện nghĩa vụ tài chính / Require payment',
    fields: {
      amountVnd: Type.Integer({ minimum: 1, description: 'Phí, lệ phí to pay, in đồng' }),
      reason: text('What the payment is for'),
    },
  },
  {
    path: 'payments',
    action: 'record-payment',
    summary: 'Ghi nhận đã nộp phí, lệ phí / Record payment',
    fields: {
      amountVnd: Type.Integer({ minimum: 1, description: 'Amount paid, in đồng' }),
      receipt: text('Receipt number', 100),
    },
  },
  {
    path: 'inter-agency-transfers',
    action: 'transfer-to-agency',
    summary: 'Chuyển liên thông / Transfer to a coordinating agency',
    fields: { toAgencyId: text('Coordinating agency', 80), reason: text('What it must do') },
  },
  {
    path: 'inter-agency-returns',
    action: 'return-from-agency',
    summary: 'Trả hồ sơ liên thông về cơ quan chủ trì / Return to the lead agency',
    fields: { note: Type.String({ maxLength: 2000, description: 'What the coordinating agency concluded' }) },
  },
  { path: 'approval', action: 'approve', summary: 'Phê duyệt, ký / Approve', fields: {} },
  {
    path: 'issuance',
    action: 'issue',
    summary: 'Ban hành kết quả (văn thư) / Issue the result',
    fields: { resultNumber: text('Số, ký hiệu', 100) },
  },
  {
    path: 'result-return',
    action: 'return-result',
    summary: 'Trả kết quả / Return the result',
    fields: {
      method: Type.Union([Type.Literal('counter'), Type.Literal('post'), Type.Literal('online')], {
        description: 'Hình thức trả kết quả: at the counter, by public post, or online',
      }),
    },
  },
  {
    path: 'withdrawal',
    action: 'withdraw',
    summary: 'Rút hồ sơ trước khi tiếp nhận / Withdraw before reception',
    fields: { reason: Type.String({ maxLength: 2000, description: 'Why the applicant withdraws (may be empty)' }) },
  },
  {
    path: 'withdrawal-requests',
    action: 'request-withdrawal',
    summary: 'Đề nghị dừng giải quyết hồ sơ (sau tiếp nhận) / Ask the agency to stop (after reception)',
    fields: { reason: text('Why the applicant asks to stop') },
  },
  {
    path: 'withdrawal-decision',
    action: 'decide-withdrawal',
    summary: 'Quyết định về đề nghị dừng (mẫu 05) / Decide on a withdrawal request (form 05)',
    fields: {
      accepted: Type.Boolean({ description: 'true: the dossier stops (status 7, form 05); false: it goes on' }),
      note: Type.String({ maxLength: 2000, description: 'The agency’s answer; required when refusing' }),
    },
  },
  {
    path: 'stop',
    action: 'stop',
    summary: 'Dừng xử lý / Stop',
    fields: {
      reason: text('Reason'),
      legalBasis: Type.String({ maxLength: 2000, description: 'Căn cứ pháp lý of the stop (may be empty)' }),
    },
  },
  {
    path: 'late-warnings',
    action: 'warn-late',
    summary: 'Cảnh báo sắp trễ hạn / Warn the counter of a late dossier',
    fields: {},
  },
  {
    path: 'apologies',
    action: 'issue-apology',
    summary: 'Văn bản xin lỗi và hẹn lại (mẫu 04) / Apology with a new appointment (once)',
    fields: {
      reason: text('Reason for the delay'),
      newAppointmentAt: Type.String({ description: 'ISO 8601 instant' }),
    },
  },
  {
    path: 'rating',
    action: 'rate',
    summary: 'Đánh giá mức độ hài lòng / Rate',
    fields: {
      satisfaction: Type.Union(
        [Type.Literal('very_satisfied'), Type.Literal('satisfied'), Type.Literal('not_satisfied')],
        { description: 'Mức độ hài lòng (indicator 5.4): not_satisfied counts against satisfaction' },
      ),
      comment: Type.String({ maxLength: 2000, default: '', description: 'The applicant’s comment' }),
    },
  },
]
