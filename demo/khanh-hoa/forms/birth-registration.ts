import {
  address,
  code,
  declarationSchema,
  type JsonSchema,
  object,
  text,
} from '../../../src/domain/declarations/field-kinds.ts'
import type { FormContext } from '../../../src/domain/declarations/form-context.ts'
import type { FormDefinition, LayoutField } from '../../../src/domain/declarations/form-definition.ts'
import { birthPlaceKind, copies, copiesField, registrationResult, requester, requesterSection } from './civil-status.ts'
import { extend, field, lists, notAfterToday, person, personFields, requires, t, when } from './people.ts'

/** Nơi sinh: a health facility and its address, another place in Viet Nam, or a city abroad. */
export function birthPlace(ctx: FormContext): JsonSchema {
  return {
    ...object(
      {
        kind: birthPlaceKind.schema,
        facilityName: text(200),
        address: address(ctx.provinceCode, ctx.communes),
        abroadPlace: text(200),
        country: code('nationality'),
      },
      ['facilityName', 'address', 'abroadPlace', 'country'],
    ),
    allOf: [
      when('kind', 'facility', requires('facilityName', 'address')),
      when('kind', 'elsewhere', requires('address')),
      when('kind', 'abroad', requires('abroadPlace', 'country')),
    ],
  }
}

export function birthPlaceFields(prefix: string): LayoutField[] {
  const kind = `${prefix}/kind`
  return [
    field(kind, t('Nơi sinh', 'Place of birth'), 'radio', { codeList: 'birthPlaceKind' }),
    field(`${prefix}/facilityName`, t('Tên cơ sở y tế', 'Health facility'), 'text', {
      showIf: { path: kind, equals: 'facility' },
    }),
    field(`${prefix}/address`, t('Địa chỉ nơi sinh', 'Address of the place of birth'), 'address', {
      showIf: { path: kind, notEquals: 'abroad' },
    }),
    field(`${prefix}/abroadPlace`, t('Thành phố, bang nơi sinh', 'City (and state) of birth'), 'text', {
      showIf: { path: kind, equals: 'abroad' },
    }),
    field(`${prefix}/country`, t('Quốc gia nơi sinh', 'Country of birth'), 'select', {
      codeList: 'nationality',
      showIf: { path: kind, equals: 'abroad' },
    }),
  ]
}

/** A parent as the birth declaration names them: the year of birth suffices (note 5 of the form). */
function parent(ctx: FormContext) {
  return extend(
    person(ctx, ['fullName', 'ethnicity', 'nationality', 'residence', 'identityNumber'], ['identityNumber']),
    { birthYear: { type: 'integer', minimum: 1900, maximum: 2100 } },
  )
}

function parentFields(side: 'mother' | 'father', showIf?: { path: string; equals: boolean }): LayoutField[] {
  const when = showIf ? { showIf } : {}
  return [
    ...personFields(side, ['fullName'], {}, showIf),
    field(`${side}/birthYear`, t('Năm sinh', 'Year of birth'), 'number', when),
    ...personFields(side, ['ethnicity', 'nationality', 'residence', 'identityNumber'], {}, showIf),
  ]
}

/**
 * The example declaration (JSON Schema `examples`): a boy born in October 2026 at the provincial hospital, declared
 * by his father; both parents Kinh citizens.
 */
const example = {
  requester: {
    fullName: 'Nguyễn Văn Phúc',
    identityNumber: '056092001234',
    residence: { province: '56', commune: '22333', street: '19 Hùng Vương' },
    relationship: 'father',
    phone: '0905123456',
  },
  child: {
    fullName: 'Nguyễn Minh Khang',
    birthDate: '2026-10-05',
    sex: 'male',
    ethnicity: '01',
    nationality: 'VN',
    birthPlace: {
      kind: 'facility',
      facilityName: 'Bệnh viện Đa khoa tỉnh Khánh Hòa',
      address: { province: '56', commune: '22333', street: '19 Yersin' },
    },
    hometown: 'Ninh Hòa, Khánh Hòa',
  },
  mother: {
    fullName: 'Trần Thị Thu Trang',
    ethnicity: '01',
    nationality: 'VN',
    residence: { province: '56', commune: '22333', street: '19 Hùng Vương' },
    identityNumber: '056196002345',
    birthYear: 1996,
  },
  fatherKnown: true,
  father: {
    fullName: 'Nguyễn Văn Phúc',
    ethnicity: '01',
    nationality: 'VN',
    residence: { province: '56', commune: '22333', street: '19 Hùng Vương' },
    identityNumber: '056092001234',
    birthYear: 1992,
  },
  copies: 2,
}

/**
 * Tờ khai đăng ký khai sinh (procedure 1.001193): the declaration of the Annex to Circular 04/2024/TT-BTP,
 * which replaced the form of Annex 5 to Circular 04/2020/TT-BTP. The mother and, when known, the father;
 * the result is the Giấy khai sinh with its number, book and the child's personal identification number.
 */
export function birthRegistration(ctx: FormContext): FormDefinition {
  return {
    version: 1,
    title: t('Tờ khai đăng ký khai sinh', 'Birth registration declaration'),
    schema: declarationSchema('https://motcua.khanhhoa.gov.vn/forms/1.001193/1', {
      examples: [example],
      ...object(
        {
          requester: requester(ctx),
          child: extend(
            person(ctx, ['fullName', 'birthDate', 'sex', 'ethnicity', 'nationality']),
            { birthPlace: birthPlace(ctx), hometown: text(200) },
            ['hometown'],
          ),
          mother: parent(ctx),
          fatherKnown: { type: 'boolean' },
          father: parent(ctx),
          copies,
        },
        ['father', 'copies'],
      ),
      // The father's part is filled only when paternity is established (otherwise left blank, art. 15 Luật Hộ tịch).
      ...when('fatherKnown', true, requires('father')),
    }),
    layout: {
      steps: [
        { id: 'requester', title: t('Người yêu cầu', 'Requester'), sections: [requesterSection(relation)] },
        {
          id: 'child',
          title: t('Người được khai sinh', 'The child'),
          sections: [
            {
              id: 'child',
              title: t('Người được khai sinh', 'Person whose birth is registered'),
              fields: [
                ...personFields('child', ['fullName', 'birthDate', 'sex', 'ethnicity', 'nationality']),
                ...birthPlaceFields('child/birthPlace'),
                field('child/hometown', t('Quê quán', 'Native place'), 'text'),
              ],
            },
          ],
        },
        {
          id: 'parents',
          title: t('Cha, mẹ', 'Parents'),
          sections: [
            { id: 'mother', title: t('Người mẹ', 'Mother'), fields: parentFields('mother') },
            {
              id: 'father',
              title: t('Người cha', 'Father'),
              fields: [
                field('fatherKnown', t('Đã xác định được cha', 'The father is known'), 'checkbox'),
                ...parentFields('father', { path: 'fatherKnown', equals: true }),
              ],
            },
            { id: 'copies', title: t('Bản sao', 'Copies'), fields: [copiesField] },
          ],
        },
      ],
    },
    rules: [
      notAfterToday('child/birthDate', t('Ngày sinh', 'The date of birth')),
      {
        kind: 'differs-from',
        path: 'father/identityNumber',
        other: 'mother/identityNumber',
        message: t('Cha và mẹ không thể cùng một số định danh', 'The parents cannot share one number'),
      },
    ],
    computed: [],
    codeLists: {
      ...lists('sex', 'ethnicity', 'nationality', 'relationship', 'province'),
      birthPlaceKind: birthPlaceKind.list,
    },
    attachments: ctx.attachments,
    keyFacts: ['child/fullName', 'child/birthDate', 'mother/fullName', 'requester/fullName'],
    result: registrationResult(
      t('Giấy khai sinh', 'Birth certificate'),
      [
        { label: t('Họ, chữ đệm, tên', 'Full name'), from: 'declaration', path: 'child/fullName' },
        { label: t('Ngày, tháng, năm sinh', 'Date of birth'), from: 'declaration', path: 'child/birthDate' },
        { label: t('Giới tính', 'Sex'), from: 'declaration', path: 'child/sex' },
        { label: t('Dân tộc', 'Ethnicity'), from: 'declaration', path: 'child/ethnicity' },
        { label: t('Quốc tịch', 'Nationality'), from: 'declaration', path: 'child/nationality' },
        { label: t('Họ, chữ đệm, tên người mẹ', 'Mother'), from: 'declaration', path: 'mother/fullName' },
        { label: t('Họ, chữ đệm, tên người cha', 'Father'), from: 'declaration', path: 'father/fullName' },
        {
          label: t('Số định danh cá nhân', 'Personal identification number'),
          from: 'decision',
          path: 'personalIdentificationNumber',
        },
      ],
      [
        {
          name: 'personalIdentificationNumber',
          schema: { type: 'string', pattern: '^[0-9]{12}$' },
          field: field(
            'personalIdentificationNumber',
            t('Số định danh cá nhân cấp cho trẻ', 'Identification number given to the child'),
            'identity-number',
          ),
        },
      ],
    ),
    source: {
      title:
        'Thông tư 04/2024/TT-BTP, Phụ lục: Tờ khai đăng ký khai sinh (thay mẫu tại Phụ lục 5 của Thông tư 04/2020/TT-BTP); Giấy khai sinh theo Thông tư 04/2020/TT-BTP, cách ghi tại Điều 31',
      url: 'https://thuvienphapluat.vn/ma-so-thue/bai-viet/cach-ghi-giay-khai-sinh-va-so-dang-ky-khai-sinh-moi-nhat-tre-em-duoc-tinh-la-nguoi-phu-thuoc-den-ba-223224-200309.html',
      illustrative: [
        'the annex form number of the 2024 declaration (the page seen says only "Phụ lục ban hành kèm theo Thông tư 04/2024/TT-BTP")',
        'the fields were read from a 2020 reproduction of the form (luatsutran.vn); changes the 2024 annex made to the wording were not seen',
        'steps, the "father is known" switch and the English labels are motcua’s',
      ],
    },
  }
}

const relation = t('Quan hệ với người được khai sinh', 'Relationship to the child')
