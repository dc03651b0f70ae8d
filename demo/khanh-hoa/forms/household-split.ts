import { address, declarationSchema, isoDate, object, text } from '../../../src/domain/declarations/field-kinds.ts'
import type { FormContext } from '../../../src/domain/declarations/form-context.ts'
import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { choice, field, lists, requires, t, when } from './people.ts'
import {
  declarant,
  declarantIsAdult,
  declarantSections,
  householdHead,
  memberSection,
  members,
  residenceResult,
  residenceRules,
  residenceSource,
} from './residence.ts'

const splitCase = choice('Luật Cư trú 2020, Điều 25 (tách hộ)', [
  ['same_residence', 'Tách hộ tại cùng chỗ ở hợp pháp', 'Split within the same lawful residence'],
  ['divorced', 'Vợ, chồng đã ly hôn vẫn được ở cùng chỗ ở hợp pháp', 'Divorced spouse keeping the residence'],
])

/**
 * The example declaration (JSON Schema `examples`): a married son splits from his father's household at the same
 * lawful residence, with his wife; head and owner agree.
 */
const example = {
  declarant: {
    fullName: 'Võ Minh Quân',
    birthDate: '1990-09-14',
    sex: 'male',
    identityNumber: '056090007788',
    phone: '0914567890',
  },
  head: { fullName: 'Võ Văn Dũng', identityNumber: '056062001357', relationship: 'child' },
  residence: { province: '56', commune: '22333', street: '18 Hai Bà Trưng' },
  request: 'Tách hộ để lập hộ mới tại cùng chỗ ở hợp pháp',
  case: 'same_residence',
  headConsent: true,
  ownerConsent: true,
  members: [
    {
      fullName: 'Đặng Thị Thảo',
      birthDate: '1992-03-08',
      sex: 'female',
      identityNumber: '056192004455',
      relationship: 'wife',
    },
  ],
}

/**
 * Tách hộ (procedure 1.010038) on the CT01 declaration: the member who leaves the household to head a new
 * one at the same lawful residence, with the members who go with them. The head and the owner must agree
 * unless the split follows a divorce that lets both stay (Luật Cư trú 2020, Điều 25 khoản 2–3).
 */
export function householdSplit(ctx: FormContext): FormDefinition {
  return {
    version: 1,
    title: t('Tờ khai thay đổi thông tin cư trú (tách hộ)', 'Change of residence information (household split)'),
    schema: declarationSchema('https://motcua.khanhhoa.gov.vn/forms/1.010038/1', {
      examples: [example],
      ...object(
        {
          declarant: declarant(ctx),
          head: householdHead(ctx),
          residence: address(ctx.provinceCode, ctx.communes),
          request: text(1000),
          case: splitCase.schema,
          headConsent: { type: 'boolean' },
          ownerConsent: { type: 'boolean' },
          divorce: object({ judgmentNumber: text(50), court: text(200), decidedOn: isoDate }),
          members: members(ctx),
          memberCount: { type: 'integer', minimum: 0 },
        },
        ['headConsent', 'ownerConsent', 'divorce', 'members', 'memberCount'],
      ),
      allOf: [
        when('case', 'same_residence', {
          properties: { headConsent: { const: true }, ownerConsent: { const: true } },
          required: ['headConsent', 'ownerConsent'],
        }),
        when('case', 'divorced', requires('divorce')),
      ],
    }),
    layout: {
      steps: [
        { id: 'declarant', title: t('Người kê khai', 'Declarant'), sections: declarantSections() },
        {
          id: 'request',
          title: t('Nội dung đề nghị', 'Request'),
          sections: [
            {
              id: 'request',
              title: t('Nội dung đề nghị', 'Request'),
              fields: [
                field('residence', t('Chỗ ở hợp pháp', 'Lawful residence'), 'address'),
                field('request', t('Nội dung đề nghị', 'What you ask for'), 'textarea', {
                  help: t(
                    'Ví dụ: tách hộ để đăng ký thường trú tại cùng chỗ ở',
                    'E.g. split to register at the same home',
                  ),
                }),
                field('case', t('Trường hợp', 'Case'), 'radio', { codeList: 'splitCase' }),
              ],
            },
            {
              id: 'consent',
              title: t('Ý kiến đồng ý', 'Consent'),
              showIf: { path: 'case', equals: 'same_residence' },
              fields: [
                field('headConsent', t('Chủ hộ đồng ý cho tách hộ', 'The head of household agrees'), 'checkbox'),
                field(
                  'ownerConsent',
                  t('Chủ sở hữu chỗ ở hợp pháp đồng ý', 'The owner of the residence agrees'),
                  'checkbox',
                ),
              ],
            },
            {
              id: 'divorce',
              title: t('Bản án, quyết định ly hôn', 'Divorce judgment'),
              showIf: { path: 'case', equals: 'divorced' },
              fields: [
                field('divorce/judgmentNumber', t('Số bản án, quyết định', 'Judgment number'), 'text'),
                field('divorce/court', t('Tòa án', 'Court'), 'text'),
                field('divorce/decidedOn', t('Ngày', 'Date'), 'date'),
              ],
            },
            memberSection(t('Thành viên cùng tách hộ', 'Members who split with you')),
          ],
        },
      ],
    },
    // Art. 25(1) Luật Cư trú: the one who splits off must have full civil capacity.
    rules: [...residenceRules(), declarantIsAdult],
    computed: [{ kind: 'count', path: 'memberCount', of: 'members' }],
    codeLists: { ...lists('sex', 'relationship', 'province'), splitCase: splitCase.list },
    attachments: ctx.attachments,
    keyFacts: ['declarant/fullName', 'declarant/identityNumber', 'head/fullName', 'memberCount'],
    result: residenceResult([
      { label: t('Chỗ ở hợp pháp', 'Residence'), from: 'declaration', path: 'residence' },
      {
        label: t('Số người tách hộ cùng', 'Members splitting with the declarant'),
        from: 'declaration',
        path: 'memberCount',
      },
    ]),
    source: residenceSource('Luật Cư trú 2020 Điều 25; thủ tục tách hộ'),
  }
}
