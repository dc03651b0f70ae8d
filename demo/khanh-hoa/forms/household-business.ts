import { address, email, isoDate, object, phone, text } from '../../../src/domain/declarations/field-kinds.ts'
import type { FormContext } from '../../../src/domain/declarations/form-context.ts'
import type { LayoutField, NamedRule } from '../../../src/domain/declarations/form-definition.ts'
import { adult, field, identityMatches, type LayoutSection, notAfterToday, person, personFields, t } from './people.ts'

// What the household business declarations of Decree 168/2025/NĐ-CP and Circular 68/2025/TT-BTC share:
// the owner (chủ hộ kinh doanh), the members of a household that registers together, the lines of
// business on the Vietnamese standard industrial classification, the registered office.

const ownerFields = ['fullName', 'birthDate', 'sex', 'ethnicity', 'nationality', 'identityNumber', 'residence'] as const
const memberFields = [
  'fullName',
  'birthDate',
  'sex',
  'ethnicity',
  'nationality',
  'identityNumber',
  'residence',
] as const

export const owner = (ctx: FormContext) => person(ctx, [...ownerFields, 'phone'])

/** Members of the household who register the business and authorise one of them as its owner. */
export const businessMembers = (ctx: FormContext, minItems: number) => ({
  type: 'array',
  minItems,
  maxItems: 30,
  items: person(ctx, memberFields),
})

/** A line of business: a 4-digit code of VSIC 2018 (Decision 27/2018/QĐ-TTg), its name, whether main. */
export const activities = {
  type: 'array',
  minItems: 1,
  maxItems: 50,
  items: object({ code: { type: 'string', pattern: '^[0-9]{4}$' }, name: text(300), main: { type: 'boolean' } }),
}

/** Trụ sở hộ kinh doanh: the address and how to reach the business. */
export const office = (ctx: FormContext) =>
  object({ address: address(ctx.provinceCode, ctx.communes), phone, email }, ['email'])

/** Vốn kinh doanh, in đồng. */
export const capital = { type: 'integer', minimum: 0 }

export function ownerSection(): LayoutSection {
  return {
    id: 'owner',
    title: t('Chủ hộ kinh doanh', 'Owner of the household business'),
    fields: personFields('owner', [...ownerFields, 'phone'], {
      residence: t('Nơi thường trú', 'Permanent residence'),
    }),
  }
}

export function membersField(title = t('Thành viên hộ gia đình', 'Household members')): LayoutField {
  return field('members', title, 'repeat', {
    fields: personFields('', memberFields, { residence: t('Nơi thường trú', 'Permanent residence') }),
  })
}

export function activitiesField(path: string): LayoutField {
  return field(path, t('Ngành, nghề kinh doanh', 'Lines of business'), 'repeat', {
    fields: [
      field('code', t('Mã ngành (VSIC cấp 4)', 'Code (VSIC level 4)'), 'text'),
      field('name', t('Tên ngành', 'Name'), 'text'),
      field('main', t('Ngành chính', 'Main line'), 'checkbox'),
    ],
  })
}

export function officeFields(path: string): LayoutField[] {
  return [
    field(`${path}/address`, t('Địa chỉ trụ sở', 'Registered office'), 'address'),
    field(`${path}/phone`, t('Điện thoại', 'Phone'), 'phone'),
    field(`${path}/email`, t('Thư điện tử', 'Email'), 'email'),
  ]
}

/** Art. 79–80 Decree 168/2025: an owner or member of full civil capacity whose number matches them. */
export function peopleRules(): NamedRule[] {
  return [
    adult('owner/birthDate', t('Chủ hộ kinh doanh', 'The owner')),
    identityMatches('owner/identityNumber', 'owner/birthDate', 'owner/sex'),
    adult('members/*/birthDate', t('Thành viên hộ gia đình', 'Each member')),
    notAfterToday('members/*/birthDate', t('Ngày sinh thành viên', 'A member’s date of birth')),
    identityMatches('members/*/identityNumber', 'members/*/birthDate', 'members/*/sex'),
  ]
}

/** The certificate the commune's business registration office issues (or re-issues on a change). */
export function certificateDecision(extra: Record<string, object> = {}) {
  return object({ registrationNumber: text(20), issuedOn: isoDate, ...extra })
}

export const certificateFields = (): LayoutField[] => [
  field('registrationNumber', t('Mã số hộ kinh doanh', 'Household business number'), 'text'),
  field('issuedOn', t('Ngày cấp', 'Issued on'), 'date'),
]

export const businessSource = (form: string, illustrative: string[]) => ({
  title: `Nghị định 168/2025/NĐ-CP (đăng ký doanh nghiệp, hộ kinh doanh) và Thông tư 68/2025/TT-BTC (biểu mẫu), ${form}`,
  url: null,
  illustrative: [
    'the annex and form number in Circular 68/2025/TT-BTC: no copy of the 2025 forms was found; the items follow the Giấy đề nghị of Circular 02/2023/TT-BKHĐT (Phụ lục III) as remembered, not as read',
    ...illustrative,
    'steps and English labels are motcua’s',
  ],
})
