import { declarationSchema, isoDate, object, text } from '../../../src/domain/declarations/field-kinds.ts'
import type { FormContext } from '../../../src/domain/declarations/form-context.ts'
import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { copies, copiesField, registrationResult, requester, requesterSection } from './civil-status.ts'
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

const noticeKind = choice('Thông tư 04/2024/TT-BTP, Tờ khai đăng ký khai tử, chú thích (4)', [
  ['notice', 'Giấy báo tử', 'Death notice'],
  ['substitute', 'Giấy tờ thay thế Giấy báo tử', 'Document in place of a death notice'],
])

const deceasedFields = ['fullName', 'birthDate', 'sex', 'ethnicity', 'nationality', 'identityNumber'] as const

/**
 * The example declaration (JSON Schema `examples`): a son declares his father's death at the provincial hospital,
 * with the hospital's death notice.
 */
const example = {
  requester: {
    fullName: 'Lê Văn Tâm',
    identityNumber: '056078003456',
    residence: { province: '56', commune: '22333', street: '31 Ngô Gia Tự' },
    relationship: 'child',
    phone: '0914234567',
  },
  deceased: {
    fullName: 'Lê Văn Sơn',
    birthDate: '1948-02-15',
    sex: 'male',
    ethnicity: '01',
    nationality: 'VN',
    identityNumber: '056048001122',
    residence: { province: '56', commune: '22333', street: '31 Ngô Gia Tự' },
    deathDate: '2026-10-20',
    deathTime: '14:30',
    deathPlace: 'Bệnh viện Đa khoa tỉnh Khánh Hòa',
    cause: 'Suy tim',
  },
  hasNotice: true,
  notice: { kind: 'notice', number: '215/GBT', issuedBy: 'Bệnh viện Đa khoa tỉnh Khánh Hòa', issuedOn: '2026-10-20' },
  copies: 2,
}

/**
 * Tờ khai đăng ký khai tử (procedure 1.000656): the declaration of the Annex to Circular 04/2024/TT-BTP.
 * The requester, the deceased, when and where death occurred and its cause, and the death notice (or the
 * document in its place) when there is one; the result is the Trích lục khai tử.
 */
export function deathRegistration(ctx: FormContext): FormDefinition {
  return {
    version: 1,
    title: t('Tờ khai đăng ký khai tử', 'Death registration declaration'),
    schema: declarationSchema('https://motcua.khanhhoa.gov.vn/forms/1.000656/1', {
      examples: [example],
      ...object(
        {
          requester: requester(ctx),
          deceased: extend(
            person(ctx, [...deceasedFields, 'residence'], ['identityNumber']),
            {
              deathDate: isoDate,
              deathTime: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
              deathPlace: text(300),
              cause: text(300),
            },
            ['deathTime'],
          ),
          hasNotice: { type: 'boolean' },
          notice: object({ kind: noticeKind.schema, number: text(50), issuedBy: text(200), issuedOn: isoDate }, [
            'number',
          ]),
          copies,
        },
        ['notice', 'copies'],
      ),
      // A person who died long ago may have no notice; then the part is left blank (note 4 of the form).
      ...when('hasNotice', true, requires('notice')),
    }),
    layout: {
      steps: [
        {
          id: 'requester',
          title: t('Người yêu cầu', 'Requester'),
          sections: [requesterSection(t('Quan hệ với người đã chết', 'Relationship to the deceased'))],
        },
        {
          id: 'deceased',
          title: t('Người đã chết', 'The deceased'),
          sections: [
            {
              id: 'deceased',
              title: t('Người đã chết', 'The deceased'),
              fields: [
                ...personFields('deceased', deceasedFields),
                ...personFields('deceased', ['residence'], {
                  residence: t('Nơi cư trú cuối cùng', 'Last place of residence'),
                }),
              ],
            },
            {
              id: 'death',
              title: t('Sự kiện chết', 'The death'),
              fields: [
                field('deceased/deathDate', t('Ngày chết', 'Date of death'), 'date'),
                field('deceased/deathTime', t('Giờ, phút chết', 'Time of death'), 'text', {
                  help: t('Ghi giờ:phút, ví dụ 14:30', 'Write hours:minutes, e.g. 14:30'),
                }),
                field('deceased/deathPlace', t('Nơi chết', 'Place of death'), 'text'),
                field('deceased/cause', t('Nguyên nhân chết', 'Cause of death'), 'text'),
              ],
            },
            {
              id: 'notice',
              title: t('Giấy báo tử', 'Death notice'),
              fields: [
                field('hasNotice', t('Có Giấy báo tử hoặc giấy tờ thay thế', 'There is a death notice'), 'checkbox'),
                ...(
                  [
                    ['kind', t('Loại giấy tờ', 'Kind of document'), 'radio'],
                    ['number', t('Số', 'Number'), 'text'],
                    ['issuedBy', t('Cơ quan cấp', 'Issued by'), 'text'],
                    ['issuedOn', t('Ngày cấp', 'Issued on'), 'date'],
                  ] as const
                ).map(([name, label, widget]) =>
                  field(`notice/${name}`, label, widget, {
                    showIf: { path: 'hasNotice', equals: true },
                    ...(name === 'kind' ? { codeList: 'noticeKind' } : {}),
                  }),
                ),
                copiesField,
              ],
            },
          ],
        },
      ],
    },
    rules: [
      notAfterToday('deceased/deathDate', t('Ngày chết', 'The date of death')),
      notAfterToday('deceased/birthDate', t('Ngày sinh', 'The date of birth')),
      notAfterToday('notice/issuedOn', t('Ngày cấp Giấy báo tử', 'The date of the death notice')),
      identityMatches('deceased/identityNumber', 'deceased/birthDate', 'deceased/sex'),
      {
        kind: 'differs-from',
        path: 'requester/identityNumber',
        other: 'deceased/identityNumber',
        message: t('Người yêu cầu không thể là người đã chết', 'The requester cannot be the deceased'),
      },
    ],
    computed: [],
    codeLists: { ...lists('sex', 'ethnicity', 'nationality', 'relationship', 'province'), noticeKind: noticeKind.list },
    attachments: ctx.attachments,
    keyFacts: ['deceased/fullName', 'deceased/deathDate', 'requester/fullName'],
    result: registrationResult(t('Trích lục khai tử', 'Death registration extract'), [
      { label: t('Họ, chữ đệm, tên người đã chết', 'The deceased'), from: 'declaration', path: 'deceased/fullName' },
      { label: t('Ngày, tháng, năm sinh', 'Date of birth'), from: 'declaration', path: 'deceased/birthDate' },
      { label: t('Giới tính', 'Sex'), from: 'declaration', path: 'deceased/sex' },
      { label: t('Quốc tịch', 'Nationality'), from: 'declaration', path: 'deceased/nationality' },
      { label: t('Ngày chết', 'Date of death'), from: 'declaration', path: 'deceased/deathDate' },
      { label: t('Nơi chết', 'Place of death'), from: 'declaration', path: 'deceased/deathPlace' },
      { label: t('Nguyên nhân chết', 'Cause of death'), from: 'declaration', path: 'deceased/cause' },
    ]),
    source: {
      title:
        'Thông tư 04/2024/TT-BTP, Phụ lục: Tờ khai đăng ký khai tử (thay mẫu của Phụ lục Thông tư 04/2020/TT-BTP); Trích lục khai tử theo Thông tư 04/2020/TT-BTP',
      url: 'https://lawnet.vn/ngan-hang-phap-luat/tu-van-phap-luat/quyen-dan-su/mau-to-khai-dang-ky-khai-tu-moi-nhat-nam-2025-1102818',
      illustrative: [
        'the annex form number of the 2024 declaration',
        'the fields were read from reproductions of the form (artrex.vn, lawnet.vn notes 1–5), not from the gazette',
        'the time of death as hh:mm, the "there is a notice" switch, steps and English labels are motcua’s',
      ],
    },
  }
}
