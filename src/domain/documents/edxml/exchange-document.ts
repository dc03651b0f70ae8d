import { type Static, Type } from 'typebox'
import { AgencyCode } from './agency-code.ts'

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A calendar day, YYYY-MM-DD (Vietnam time)' })

/**
 * Độ khẩn (Decree 30/2020/NĐ-CP Art. 15 and Annex I): how urgently the document must be handled.
 * `normal` is a document without an urgency mark.
 */
export const Urgency = Type.Union(
  [Type.Literal('normal'), Type.Literal('urgent'), Type.Literal('very-urgent'), Type.Literal('express')],
  { description: 'normal | urgent (Khẩn) | very-urgent (Thượng khẩn) | express (Hỏa tốc)' },
)
export type Urgency = Static<typeof Urgency>

/** An attached file (tệp đính kèm): the signed PDF of the document and its annexes. */
export const ExchangeAttachment = Type.Object({
  name: Type.String({ minLength: 1, description: 'File name as the recipient sees it' }),
  mediaType: Type.String({ minLength: 3, description: 'IANA media type, e.g. application/pdf' }),
  bytes: Type.Unsafe<Uint8Array>({ description: 'The file itself (bytes, not JSON)' }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of bytes, lowercase hex' }),
})
export type ExchangeAttachment = Static<typeof ExchangeAttachment>

/** A reference to an earlier document (the one this one answers, replaces, revokes or updates). */
export const DocumentReference = Type.Object({
  organId: AgencyCode,
  number: Type.String({ minLength: 1, description: 'Số của văn bản (CodeNumber)' }),
  notation: Type.String({ minLength: 1, description: 'Ký hiệu của văn bản (CodeNotation), e.g. UBND-VP' }),
  promulgatedOn: Day,
})
export type DocumentReference = Static<typeof DocumentReference>

/**
 * The interface between the documents module and the national exchange: everything an outgoing
 * document (văn bản đi, Decree 30/2020/NĐ-CP Art. 8 and Annex I for its parts) must carry to be
 * packaged as edXML (QCVN 102:2016/BTTTT). The documents module fills it; nothing here knows its store.
 */
export const OutgoingDocumentForExchange = Type.Object({
  from: Type.Object({
    organId: AgencyCode,
    name: Type.String({ minLength: 1, description: 'Tên cơ quan ban hành (OrganName)' }),
    organizationInCharge: Type.Optional(Type.String({ description: 'Cơ quan chủ quản (OrganizationInCharge)' })),
  }),
  recipients: Type.Array(
    Type.Object({ organId: AgencyCode, name: Type.String({ minLength: 1, description: 'Tên cơ quan nhận' }) }),
    { minItems: 1, description: 'Nơi nhận on the axis, by their QCVN 102 codes' },
  ),
  number: Type.String({ minLength: 1, description: 'Số văn bản in the outgoing register (CodeNumber)' }),
  notation: Type.String({ minLength: 1, description: 'Ký hiệu (CodeNotation), e.g. UBND-VP' }),
  place: Type.String({ minLength: 1, description: 'Địa danh ban hành (PromulgationInfo/Place)' }),
  promulgatedOn: Day,
  type: Type.Object({
    code: Type.String({
      pattern: '^\\d{1,3}$',
      description: 'Loại văn bản code (DocumentType/Type), an assumption of our code list',
    }),
    name: Type.String({ minLength: 1, description: 'Tên loại văn bản, e.g. Công văn' }),
  }),
  subject: Type.String({ minLength: 1, description: 'Trích yếu nội dung (Subject)' }),
  content: Type.Optional(Type.String({ description: 'Nội dung tóm tắt (Content); the subject when absent' })),
  signer: Type.Object({
    fullName: Type.String({ minLength: 1 }),
    position: Type.String({ minLength: 1, description: 'Chức vụ người ký' }),
    competence: Type.Optional(Type.String({ description: 'Thẩm quyền ký, e.g. TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH' })),
  }),
  dueOn: Type.Optional(Day),
  urgency: Urgency,
  toPlaces: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Nơi nhận as printed' })),
  responseFor: Type.Optional(DocumentReference),
  attachments: Type.Array(ExchangeAttachment, { minItems: 1 }),
})
export type OutgoingDocumentForExchange = Static<typeof OutgoingDocumentForExchange>
