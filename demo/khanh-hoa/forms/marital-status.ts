import { declarationSchema, isoDate, object, text } from '../../../src/domain/declarations/field-kinds.ts'
import type { FormContext } from '../../../src/domain/declarations/form-context.ts'
import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { requester, requesterSection } from './civil-status.ts'
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

const maritalStatus = choice('Thông tư 04/2020/TT-BTP, Điều 33 khoản 1 (cách ghi mục "Tình trạng hôn nhân")', [
  ['never_married', 'Chưa đăng ký kết hôn với ai', 'Never married'],
  ['married', 'Đang có vợ/chồng', 'Married'],
  ['divorced', 'Đã ly hôn, chưa kết hôn mới', 'Divorced, not remarried'],
  ['widowed', 'Vợ/chồng đã chết, chưa kết hôn mới', 'Widowed, not remarried'],
])

const purpose = choice('Nghị định 123/2015/NĐ-CP, Điều 22–23 (mục đích sử dụng Giấy xác nhận tình trạng hôn nhân)', [
  ['marriage', 'Để đăng ký kết hôn', 'To marry'],
  ['other', 'Mục đích khác', 'Another purpose'],
])

const personFieldNames = ['fullName', 'birthDate', 'sex', 'ethnicity', 'nationality', 'identityNumber'] as const

/**
 * The example declaration (JSON Schema `examples`): a never-married woman asks for herself, to marry a citizen of
 * the same ward.
 */
const example = {
  requester: {
    fullName: 'Đặng Thị Linh',
    identityNumber: '056197004567',
    residence: { province: '56', commune: '22333', street: '14 Lê Thánh Tôn' },
    relationship: 'self',
    phone: '0977445566',
  },
  subject: {
    fullName: 'Đặng Thị Linh',
    birthDate: '1997-02-27',
    sex: 'female',
    ethnicity: '01',
    nationality: 'VN',
    identityNumber: '056197004567',
    residence: { province: '56', commune: '22333', street: '14 Lê Thánh Tôn' },
    maritalStatus: 'never_married',
  },
  priorResidence: false,
  purpose: 'marriage',
  intendedSpouse: {
    fullName: 'Hoàng Quốc Nam',
    birthDate: '1995-10-10',
    nationality: 'VN',
    identityNumber: '056095008899',
    marriagePlace: 'UBND phường Bắc Nha Trang, tỉnh Khánh Hòa',
  },
}

/**
 * Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (procedure 1.004873), Annex to Circular 04/2020/TT-BTP as
 * replaced by Circular 04/2024/TT-BTP: whose status, their current status, an earlier residence to certify
 * and the purpose; used to marry, it names the intended spouse (Circular 04/2020/TT-BTP art. 33 khoản 2).
 */
export function maritalStatusCertificate(ctx: FormContext): FormDefinition {
  return {
    version: 1,
    title: t('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'Declaration for a certificate of marital status'),
    schema: declarationSchema('https://motcua.khanhhoa.gov.vn/forms/1.004873/1', {
      examples: [example],
      ...object(
        {
          requester: requester(ctx),
          subject: extend(
            person(ctx, [...personFieldNames, 'residence']),
            {
              maritalStatus: maritalStatus.schema,
              age: { type: 'integer', minimum: 0 },
            },
            ['age'],
          ),
          priorResidence: { type: 'boolean' },
          earlierResidences: {
            type: 'array',
            minItems: 1,
            maxItems: 10,
            items: object({ place: text(300), from: isoDate, to: isoDate }),
          },
          purpose: purpose.schema,
          otherPurpose: text(300),
          intendedSpouse: extend(
            person(ctx, ['fullName', 'birthDate', 'nationality', 'identityNumber'], ['identityNumber']),
            { passportNumber: text(20), marriagePlace: text(200) },
            ['passportNumber'],
          ),
        },
        ['earlierResidences', 'otherPurpose', 'intendedSpouse'],
      ),
      allOf: [
        when('priorResidence', true, requires('earlierResidences')),
        when('purpose', 'marriage', requires('intendedSpouse'), requires('otherPurpose')),
      ],
    }),
    layout: {
      steps: [
        {
          id: 'requester',
          title: t('Người yêu cầu', 'Requester'),
          sections: [
            requesterSection(t('Quan hệ với người được cấp giấy xác nhận', 'Relationship to the person certified')),
          ],
        },
        {
          id: 'subject',
          title: t('Người được xác nhận', 'Person certified'),
          sections: [
            {
              id: 'subject',
              title: t('Người được xác nhận tình trạng hôn nhân', 'Person whose marital status is certified'),
              fields: [
                ...personFields('subject', [...personFieldNames, 'residence']),
                field('subject/age', t('Tuổi', 'Age'), 'number'),
                field('subject/maritalStatus', t('Tình trạng hôn nhân', 'Marital status'), 'radio', {
                  codeList: 'maritalStatus',
                }),
              ],
            },
            {
              id: 'earlier-residence',
              title: t('Xác nhận trong thời gian cư trú trước đây', 'For an earlier residence'),
              fields: [
                field(
                  'priorResidence',
                  t('Đề nghị xác nhận cho thời gian cư trú trước đây', 'Certify an earlier period of residence'),
                  'checkbox',
                ),
                field('earlierResidences', t('Nơi cư trú trước đây', 'Earlier places of residence'), 'repeat', {
                  showIf: { path: 'priorResidence', equals: true },
                  fields: [
                    field('place', t('Nơi cư trú', 'Place of residence'), 'text'),
                    field('from', t('Từ ngày', 'From'), 'date'),
                    field('to', t('Đến ngày', 'To'), 'date'),
                  ],
                }),
              ],
            },
          ],
        },
        {
          id: 'purpose',
          title: t('Mục đích sử dụng', 'Purpose'),
          sections: [
            {
              id: 'purpose',
              title: t('Mục đích sử dụng', 'Purpose'),
              fields: [
                field('purpose', t('Mục đích sử dụng', 'Purpose'), 'radio', { codeList: 'purpose' }),
                field('otherPurpose', t('Ghi rõ mục đích', 'State the purpose'), 'text', {
                  showIf: { path: 'purpose', equals: 'other' },
                }),
              ],
            },
            {
              id: 'intended-spouse',
              title: t('Người dự định kết hôn', 'Intended spouse'),
              showIf: { path: 'purpose', equals: 'marriage' },
              fields: [
                ...personFields('intendedSpouse', ['fullName', 'birthDate', 'nationality', 'identityNumber']),
                field('intendedSpouse/passportNumber', t('Số hộ chiếu', 'Passport number'), 'text', {
                  showIf: { path: 'intendedSpouse/nationality', notEquals: 'VN' },
                }),
                field(
                  'intendedSpouse/marriagePlace',
                  t('Nơi dự định đăng ký kết hôn', 'Where the marriage will be registered'),
                  'text',
                ),
              ],
            },
          ],
        },
      ],
    },
    rules: [
      notAfterToday('subject/birthDate', t('Ngày sinh', 'The date of birth')),
      notAfterToday('earlierResidences/*/to', t('Ngày kết thúc cư trú', 'The end of the residence')),
      identityMatches('subject/identityNumber', 'subject/birthDate', 'subject/sex'),
      {
        kind: 'differs-from',
        path: 'intendedSpouse/identityNumber',
        other: 'subject/identityNumber',
        message: t('Người dự định kết hôn phải là người khác', 'The intended spouse must be someone else'),
      },
    ],
    computed: [{ kind: 'age-in-years', path: 'subject/age', from: 'subject/birthDate' }],
    codeLists: {
      ...lists('sex', 'ethnicity', 'nationality', 'relationship', 'province'),
      maritalStatus: maritalStatus.list,
      purpose: purpose.list,
    },
    attachments: ctx.attachments,
    keyFacts: ['subject/fullName', 'subject/birthDate', 'purpose'],
    result: {
      title: t('Giấy xác nhận tình trạng hôn nhân', 'Certificate of marital status'),
      decisionSchema: object({ number: text(30), issuedOn: isoDate, statusText: text(1000), usedFor: text(500) }),
      decisionLayout: [
        {
          id: 'certificate',
          title: t('Giấy xác nhận', 'Certificate'),
          fields: [
            field('number', t('Số (…/UBND-XNTTHN)', 'Number (…/UBND-XNTTHN)'), 'text'),
            field('issuedOn', t('Ngày cấp', 'Issued on'), 'date'),
            field('statusText', t('Tình trạng hôn nhân (như ghi trên giấy)', 'Marital status as written'), 'textarea', {
              help: t('Ghi theo Điều 33 khoản 1 Thông tư 04/2020/TT-BTP', 'As art. 33(1) of Circular 04/2020 says'),
            }),
            field('usedFor', t('Được sử dụng để', 'To be used for'), 'text'),
          ],
        },
      ],
      lines: [
        { label: t('Họ, chữ đệm, tên', 'Full name'), from: 'declaration', path: 'subject/fullName' },
        { label: t('Ngày, tháng, năm sinh', 'Date of birth'), from: 'declaration', path: 'subject/birthDate' },
        {
          label: t('Số định danh cá nhân', 'Identification number'),
          from: 'declaration',
          path: 'subject/identityNumber',
        },
        { label: t('Tình trạng hôn nhân', 'Marital status'), from: 'decision', path: 'statusText' },
        { label: t('Được sử dụng để', 'To be used for'), from: 'decision', path: 'usedFor' },
        { label: t('Số', 'Number'), from: 'decision', path: 'number' },
        { label: t('Ngày cấp', 'Issued on'), from: 'decision', path: 'issuedOn' },
      ],
    },
    source: {
      title:
        'Thông tư 04/2020/TT-BTP, Phụ lục: Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (thay thế bởi mẫu của Thông tư 04/2024/TT-BTP) và Giấy xác nhận tình trạng hôn nhân; cách ghi tại Điều 33',
      url: 'https://hethongphapluat.com/thong-tu-04-2020-tt-btp-huong-dan-luat-ho-tich-va-nghi-dinh-123-2015-nd-cp-huong-dan-luat-ho-tich-do-bo-truong-bo-tu-phap-ban-hanh/dieu-33',
      illustrative: [
        'the annex form numbers (2020 and 2024)',
        'the declaration’s own wording was not seen; its fields follow the certificate (luatvietnam.vn) and art. 33',
        'the four marital status choices condense art. 33 khoản 1; the officer writes the certified wording',
        'the age, the switches, steps and English labels are motcua’s',
      ],
    },
  }
}
