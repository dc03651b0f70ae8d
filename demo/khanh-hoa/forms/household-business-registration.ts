import { declarationSchema, text } from '../../../src/domain/declarations/field-kinds.ts'
import type { FormContext } from '../../../src/domain/declarations/form-context.ts'
import type { FormDefinition } from '../../../src/domain/declarations/form-definition.ts'
import {
  activities,
  activitiesField,
  businessMembers,
  businessSource,
  capital,
  certificateDecision,
  certificateFields,
  membersField,
  office,
  officeFields,
  owner,
  ownerSection,
  peopleRules,
} from './household-business.ts'
import { choice, field, lists, requires, t, when } from './people.ts'

const founder = choice(
  'Nghị định 168/2025/NĐ-CP (hộ kinh doanh do một cá nhân hoặc các thành viên hộ gia đình đăng ký)',
  [
    ['individual', 'Cá nhân', 'An individual'],
    ['household', 'Các thành viên hộ gia đình', 'Members of a household'],
  ],
)

/**
 * The example declaration (JSON Schema `examples`): one woman registers a grocery shop in Phường Bắc Nha Trang with
 * 150 million đồng of capital.
 */
const example = {
  business: {
    name: 'Hộ kinh doanh Tạp hóa Minh Châu',
    office: { address: { province: '56', commune: '22333', street: '45 Đường 2 Tháng 4' }, phone: '0258382456' },
    activities: [
      {
        code: '4711',
        name: 'Bán lẻ lương thực, thực phẩm, đồ uống, thuốc lá, thuốc lào chiếm tỷ trọng lớn trong các cửa hàng kinh doanh tổng hợp',
        main: true,
      },
    ],
    capital: 150_000_000,
    employees: 2,
  },
  founder: 'individual',
  owner: {
    fullName: 'Ngô Minh Châu',
    birthDate: '1988-05-22',
    sex: 'female',
    ethnicity: '01',
    nationality: 'VN',
    identityNumber: '056188009911',
    residence: { province: '56', commune: '22333', street: '45 Đường 2 Tháng 4' },
    phone: '0905667788',
  },
}

/**
 * Giấy đề nghị đăng ký hộ kinh doanh (procedure 1.001612): the business's name, office, lines of business
 * and capital, who founds it (one person, or household members who authorise one of them as owner, with
 * their list) and the owner; the result is the Giấy chứng nhận đăng ký hộ kinh doanh and its number.
 */
export function householdBusinessRegistration(ctx: FormContext): FormDefinition {
  return {
    version: 1,
    title: t('Giấy đề nghị đăng ký hộ kinh doanh', 'Application to register a household business'),
    schema: declarationSchema('https://motcua.khanhhoa.gov.vn/forms/1.001612/1', {
      examples: [example],
      type: 'object',
      additionalProperties: false,
      required: ['business', 'founder', 'owner'],
      properties: {
        business: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'office', 'activities', 'capital'],
          properties: {
            name: text(200),
            office: office(ctx),
            activities,
            capital,
            employees: { type: 'integer', minimum: 0 },
          },
        },
        founder: founder.schema,
        owner: owner(ctx),
        members: businessMembers(ctx, 1),
        memberCount: { type: 'integer', minimum: 0 },
      },
      ...when('founder', 'household', requires('members')),
    }),
    layout: {
      steps: [
        {
          id: 'business',
          title: t('Hộ kinh doanh', 'The business'),
          sections: [
            {
              id: 'business',
              title: t('Thông tin hộ kinh doanh', 'About the business'),
              fields: [
                field('business/name', t('Tên hộ kinh doanh', 'Business name'), 'text'),
                ...officeFields('business/office'),
                activitiesField('business/activities'),
                field('business/capital', t('Vốn kinh doanh (đồng)', 'Capital (VND)'), 'number'),
                field('business/employees', t('Số lượng lao động', 'Number of workers'), 'number'),
              ],
            },
          ],
        },
        {
          id: 'people',
          title: t('Chủ hộ và thành viên', 'Owner and members'),
          sections: [
            {
              id: 'founder',
              title: t('Chủ thể thành lập hộ kinh doanh', 'Who founds the business'),
              fields: [field('founder', t('Chủ thể thành lập', 'Founded by'), 'radio', { codeList: 'founder' })],
            },
            ownerSection(),
            {
              id: 'members',
              title: t('Danh sách thành viên hộ gia đình', 'Household members'),
              showIf: { path: 'founder', equals: 'household' },
              fields: [membersField(), field('memberCount', t('Số thành viên', 'Number of members'), 'number')],
            },
          ],
        },
      ],
    },
    rules: peopleRules(),
    computed: [{ kind: 'count', path: 'memberCount', of: 'members' }],
    codeLists: { ...lists('sex', 'ethnicity', 'nationality', 'province'), founder: founder.list },
    attachments: ctx.attachments,
    keyFacts: ['business/name', 'owner/fullName', 'owner/identityNumber', 'business/capital'],
    result: {
      title: t('Giấy chứng nhận đăng ký hộ kinh doanh', 'Household business registration certificate'),
      decisionSchema: certificateDecision(),
      decisionLayout: [{ id: 'certificate', title: t('Giấy chứng nhận', 'Certificate'), fields: certificateFields() }],
      lines: [
        { label: t('Tên hộ kinh doanh', 'Business name'), from: 'declaration', path: 'business/name' },
        { label: t('Địa chỉ trụ sở', 'Registered office'), from: 'declaration', path: 'business/office/address' },
        { label: t('Ngành, nghề kinh doanh', 'Lines of business'), from: 'declaration', path: 'business/activities' },
        { label: t('Vốn kinh doanh', 'Capital'), from: 'declaration', path: 'business/capital' },
        { label: t('Chủ hộ kinh doanh', 'Owner'), from: 'declaration', path: 'owner/fullName' },
        { label: t('Mã số hộ kinh doanh', 'Household business number'), from: 'decision', path: 'registrationNumber' },
        { label: t('Ngày đăng ký lần đầu', 'First registered on'), from: 'decision', path: 'issuedOn' },
      ],
    },
    source: businessSource('Giấy đề nghị đăng ký hộ kinh doanh', [
      'the founder switch stands for the form’s "chủ thể thành lập hộ kinh doanh" boxes',
    ]),
  }
}
