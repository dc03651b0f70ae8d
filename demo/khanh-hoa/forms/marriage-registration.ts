import { codeLists } from '../../../src/domain/declarations/code-lists/index.ts'
import {
  address,
  code,
  declarationSchema,
  identityNumber,
  isoDate,
  object,
  personName,
  text,
} from '../../../src/domain/declarations/field-kinds.ts'
import type { FormContext } from '../../../src/domain/declarations/form-context.ts'
import type { FormDefinition, LayoutField } from '../../../src/domain/declarations/form-definition.ts'
import { requires, t, when } from './people.ts'

/** One side of the marriage: the same fields for the bride (bên nữ) and the groom (bên nam). */
function spouse(ctx: FormContext) {
  return {
    ...object(
      {
        fullName: personName,
        birthDate: isoDate,
        ethnicity: code('ethnicity'),
        nationality: code('nationality'),
        residence: address(ctx.provinceCode, ctx.communes),
        identityNumber,
        passportNumber: text(20),
        marriageCount: { type: 'integer', minimum: 1, maximum: 20 },
      },
      ['identityNumber', 'passportNumber'],
    ),
    // A Vietnamese citizen gives the identity number; a foreign spouse gives a passport instead.
    ...when('nationality', 'VN', requires('identityNumber'), requires('passportNumber')),
  }
}

const side = (fullName: string, birthDate: string, identityNumber: string, street: string) => ({
  fullName,
  birthDate,
  ethnicity: '01',
  nationality: 'VN',
  residence: { province: '56', commune: '22333', street },
  identityNumber,
  marriageCount: 1,
})

/** A bride of 28 and a groom of 30, both Kinh citizens of Phường Bắc Nha Trang marrying for the first time. */
const example = {
  wife: side('Nguyễn Thị Lan', '1998-04-12', '056198001234', '12 Trần Phú'),
  husband: side('Trần Văn Nam', '1996-11-03', '056096004321', '40 Yersin'),
}

function spouseFields(side: 'wife' | 'husband'): LayoutField[] {
  const foreign = { path: `${side}/nationality`, notEquals: 'VN' }
  const citizen = { path: `${side}/nationality`, equals: 'VN' }
  return [
    { path: `${side}/fullName`, label: t('Họ, chữ đệm, tên', 'Full name'), widget: 'text' },
    { path: `${side}/birthDate`, label: t('Ngày, tháng, năm sinh', 'Date of birth'), widget: 'date' },
    { path: `${side}/ethnicity`, label: t('Dân tộc', 'Ethnicity'), widget: 'select', codeList: 'ethnicity' },
    { path: `${side}/nationality`, label: t('Quốc tịch', 'Nationality'), widget: 'select', codeList: 'nationality' },
    { path: `${side}/residence`, label: t('Nơi cư trú', 'Place of residence'), widget: 'address' },
    {
      path: `${side}/identityNumber`,
      label: t('Số định danh cá nhân', 'Personal identification number'),
      widget: 'identity-number',
      showIf: citizen,
    },
    { path: `${side}/passportNumber`, label: t('Số hộ chiếu', 'Passport number'), widget: 'text', showIf: foreign },
    { path: `${side}/marriageCount`, label: t('Kết hôn lần thứ mấy', 'Which marriage is this'), widget: 'number' },
  ]
}

/**
 * Tờ khai đăng ký kết hôn (procedure 1.000894): the declaration prescribed by Circular 04/2020/TT-BTP as
 * amended by Circular 04/2024/TT-BTP; the result is the Giấy chứng nhận kết hôn with its number and book.
 */
export function marriageRegistration(ctx: FormContext): FormDefinition {
  return {
    version: 1,
    title: t('Tờ khai đăng ký kết hôn', 'Marriage registration declaration'),
    schema: declarationSchema('https://motcua.khanhhoa.gov.vn/forms/1.000894/1', {
      ...object({ wife: spouse(ctx), husband: spouse(ctx) }),
      examples: [example],
    }),
    layout: {
      steps: [
        {
          id: 'wife',
          title: t('Bên nữ', 'Bride'),
          sections: [{ id: 'wife', title: t('Thông tin bên nữ', 'The bride'), fields: spouseFields('wife') }],
        },
        {
          id: 'husband',
          title: t('Bên nam', 'Groom'),
          sections: [{ id: 'husband', title: t('Thông tin bên nam', 'The groom'), fields: spouseFields('husband') }],
        },
      ],
    },
    rules: [
      {
        kind: 'min-age',
        path: 'wife/birthDate',
        years: 18,
        message: t('Bên nữ phải từ đủ 18 tuổi trở lên', 'The bride must be at least 18'),
      },
      {
        kind: 'min-age',
        path: 'husband/birthDate',
        years: 20,
        message: t('Bên nam phải từ đủ 20 tuổi trở lên', 'The groom must be at least 20'),
      },
      {
        kind: 'identity-matches-birth',
        path: 'wife/identityNumber',
        birthDate: 'wife/birthDate',
        sex: { is: 'female' },
        message: t(
          'Số định danh không khớp với năm sinh và giới tính',
          'The identification number does not match the birth year and sex',
        ),
      },
      {
        kind: 'identity-matches-birth',
        path: 'husband/identityNumber',
        birthDate: 'husband/birthDate',
        sex: { is: 'male' },
        message: t(
          'Số định danh không khớp với năm sinh và giới tính',
          'The identification number does not match the birth year and sex',
        ),
      },
      {
        kind: 'differs-from',
        path: 'husband/identityNumber',
        other: 'wife/identityNumber',
        message: t('Hai bên không thể cùng một số định danh', 'The two people cannot share one number'),
      },
    ],
    computed: [],
    codeLists: { ethnicity: codeLists.ethnicity, nationality: codeLists.nationality, province: codeLists.province },
    attachments: ctx.attachments,
    keyFacts: ['wife/fullName', 'wife/birthDate', 'husband/fullName', 'husband/birthDate'],
    result: {
      title: t('Giấy chứng nhận kết hôn', 'Marriage certificate'),
      decisionSchema: object({ registrationNumber: text(20), book: text(20), registeredOn: isoDate }),
      decisionLayout: [
        {
          id: 'registration',
          title: t('Đăng ký', 'Registration'),
          fields: [
            { path: 'registrationNumber', label: t('Số', 'Number'), widget: 'text' },
            { path: 'book', label: t('Quyển số', 'Book'), widget: 'text' },
            { path: 'registeredOn', label: t('Ngày đăng ký', 'Date of registration'), widget: 'date' },
          ],
        },
      ],
      lines: [
        { label: t('Họ, chữ đệm, tên bên nữ', 'Bride'), from: 'declaration', path: 'wife/fullName' },
        { label: t('Ngày sinh bên nữ', 'Bride’s date of birth'), from: 'declaration', path: 'wife/birthDate' },
        { label: t('Họ, chữ đệm, tên bên nam', 'Groom'), from: 'declaration', path: 'husband/fullName' },
        { label: t('Ngày sinh bên nam', 'Groom’s date of birth'), from: 'declaration', path: 'husband/birthDate' },
        { label: t('Số đăng ký', 'Registration number'), from: 'decision', path: 'registrationNumber' },
        { label: t('Quyển số', 'Book'), from: 'decision', path: 'book' },
        { label: t('Ngày đăng ký', 'Date of registration'), from: 'decision', path: 'registeredOn' },
      ],
    },
    source: {
      title: 'Thông tư 04/2020/TT-BTP (sửa đổi bởi Thông tư 04/2024/TT-BTP), Tờ khai đăng ký kết hôn',
      url: null,
      illustrative: ['layout into steps and the English labels are motcua’s'],
    },
  }
}
