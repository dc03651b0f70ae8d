import { declarationSchema, isoDate, object, text } from '../../../src/domain/declarations/field-kinds.ts'
import type { FormContext } from '../../../src/domain/declarations/form-context.ts'
import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { birthPlace, birthPlaceFields } from './birth-registration.ts'
import { birthPlaceKind, copies, copiesField, registrationResult, requester, requesterSection } from './civil-status.ts'
import {
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

const subjectFields = ['fullName', 'birthDate', 'sex', 'ethnicity', 'nationality', 'identityNumber'] as const
const parentFields = ['fullName', 'ethnicity', 'nationality', 'residence'] as const

/**
 * The example declaration (JSON Schema `examples`): a woman born in 1985 in Nha Trang whose birth register and
 * certificate were both lost, asking for herself.
 */
const example = {
  forSelf: true,
  subject: {
    fullName: 'Phạm Thị Hoa',
    birthDate: '1985-06-20',
    sex: 'female',
    ethnicity: '01',
    nationality: 'VN',
    identityNumber: '056185012345',
    residence: { province: '56', commune: '22333', street: '25 Nguyễn Thị Minh Khai' },
    birthPlace: { kind: 'elsewhere', address: { province: '56', commune: '22333', street: '8 Lê Lợi' } },
    hometown: 'Diên Khánh, Khánh Hòa',
  },
  mother: {
    fullName: 'Nguyễn Thị Mai',
    ethnicity: '01',
    nationality: 'VN',
    residence: { province: '56', commune: '22333', street: '25 Nguyễn Thị Minh Khai' },
  },
  father: {
    fullName: 'Phạm Văn Hùng',
    ethnicity: '01',
    nationality: 'VN',
    residence: { province: '56', commune: '22333', street: '25 Nguyễn Thị Minh Khai' },
  },
  earlier: {
    place: 'UBND phường Vĩnh Phước, thành phố Nha Trang',
    registeredOn: '1985-07-02',
    registrationNumber: '112',
  },
  isOfficial: false,
  copies: 1,
}

/**
 * Tờ khai đăng ký lại khai sinh (procedure 1.004884), form 14 of the Annex to Circular 04/2020/TT-BTP: a birth registered
 * before 1 January 2016 whose register and original certificate are both lost (Decree 123/2015/NĐ-CP
 * art. 24–26). Who asks (the person themself or a representative), the person, their parents, where the
 * birth was first registered, and for an official or serviceman the agency that confirms the details.
 */
export function birthReRegistration(ctx: FormContext): FormDefinition {
  const parent = () => person(ctx, parentFields)
  return {
    version: 1,
    title: t('Tờ khai đăng ký lại khai sinh', 'Declaration for re-registration of a birth'),
    schema: declarationSchema('https://motcua.khanhhoa.gov.vn/forms/1.004884/1', {
      examples: [example],
      ...object(
        {
          forSelf: { type: 'boolean' },
          requester: requester(ctx),
          subject: extend(
            person(ctx, [...subjectFields, 'residence'], ['identityNumber']),
            { birthPlace: birthPlace(ctx), hometown: text(200), age: { type: 'integer', minimum: 0 } },
            ['hometown', 'age'],
          ),
          mother: parent(),
          father: parent(),
          earlier: object({ place: text(300), registeredOn: isoDate, registrationNumber: text(20) }, [
            'registeredOn',
            'registrationNumber',
          ]),
          isOfficial: { type: 'boolean' },
          agency: text(300),
          copies,
        },
        ['requester', 'father', 'agency', 'copies'],
      ),
      allOf: [
        // Someone else may ask on the person's behalf (a parent, a guardian): then they declare themselves.
        when('forSelf', false, requires('requester')),
        // Art. 26(2) Decree 123/2015: an official's details are confirmed by the head of their agency.
        when('isOfficial', true, requires('agency')),
      ],
    }),
    layout: {
      steps: [
        {
          id: 'requester',
          title: t('Người yêu cầu', 'Requester'),
          sections: [
            {
              id: 'for-self',
              title: t('Ai yêu cầu', 'Who asks'),
              fields: [field('forSelf', t('Tôi đăng ký lại khai sinh cho chính mình', 'I ask for myself'), 'checkbox')],
            },
            {
              ...requesterSection(t('Quan hệ với người được đăng ký lại khai sinh', 'Relationship to the person')),
              showIf: { path: 'forSelf', equals: false },
            },
          ],
        },
        {
          id: 'subject',
          title: t('Người được đăng ký lại khai sinh', 'The person'),
          sections: [
            {
              id: 'subject',
              title: t('Người được đăng ký lại khai sinh', 'Person whose birth is re-registered'),
              fields: [
                ...personFields('subject', [...subjectFields, 'residence']),
                field('subject/age', t('Tuổi', 'Age'), 'number'),
                ...birthPlaceFields('subject/birthPlace'),
                field('subject/hometown', t('Quê quán', 'Native place'), 'text'),
              ],
            },
            { id: 'mother', title: t('Người mẹ', 'Mother'), fields: personFields('mother', parentFields) },
            { id: 'father', title: t('Người cha', 'Father'), fields: personFields('father', parentFields) },
          ],
        },
        {
          id: 'earlier',
          title: t('Đăng ký khai sinh trước đây', 'The earlier registration'),
          sections: [
            {
              id: 'earlier',
              title: t('Đăng ký khai sinh trước đây', 'The earlier registration'),
              fields: [
                field('earlier/place', t('Nơi đã đăng ký khai sinh', 'Where the birth was registered'), 'text'),
                field('earlier/registeredOn', t('Ngày đăng ký (nếu nhớ)', 'Date registered (if known)'), 'date'),
                field('earlier/registrationNumber', t('Số đăng ký (nếu nhớ)', 'Number (if known)'), 'text'),
              ],
            },
            {
              id: 'official',
              title: t('Cán bộ, công chức, viên chức, lực lượng vũ trang', 'Officials and servicemen'),
              fields: [
                field(
                  'isOfficial',
                  t('Tôi là cán bộ, công chức, viên chức hoặc quân nhân', 'I am an official'),
                  'checkbox',
                ),
                field('agency', t('Cơ quan, đơn vị công tác', 'Agency or unit'), 'text', {
                  showIf: { path: 'isOfficial', equals: true },
                }),
                copiesField,
              ],
            },
          ],
        },
      ],
    },
    rules: [
      notAfterToday('subject/birthDate', t('Ngày sinh', 'The date of birth')),
      notAfterToday('earlier/registeredOn', t('Ngày đăng ký trước đây', 'The earlier registration date')),
      identityMatches('subject/identityNumber', 'subject/birthDate', 'subject/sex'),
    ],
    computed: [{ kind: 'age-in-years', path: 'subject/age', from: 'subject/birthDate' }],
    codeLists: {
      ...lists('sex', 'ethnicity', 'nationality', 'relationship', 'province'),
      birthPlaceKind: birthPlaceKind.list,
    },
    attachments: ctx.attachments,
    keyFacts: ['subject/fullName', 'subject/birthDate', 'earlier/place'],
    result: registrationResult(t('Giấy khai sinh (đăng ký lại)', 'Birth certificate (re-registered)'), [
      { label: t('Họ, chữ đệm, tên', 'Full name'), from: 'declaration', path: 'subject/fullName' },
      { label: t('Ngày, tháng, năm sinh', 'Date of birth'), from: 'declaration', path: 'subject/birthDate' },
      { label: t('Giới tính', 'Sex'), from: 'declaration', path: 'subject/sex' },
      { label: t('Họ, chữ đệm, tên người mẹ', 'Mother'), from: 'declaration', path: 'mother/fullName' },
      { label: t('Họ, chữ đệm, tên người cha', 'Father'), from: 'declaration', path: 'father/fullName' },
      {
        label: t('Nơi đăng ký khai sinh trước đây', 'Earlier registration'),
        from: 'declaration',
        path: 'earlier/place',
      },
    ]),
    source: {
      title:
        'Thông tư 04/2020/TT-BTP, Phụ lục, mẫu số 14: Tờ khai đăng ký lại khai sinh (Điều 9 sửa đổi bởi Thông tư 09/2022/TT-BTP; các mẫu hộ tịch thay bởi Thông tư 04/2024/TT-BTP); Nghị định 123/2015/NĐ-CP Điều 24–26',
      url: 'https://beta.thuvienphapluat.vn/phap-luat/thoi-su-phap-luat/mau-to-khai-dang-ky-lai-khai-sinh-moi-nhat-2024-la-mau-nao-thu-tuc-dang-ky-lai-khai-sinh-nam-2024-n-891664-155235.html',
      illustrative: [
        'the form number 14 is as a law firm’s page gives it (vietluatlaw.com); whether Circular 04/2024/TT-BTP replaced this form, and its exact wording, were not seen',
        'the fields follow the birth registration declaration plus the earlier registration and art. 26 Decree 123/2015',
        'the "for myself" and "official" switches, the age, steps and English labels are motcua’s',
      ],
    },
  }
}
