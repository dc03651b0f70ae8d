import { declarationSchema, object, text } from '../../../src/domain/declarations/field-kinds.ts'
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
import { field, lists, requires, t, when } from './people.ts'

/** What may change, one switch each, as the procedure's document cases list them. */
const changes = [
  ['changeName', 'newName', t('Tên hộ kinh doanh', 'Business name')],
  ['changeOffice', 'newOffice', t('Địa chỉ trụ sở', 'Registered office')],
  ['changeCapital', 'newCapital', t('Vốn kinh doanh', 'Capital')],
  ['changeActivities', 'newActivities', t('Ngành, nghề kinh doanh', 'Lines of business')],
  ['changeMembers', 'members', t('Thành viên hộ gia đình', 'Household members')],
] as const

/**
 * The example declaration (JSON Schema `examples`): a café moves to a new address and raises its capital to 300
 * million đồng.
 */
const example = {
  business: { name: 'Hộ kinh doanh Cà phê Biển Xanh', registrationNumber: '56A8012345' },
  owner: {
    fullName: 'Bùi Đức Hải',
    birthDate: '1983-08-30',
    sex: 'male',
    ethnicity: '01',
    nationality: 'VN',
    identityNumber: '056083005432',
    residence: { province: '56', commune: '22333', street: '7 Tô Hiến Thành' },
    phone: '0913222333',
  },
  changeName: false,
  changeOffice: true,
  changeCapital: true,
  changeActivities: false,
  changeMembers: false,
  newOffice: { address: { province: '56', commune: '22333', street: '102 Phạm Văn Đồng' }, phone: '0905334455' },
  newCapital: 300_000_000,
  reason: 'Chuyển địa điểm kinh doanh và tăng vốn kinh doanh',
}

/**
 * Giấy đề nghị đăng ký thay đổi nội dung đăng ký hộ kinh doanh (procedure 2.000720): the business as
 * registered (name and number), the owner who signs, and for each content that changes its new value —
 * name, office, capital, lines of business, household members; the result is the re-issued certificate.
 */
export function householdBusinessChange(ctx: FormContext): FormDefinition {
  return {
    version: 1,
    title: t(
      'Giấy đề nghị đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
      'Application to change a household business registration',
    ),
    schema: declarationSchema('https://motcua.khanhhoa.gov.vn/forms/2.000720/1', {
      examples: [example],
      type: 'object',
      additionalProperties: false,
      required: ['business', 'owner', ...changes.map(([flag]) => flag), 'reason'],
      properties: {
        business: object({ name: text(200), registrationNumber: text(20) }),
        owner: owner(ctx),
        ...Object.fromEntries(changes.map(([flag]) => [flag, { type: 'boolean' }])),
        newName: text(200),
        newOffice: office(ctx),
        newCapital: capital,
        newActivities: activities,
        members: businessMembers(ctx, 1),
        memberCount: { type: 'integer', minimum: 0 },
        reason: text(1000),
      },
      allOf: changes.map(([flag, value]) => when(flag, true, requires(value))),
    }),
    layout: {
      steps: [
        {
          id: 'business',
          title: t('Hộ kinh doanh', 'The business'),
          sections: [
            {
              id: 'business',
              title: t('Hộ kinh doanh đã đăng ký', 'The business as registered'),
              fields: [
                field('business/name', t('Tên hộ kinh doanh', 'Business name'), 'text'),
                field('business/registrationNumber', t('Mã số hộ kinh doanh', 'Household business number'), 'text'),
              ],
            },
            ownerSection(),
          ],
        },
        {
          id: 'changes',
          title: t('Nội dung thay đổi', 'What changes'),
          sections: [
            {
              id: 'what',
              title: t('Đăng ký thay đổi', 'Changes'),
              fields: changes.map(([flag, , label]) => field(flag, label, 'checkbox')),
            },
            {
              id: 'new-values',
              title: t('Nội dung sau thay đổi', 'After the change'),
              fields: [
                field('newName', t('Tên mới', 'New name'), 'text', { showIf: { path: 'changeName', equals: true } }),
                ...officeFields('newOffice').map((f) => ({ ...f, showIf: { path: 'changeOffice', equals: true } })),
                field('newCapital', t('Vốn kinh doanh mới (đồng)', 'New capital (VND)'), 'number', {
                  showIf: { path: 'changeCapital', equals: true },
                }),
                { ...activitiesField('newActivities'), showIf: { path: 'changeActivities', equals: true } },
                { ...membersField(), showIf: { path: 'changeMembers', equals: true } },
                field('memberCount', t('Số thành viên', 'Number of members'), 'number', {
                  showIf: { path: 'changeMembers', equals: true },
                }),
                field('reason', t('Lý do thay đổi', 'Reason for the change'), 'textarea'),
              ],
            },
          ],
        },
      ],
    },
    rules: peopleRules(),
    computed: [{ kind: 'count', path: 'memberCount', of: 'members' }],
    codeLists: lists('sex', 'ethnicity', 'nationality', 'province'),
    attachments: ctx.attachments,
    keyFacts: ['business/name', 'business/registrationNumber', 'owner/fullName'],
    result: {
      title: t(
        'Giấy chứng nhận đăng ký hộ kinh doanh (thay đổi)',
        'Household business registration certificate (amended)',
      ),
      decisionSchema: certificateDecision({ changeNumber: { type: 'integer', minimum: 1 } }),
      decisionLayout: [
        {
          id: 'certificate',
          title: t('Giấy chứng nhận', 'Certificate'),
          fields: [
            ...certificateFields(),
            field('changeNumber', t('Đăng ký thay đổi lần thứ', 'Amendment number'), 'number'),
          ],
        },
      ],
      lines: [
        { label: t('Tên hộ kinh doanh', 'Business name'), from: 'declaration', path: 'business/name' },
        { label: t('Tên mới', 'New name'), from: 'declaration', path: 'newName' },
        { label: t('Chủ hộ kinh doanh', 'Owner'), from: 'declaration', path: 'owner/fullName' },
        { label: t('Mã số hộ kinh doanh', 'Household business number'), from: 'decision', path: 'registrationNumber' },
        { label: t('Đăng ký thay đổi lần thứ', 'Amendment number'), from: 'decision', path: 'changeNumber' },
        { label: t('Ngày đăng ký thay đổi', 'Amended on'), from: 'decision', path: 'issuedOn' },
      ],
    },
    source: businessSource('Giấy đề nghị đăng ký thay đổi nội dung đăng ký hộ kinh doanh', [
      'one switch per content that changes; a change of owner (heir, authorised member) is not modelled beyond the members list',
    ]),
  }
}
