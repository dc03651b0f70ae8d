import { address, declarationSchema, text } from '../../../src/domain/declarations/field-kinds.ts'
import type { FormContext } from '../../../src/domain/declarations/form-context.ts'
import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import { choice, field, lists, requires, t, when } from './people.ts'
import {
  declarant,
  declarantSections,
  householdHead,
  memberSection,
  members,
  residenceResult,
  residenceRules,
  residenceSource,
} from './residence.ts'

/** The cases of art. 20 Luật Cư trú, as the procedure's document groups name them. */
const basis = choice('Luật Cư trú 2020, Điều 20 (điều kiện đăng ký thường trú); nhóm hồ sơ của thủ tục 1.004222', [
  ['own', 'Chỗ ở hợp pháp thuộc quyền sở hữu của mình', 'A home you own'],
  ['family', 'Về ở với người thân (khoản 2 Điều 20)', 'Joining family (art. 20(2))'],
  ['rented', 'Chỗ ở hợp pháp do thuê, mượn, ở nhờ', 'A rented or lent home'],
  ['religious', 'Cơ sở tín ngưỡng, tôn giáo', 'A religious establishment'],
  ['care', 'Cơ sở trợ giúp xã hội, hộ gia đình nhận chăm sóc', 'A care facility or host family'],
  ['vehicle', 'Phương tiện dùng để ở', 'A vessel or vehicle used as a home'],
  ['unit', 'Nơi đơn vị đóng quân, nhà ở công vụ', 'Barracks or official housing'],
])

/**
 * The example declaration (JSON Schema `examples`): a daughter registers her permanent residence in her father's
 * household; the head agrees.
 */
const example = {
  declarant: {
    fullName: 'Huỳnh Thị Yến',
    birthDate: '1995-12-01',
    sex: 'female',
    identityNumber: '056195006677',
    phone: '0935112233',
    email: 'huynhthiyen@gmail.com',
  },
  head: { fullName: 'Huỳnh Văn Bình', identityNumber: '056065002468', relationship: 'child' },
  newResidence: { province: '56', commune: '22333', street: '9 Lý Thánh Tôn' },
  basis: 'family',
  request: 'Đăng ký thường trú vào hộ gia đình của cha',
  headConsent: true,
}

/**
 * Đăng ký thường trú (procedure 1.004222) on the CT01 declaration: who registers, the household they
 * join, the new address and on what basis, with the members who register with them. Joining family needs
 * the head's consent; a rented home states its floor area (art. 20(3) Luật Cư trú: the province's minimum
 * per person) and the owner's consent; a vessel names its registration.
 */
export function permanentResidence(ctx: FormContext): FormDefinition {
  return {
    version: 1,
    title: t(
      'Tờ khai thay đổi thông tin cư trú (đăng ký thường trú)',
      'Change of residence information (permanent residence)',
    ),
    schema: declarationSchema('https://motcua.khanhhoa.gov.vn/forms/1.004222/1', {
      examples: [example],
      type: 'object',
      additionalProperties: false,
      required: ['declarant', 'head', 'newResidence', 'basis', 'request'],
      properties: {
        declarant: declarant(ctx),
        head: householdHead(ctx),
        newResidence: address(ctx.provinceCode, ctx.communes),
        basis: basis.schema,
        request: text(1000),
        headConsent: { type: 'boolean' },
        ownerConsent: { type: 'boolean' },
        floorArea: { type: 'number', minimum: 1, maximum: 100000 },
        vehicleRegistration: text(50),
        members: members(ctx),
        memberCount: { type: 'integer', minimum: 0 },
      },
      allOf: [
        when('basis', 'family', { properties: { headConsent: { const: true } }, required: ['headConsent'] }),
        when('basis', 'rented', {
          properties: { ownerConsent: { const: true }, floorArea: true },
          required: ['ownerConsent', 'floorArea'],
        }),
        when('basis', 'vehicle', requires('vehicleRegistration')),
      ],
    }),
    layout: {
      steps: [
        { id: 'declarant', title: t('Người kê khai', 'Declarant'), sections: declarantSections() },
        {
          id: 'request',
          title: t('Nơi đăng ký thường trú', 'Where you register'),
          sections: [
            {
              id: 'request',
              title: t('Nội dung đề nghị', 'Request'),
              fields: [
                field('newResidence', t('Địa chỉ đăng ký thường trú', 'Permanent residence address'), 'address'),
                field('basis', t('Trường hợp đăng ký', 'Basis of the registration'), 'radio', { codeList: 'basis' }),
                field('request', t('Nội dung đề nghị', 'What you ask for'), 'textarea'),
                field('headConsent', t('Chủ hộ đồng ý cho nhập vào hộ', 'The head of household agrees'), 'checkbox', {
                  showIf: { path: 'basis', equals: 'family' },
                }),
                field('ownerConsent', t('Chủ sở hữu chỗ ở đồng ý', 'The owner agrees'), 'checkbox', {
                  showIf: { path: 'basis', equals: 'rented' },
                }),
                field('floorArea', t('Diện tích nhà ở (m²)', 'Floor area (m²)'), 'number', {
                  showIf: { path: 'basis', equals: 'rented' },
                }),
                field('vehicleRegistration', t('Số đăng ký phương tiện', 'Vehicle registration number'), 'text', {
                  showIf: { path: 'basis', equals: 'vehicle' },
                }),
              ],
            },
            memberSection(t('Thành viên cùng đăng ký', 'Members registering with you')),
          ],
        },
      ],
    },
    rules: residenceRules(),
    computed: [{ kind: 'count', path: 'memberCount', of: 'members' }],
    codeLists: { ...lists('sex', 'relationship', 'province'), basis: basis.list },
    attachments: ctx.attachments,
    keyFacts: ['declarant/fullName', 'declarant/identityNumber', 'newResidence', 'memberCount'],
    result: residenceResult([
      { label: t('Địa chỉ thường trú', 'Permanent address'), from: 'declaration', path: 'newResidence' },
      {
        label: t('Số người cùng đăng ký', 'Members registering with the declarant'),
        from: 'declaration',
        path: 'memberCount',
      },
    ]),
    source: residenceSource('Luật Cư trú 2020 Điều 20–22; thủ tục đăng ký thường trú'),
  }
}
