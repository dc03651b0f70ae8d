import { declarationSchema, isoDate, object, text } from '../../../src/domain/declarations/field-kinds.ts'
import type { FormContext } from '../../../src/domain/declarations/form-context.ts'
import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import {
  choice,
  extend,
  field,
  identityMatches,
  lists,
  notAfterToday,
  person,
  personFields,
  requires,
  t,
  when,
} from './people.ts'

const event = choice('Luật Bảo hiểm xã hội 2024 (41/2024/QH15), Điều 50–58 (các trường hợp hưởng chế độ thai sản)', [
  ['birth', 'Sinh con', 'Giving birth'],
  ['prenatal', 'Khám thai', 'Prenatal examination'],
  ['pregnancy_loss', 'Sẩy thai, nạo, hút thai, thai chết lưu, phá thai bệnh lý', 'Pregnancy loss'],
  ['adoption', 'Nhận nuôi con nuôi dưới 06 tháng tuổi', 'Adopting a child under 6 months'],
  ['surrogacy', 'Mang thai hộ, nhờ mang thai hộ', 'Surrogacy'],
  ['contraception', 'Thực hiện biện pháp tránh thai', 'Contraception procedure'],
])

const payment = choice('Luật Bảo hiểm xã hội 2024, hình thức nhận trợ cấp', [
  ['bank', 'Qua tài khoản ngân hàng', 'To a bank account'],
  ['cash', 'Tiền mặt qua dịch vụ bưu chính', 'Cash through the post'],
])

const insuredFields = ['fullName', 'birthDate', 'sex', 'identityNumber', 'residence', 'phone'] as const

/**
 * The example declaration (JSON Schema `examples`): a voluntarily insured mother who gave birth in September 2026,
 * paid to her bank account.
 */
const example = {
  insured: {
    fullName: 'Phan Thị Hạnh',
    birthDate: '1994-07-19',
    sex: 'female',
    identityNumber: '056194003210',
    residence: { province: '56', commune: '22333', street: '56 Nguyễn Trãi' },
    phone: '0936778899',
    socialInsuranceNumber: '5620123456',
  },
  event: 'birth',
  eventDate: '2026-09-15',
  children: [{ fullName: 'Nguyễn Ngọc Bảo An', birthDate: '2026-09-15' }],
  payment: 'bank',
  bankAccount: { accountNumber: '0071000123456', bank: 'Ngân hàng TMCP Ngoại thương Việt Nam, chi nhánh Khánh Hòa' },
}

/**
 * Giải quyết hưởng chế độ thai sản (procedure 2.000693) for an insured person who no longer has an
 * employment relation, or is voluntarily insured, and applies to the social insurance office directly:
 * the insured, the event (birth, adoption…) and its date, the children concerned, how to be paid.
 * The result is the notice listing the benefit, its days and amount.
 */
export function maternityBenefit(ctx: FormContext): FormDefinition {
  return {
    version: 1,
    title: t('Đơn đề nghị hưởng chế độ thai sản', 'Application for maternity benefit'),
    schema: declarationSchema('https://motcua.khanhhoa.gov.vn/forms/2.000693/1', {
      examples: [example],
      type: 'object',
      additionalProperties: false,
      required: ['insured', 'event', 'eventDate', 'payment'],
      properties: {
        insured: extend(person(ctx, insuredFields), {
          socialInsuranceNumber: { type: 'string', pattern: '^[0-9]{10}$' },
        }),
        event: event.schema,
        eventDate: isoDate,
        children: {
          type: 'array',
          minItems: 1,
          maxItems: 10,
          items: object({ fullName: text(100), birthDate: isoDate }, ['fullName']),
        },
        childCount: { type: 'integer', minimum: 0 },
        payment: payment.schema,
        bankAccount: object({ accountNumber: { type: 'string', pattern: '^[0-9]{6,20}$' }, bank: text(200) }),
      },
      allOf: [
        when('event', 'birth', requires('children')),
        when('event', 'adoption', requires('children')),
        when('event', 'surrogacy', requires('children')),
        when('payment', 'bank', requires('bankAccount')),
      ],
    }),
    layout: {
      steps: [
        {
          id: 'insured',
          title: t('Người đề nghị', 'Applicant'),
          sections: [
            {
              id: 'insured',
              title: t('Người tham gia bảo hiểm xã hội', 'The insured person'),
              fields: [
                ...personFields('insured', insuredFields),
                field('insured/socialInsuranceNumber', t('Mã số bảo hiểm xã hội', 'Social insurance number'), 'text'),
              ],
            },
          ],
        },
        {
          id: 'event',
          title: t('Chế độ đề nghị', 'The benefit'),
          sections: [
            {
              id: 'event',
              title: t('Trường hợp hưởng', 'Event'),
              fields: [
                field('event', t('Trường hợp', 'Event'), 'radio', { codeList: 'event' }),
                field('eventDate', t('Ngày sinh con, nhận con, khám thai…', 'Date of the event'), 'date'),
              ],
            },
            {
              id: 'children',
              title: t('Con', 'Children'),
              showIf: { path: 'event', notEquals: 'prenatal' },
              fields: [
                field('children', t('Con được sinh, nhận nuôi', 'Children born or adopted'), 'repeat', {
                  fields: [
                    field('fullName', t('Họ, chữ đệm và tên con', 'Child’s full name'), 'text'),
                    field('birthDate', t('Ngày sinh', 'Date of birth'), 'date'),
                  ],
                }),
                field('childCount', t('Số con', 'Number of children'), 'number'),
              ],
            },
            {
              id: 'payment',
              title: t('Hình thức nhận tiền', 'Payment'),
              fields: [
                field('payment', t('Hình thức nhận', 'Paid'), 'radio', { codeList: 'payment' }),
                field('bankAccount/accountNumber', t('Số tài khoản', 'Account number'), 'text', {
                  showIf: { path: 'payment', equals: 'bank' },
                }),
                field('bankAccount/bank', t('Ngân hàng, chi nhánh', 'Bank and branch'), 'text', {
                  showIf: { path: 'payment', equals: 'bank' },
                }),
              ],
            },
          ],
        },
      ],
    },
    rules: [
      notAfterToday('eventDate', t('Ngày phát sinh chế độ', 'The date of the event')),
      notAfterToday('children/*/birthDate', t('Ngày sinh của con', 'A child’s date of birth')),
      notAfterToday('insured/birthDate', t('Ngày sinh', 'The date of birth')),
      identityMatches('insured/identityNumber', 'insured/birthDate', 'insured/sex'),
    ],
    computed: [{ kind: 'count', path: 'childCount', of: 'children' }],
    codeLists: { ...lists('sex', 'province'), event: event.list, payment: payment.list },
    attachments: ctx.attachments,
    keyFacts: ['insured/fullName', 'insured/socialInsuranceNumber', 'event', 'eventDate'],
    result: {
      title: t('Thông báo giải quyết hưởng chế độ thai sản', 'Notice of the maternity benefit'),
      decisionSchema: object({
        noticeNumber: text(30),
        decidedOn: isoDate,
        benefitDays: { type: 'integer', minimum: 0 },
        amountVnd: { type: 'integer', minimum: 0 },
      }),
      decisionLayout: [
        {
          id: 'benefit',
          title: t('Giải quyết', 'Decision'),
          fields: [
            field('noticeNumber', t('Số thông báo', 'Notice number'), 'text'),
            field('decidedOn', t('Ngày giải quyết', 'Decided on'), 'date'),
            field('benefitDays', t('Số ngày hưởng', 'Days of benefit'), 'number'),
            field('amountVnd', t('Số tiền trợ cấp (đồng)', 'Amount (VND)'), 'number'),
          ],
        },
      ],
      lines: [
        { label: t('Họ, chữ đệm và tên', 'Full name'), from: 'declaration', path: 'insured/fullName' },
        {
          label: t('Mã số bảo hiểm xã hội', 'Social insurance number'),
          from: 'declaration',
          path: 'insured/socialInsuranceNumber',
        },
        { label: t('Trường hợp hưởng', 'Event'), from: 'declaration', path: 'event' },
        { label: t('Số ngày hưởng', 'Days of benefit'), from: 'decision', path: 'benefitDays' },
        { label: t('Số tiền trợ cấp', 'Amount'), from: 'decision', path: 'amountVnd' },
        { label: t('Số thông báo', 'Notice number'), from: 'decision', path: 'noticeNumber' },
      ],
    },
    source: {
      title:
        'Luật Bảo hiểm xã hội 2024 (41/2024/QH15) Điều 50–58, Nghị định 158/2025/NĐ-CP, Thông tư 12/2025/TT-BNV; thủ tục 2.000693 (Quyết định công bố 1222/QĐ-BTC): đơn đề nghị hưởng chế độ thai sản của người không còn quan hệ lao động hoặc tham gia bảo hiểm xã hội tự nguyện',
      url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfc-d9ce-754f-b27a-e0edfaf3e2fc',
      illustrative: [
        'the whole declaration: the form number in force (Quyết định 166/QĐ-BHXH or its 2025 replacement) and its items were not confirmed; the procedure publishes no document components',
        'the events condense the articles of the law; the social insurance number as 10 digits; steps and English labels are motcua’s',
      ],
    },
  }
}
