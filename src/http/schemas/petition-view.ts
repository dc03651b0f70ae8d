import { type Static, Type } from 'typebox'
import { formatInstant } from '../../domain/calendar/local-time.ts'
import { availableActions, type PetitionActor } from '../../domain/petitions/actions.ts'
import type { Petition } from '../../domain/petitions/petition.ts'

const instant = (description: string) =>
  Type.Union([Type.String({ description: 'ISO 8601 with +07:00' }), Type.Null()], { description })
const local = (iso: string | null) => (iso === null ? null : formatInstant(Date.parse(iso)))

export const PetitionCategoryField = Type.Union([Type.Literal('conduct'), Type.Literal('regulation')], {
  description:
    'Nội dung (Decree 20/2008 Art. 5): conduct = hành vi của cơ quan, cán bộ, công chức; regulation = quy định, thủ tục hành chính',
})

/** Người phản ánh: a name and a phone or e-mail to answer to (Decree 20/2008 Art. 7). */
export const PetitionerFields = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: 'Họ và tên, or the organisation’s name' }),
    phone: Type.Union([Type.String({ pattern: '^[0-9+ ]{8,15}$' }), Type.Null()], { description: 'Số điện thoại' }),
    email: Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()], { description: 'Thư điện tử' }),
    address: Type.Union([Type.String({ maxLength: 500 }), Type.Null()], { description: 'Địa chỉ liên hệ' }),
  },
  { additionalProperties: false, description: 'Who petitions; at least a phone or an e-mail' },
)

/** Mã phản ánh trước đó: the code of the earlier, answered petition a petition follows up. */
export const FollowsUpField = Type.String({
  pattern: '^PAKN\\.[0-9]{8}\\.[0-9]{4,}$',
  description: 'Mã phản ánh trước đó (PAKN.yyyymmdd.nnnn): the earlier, answered petition this one follows up',
})

/** A petition as it is sent: by a citizen on the portal, or entered at the counter. */
export const PetitionSubmissionBody = Type.Object(
  {
    receivingAgencyId: Type.String({ minLength: 1, description: 'The agency (or service centre) it is addressed to' }),
    category: Type.Union([PetitionCategoryField, Type.Null()], {
      description: 'Nội dung; null when unsure (the officer classifies)',
    }),
    title: Type.String({ minLength: 1, maxLength: 300, description: 'Tiêu đề' }),
    content: Type.String({ minLength: 1, maxLength: 10_000, description: 'Nội dung phản ánh, kiến nghị' }),
    petitioner: PetitionerFields,
    consentToPublish: Type.Boolean({
      description: 'Đồng ý công khai: the petition and its answer may be published (Art. 19)',
    }),
    dossierCode: Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Null()], {
      description: 'Mã hồ sơ the petition concerns, if any; it marks the dossier’s complaint (766 indicator 5.4)',
    }),
    followsUp: Type.Optional(
      Type.Union([FollowsUpField, Type.Null()], {
        description:
          'Mã phản ánh trước đó: the earlier, answered petition this one comes back about, if any; it counts that answer against satisfaction (766 indicator 5.3)',
      }),
    ),
  },
  { additionalProperties: false },
)
export type PetitionSubmissionBody = Static<typeof PetitionSubmissionBody>

/** A petition as the petitioner or an officer sees it. */
export const PetitionView = Type.Object({
  code: Type.String({ description: 'Mã phản ánh, kiến nghị: PAKN.yyyymmdd.nnnn' }),
  version: Type.Integer({ description: 'Send it back as expectedVersion with the next command' }),
  status: Type.String({ description: 'received, refused, supplement-requested, assigned or answered' }),
  channel: Type.String({ description: 'national-portal, portal or counter' }),
  category: Type.Union([PetitionCategoryField, Type.Null()], { description: 'Null until classified' }),
  title: Type.String({ description: 'Tiêu đề' }),
  content: Type.String({ description: 'Nội dung, with any supplement appended' }),
  petitioner: Type.Object(
    {
      name: Type.String({ description: 'Họ và tên' }),
      phone: Type.Union([Type.String(), Type.Null()], { description: 'Số điện thoại' }),
      email: Type.Union([Type.String(), Type.Null()], { description: 'Thư điện tử' }),
      address: Type.Union([Type.String(), Type.Null()], { description: 'Địa chỉ' }),
    },
    { description: 'Người phản ánh' },
  ),
  receivingAgencyId: Type.String({ description: 'Agency that received it' }),
  agencyId: Type.String({ description: 'Agency holding it now (the responsible one once routed)' }),
  dossierCode: Type.Union([Type.String(), Type.Null()], { description: 'Mã hồ sơ it concerns, if any' }),
  followsUp: Type.Union([Type.String(), Type.Null()], {
    description: 'Lặp lại phản ánh: the earlier petition this one follows up, if any',
  }),
  receivedAt: Type.String({ description: 'Ngày tiếp nhận (ISO 8601 with +07:00)' }),
  dueAt: instant(
    'Hạn trả lời: 15 working days from reception or the supplement (rules.md, Petitions); null once closed',
  ),
  answer: Type.Union([Type.String(), Type.Null()], { description: 'Kết quả xử lý' }),
  answeredAt: instant('When it was answered'),
  publishedAt: instant('When the answer became public (with the petitioner’s consent)'),
  consentToPublish: Type.Boolean({ description: 'Whether the petitioner agrees to publication' }),
  satisfied: Type.Union([Type.Boolean(), Type.Null()], { description: 'The petitioner’s rating of the answer' }),
  availableActions: Type.Array(Type.String(), { description: 'Commands the caller may run now' }),
})
export type PetitionView = Static<typeof PetitionView>

export function petitionView(p: Petition, dueAt: string | Date | null, actor: PetitionActor | null): PetitionView {
  const due = dueAt instanceof Date ? dueAt.toISOString() : dueAt
  return {
    code: p.code,
    version: p.version,
    status: p.status,
    channel: p.channel,
    category: p.category,
    title: p.title,
    content: p.content,
    petitioner: p.petitioner,
    receivingAgencyId: p.receivingAgencyId,
    agencyId: p.agencyId,
    dossierCode: p.dossierCode,
    followsUp: p.followsUp,
    receivedAt: local(p.receivedAt) as string,
    dueAt: local(due),
    answer: p.answer,
    answeredAt: local(p.answeredAt),
    publishedAt: local(p.publishedAt),
    consentToPublish: p.consentToPublish,
    satisfied: p.satisfied,
    availableActions: actor === null ? [] : availableActions(p, actor),
  }
}

/** An answered petition on the public list: no personal data of the petitioner. */
export const PublishedPetition = Type.Object({
  code: Type.String({ description: 'Mã phản ánh, kiến nghị' }),
  category: Type.Union([PetitionCategoryField, Type.Null()], { description: 'Nội dung' }),
  title: Type.String({ description: 'Tiêu đề' }),
  content: Type.String({ description: 'Nội dung phản ánh, kiến nghị' }),
  answer: Type.String({ description: 'Kết quả xử lý' }),
  agencyId: Type.String({ description: 'The agency that answered' }),
  receivedAt: Type.String({ description: 'Ngày tiếp nhận (ISO 8601 with +07:00)' }),
  answeredAt: Type.String({ description: 'Ngày trả lời (ISO 8601 with +07:00)' }),
})
export type PublishedPetition = Static<typeof PublishedPetition>

export const publishedView = (p: Petition): PublishedPetition => ({
  code: p.code,
  category: p.category,
  title: p.title,
  content: p.content,
  answer: p.answer ?? '',
  agencyId: p.agencyId,
  receivedAt: local(p.receivedAt) as string,
  answeredAt: local(p.answeredAt) as string,
})
