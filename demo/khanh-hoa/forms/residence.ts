import { isoDate, object, text } from '../../../src/domain/declarations/field-kinds.ts'
import type { FormContext } from '../../../src/domain/declarations/form-context.ts'
import type {
  LayoutField,
  LocalText,
  NamedRule,
  ResultTemplate,
} from '../../../src/domain/declarations/form-definition.ts'
import {
  adult,
  field,
  identityMatches,
  type LayoutSection,
  notAfterToday,
  person,
  personFields,
  type ResultLine,
  t,
} from './people.ts'

// The parts of the Tờ khai thay đổi thông tin cư trú (mẫu CT01, Circular 56/2021/TT-BCA as amended by
// Circulars 66/2023/TT-BCA and 53/2025/TT-BCA) that every residence procedure fills the same way.

const declarantFields = ['fullName', 'birthDate', 'sex', 'identityNumber', 'phone', 'email'] as const
const memberFields = ['fullName', 'birthDate', 'sex', 'identityNumber', 'relationship'] as const

/** Items 1–6: the person whose residence changes. */
export const declarant = (ctx: FormContext) => person(ctx, declarantFields, ['email'])

/** Items 7–9: the head of the household and the declarant's relationship to them. */
export const householdHead = (ctx: FormContext) => person(ctx, ['fullName', 'identityNumber', 'relationship'])

/** Item 11: the household members who change with the declarant. */
export const members = (ctx: FormContext) => ({
  type: 'array',
  maxItems: 30,
  items: person(ctx, memberFields),
})

export function declarantSections(): LayoutSection[] {
  return [
    {
      id: 'declarant',
      title: t('Người kê khai', 'Declarant'),
      fields: personFields('declarant', declarantFields),
    },
    {
      id: 'head',
      title: t('Chủ hộ', 'Head of household'),
      fields: [
        field('head/fullName', t('Họ, chữ đệm và tên chủ hộ', 'Head of household’s full name'), 'text'),
        field('head/relationship', t('Mối quan hệ với chủ hộ', 'Relationship to the head'), 'select', {
          codeList: 'relationship',
        }),
        field(
          'head/identityNumber',
          t('Số định danh cá nhân của chủ hộ', 'Head of household’s identification number'),
          'identity-number',
        ),
      ],
    },
  ]
}

export function memberSection(title: LocalText): LayoutSection {
  const repeat: LayoutField = field('members', title, 'repeat', {
    fields: personFields('', memberFields, {
      relationship: t('Mối quan hệ với chủ hộ', 'Relationship to the head'),
    }),
  })
  return {
    id: 'members',
    title,
    fields: [repeat, field('memberCount', t('Số người cùng thay đổi', 'People changing with you'), 'number')],
  }
}

/** The checks CT01 needs on every person it names. */
export function residenceRules(): NamedRule[] {
  return [
    notAfterToday('declarant/birthDate', t('Ngày sinh', 'The date of birth')),
    identityMatches('declarant/identityNumber', 'declarant/birthDate', 'declarant/sex'),
    notAfterToday('members/*/birthDate', t('Ngày sinh thành viên', 'A member’s date of birth')),
    identityMatches('members/*/identityNumber', 'members/*/birthDate', 'members/*/sex'),
  ]
}

export const declarantIsAdult = adult('declarant/birthDate', t('Người kê khai', 'The declarant'))

/** The notice of the result (thông báo kết quả giải quyết thủ tục về cư trú) and the database update. */
export function residenceResult(lines: ResultLine[]): ResultTemplate {
  return {
    title: t('Thông báo kết quả giải quyết thủ tục về cư trú', 'Notice of the result of the residence procedure'),
    decisionSchema: object({ noticeNumber: text(30), updatedOn: isoDate, content: text(1000) }),
    decisionLayout: [
      {
        id: 'notice',
        title: t('Thông báo kết quả', 'Notice'),
        fields: [
          field('noticeNumber', t('Số thông báo', 'Notice number'), 'text'),
          field('updatedOn', t('Ngày cập nhật Cơ sở dữ liệu về cư trú', 'Residence database updated on'), 'date'),
          field('content', t('Nội dung', 'Content'), 'textarea'),
        ],
      },
    ],
    lines: [
      { label: t('Họ, chữ đệm và tên', 'Full name'), from: 'declaration', path: 'declarant/fullName' },
      {
        label: t('Số định danh cá nhân', 'Identification number'),
        from: 'declaration',
        path: 'declarant/identityNumber',
      },
      ...lines,
      { label: t('Nội dung', 'Content'), from: 'decision', path: 'content' },
      { label: t('Số thông báo', 'Notice number'), from: 'decision', path: 'noticeNumber' },
      { label: t('Ngày cập nhật', 'Updated on'), from: 'decision', path: 'updatedOn' },
    ],
  }
}

export const residenceSource = (procedure: string) => ({
  title: `Thông tư 56/2021/TT-BCA (sửa đổi bởi Thông tư 66/2023/TT-BCA và Thông tư 53/2025/TT-BCA), mẫu CT01 Tờ khai thay đổi thông tin cư trú; ${procedure}`,
  url: 'https://mocongty.net/to-khai-thay-doi-thong-tin-cu-tru/',
  illustrative: [
    'the items were read from the CT01 of Circular 66/2023/TT-BCA (mocongty.net); the 53/2025 version was seen only by name (nhansu.vn)',
    'the result notice’s form number (the CT series) was not confirmed',
    'the relationship list, steps and English labels are motcua’s',
  ],
})
