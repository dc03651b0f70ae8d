import { type Static, Type } from 'typebox'
import {
  availableIncomingActions,
  availableOutgoingActions,
  type DocumentActor,
} from '../../domain/documents/actions.ts'
import { Confidentiality, DocumentTypes, documentTypeIds, Urgency } from '../../domain/documents/document-type.ts'
import type { DocumentEvent, OfficialDocument } from '../../domain/documents/official-document.ts'
import type { DraftContent } from '../../domain/documents/outgoing.ts'

const text = (description: string, maxLength = 2000) => Type.String({ minLength: 1, maxLength, description })

/** A closed set of strings, typed as its union (TypeBox's Union of mapped literals loses the type). */
const oneOf = <T extends string>(values: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description })

export const DocumentTypeField = oneOf(
  documentTypeIds,
  'Tên loại văn bản hành chính (Decree 30/2020 Art. 7); abbreviations per its Appendix III',
)
export const UrgencyField = oneOf(
  Object.values(Urgency),
  'Mức độ khẩn: normal, urgent (khẩn), very-urgent (thượng khẩn), flash (hỏa tốc)',
)
export const ConfidentialityField = oneOf(
  Object.values(Confidentiality),
  'Độ mật: none, mat (mật), toi-mat (tối mật), tuyet-mat (tuyệt mật)',
)

export const RecipientField = Type.Union(
  [
    Type.Object(
      {
        kind: Type.Literal('agency', { description: 'A motcua agency: it receives the document at once' }),
        agencyId: Type.String({ minLength: 1, description: 'The receiving agency' }),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Literal('external', { description: 'An agency outside motcua, reached through the exchange' }),
        code: Type.String({ minLength: 1, maxLength: 40, description: 'Its national agency code (mã định danh)' }),
        name: text('Its name', 300),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Literal('person', {
          description: 'A person, such as a dossier’s applicant: reached with the dossier, not over the exchange',
        }),
        name: text('Their name', 300),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'Nơi nhận (Decree 30/2020 Appendix I, II.9)' },
)

/** What a drafter writes: every field of the template but the number (Decree 30/2020 Art. 10). */
export const DraftContentBody = Type.Object(
  {
    type: DocumentTypeField,
    subject: text('Trích yếu nội dung', 500),
    body: Type.String({
      minLength: 1,
      maxLength: 50_000,
      description: 'Nội dung văn bản; paragraphs separated by new lines',
    }),
    urgency: UrgencyField,
    confidentiality: ConfidentialityField,
    draftingUnit: Type.String({
      pattern: '^[A-ZĐ0-9]{1,10}$',
      description: 'Chữ viết tắt tên đơn vị soạn thảo (e.g. VP), in a công văn\'s notation and the "Lưu:" line',
    }),
    recipients: Type.Array(RecipientField, { minItems: 1, maxItems: 50, description: 'Nơi nhận' }),
    replyTo: Type.Union([Type.String({ description: 'An incoming document id' }), Type.Null()], {
      description: 'The incoming document this one answers, if any',
    }),
  },
  { additionalProperties: false, description: "The template's fields: everything the document states but its number" },
)
export type DraftContentBody = Static<typeof DraftContentBody>
export const asDraftContent = (b: DraftContentBody): DraftContent => b as DraftContent

const Opinion = Type.Object({
  at: Type.String({ description: 'When (ISO 8601)' }),
  actor: Type.String({ description: 'Who (user id)' }),
  text: Type.String({ description: 'Ý kiến chỉ đạo / ý kiến xử lý' }),
})

const nullableString = (description: string) => Type.Union([Type.String(), Type.Null()], { description })
const nullableInt = (description: string) => Type.Union([Type.Integer(), Type.Null()], { description })

export const DocumentView = Type.Object(
  {
    id: Type.String({ description: 'Document id' }),
    direction: Type.Union([Type.Literal('outgoing'), Type.Literal('incoming')], {
      description: 'outgoing (văn bản đi) or incoming (văn bản đến)',
    }),
    agencyId: Type.String({ description: 'The agency whose register holds it' }),
    status: Type.String({
      description:
        'Outgoing: draft, submitted, reviewed, returned, approved, numbered, issued. Incoming: arrived, registered, assigned, handling, done, answered, revoked, superseded',
    }),
    type: DocumentTypeField,
    typeName: Type.String({ description: 'The type in Vietnamese' }),
    subject: Type.String({ description: 'Trích yếu nội dung' }),
    notation: nullableString("Số, ký hiệu (e.g. 123/UBND-VP): the issuer's; null before numbering"),
    number: nullableInt("Số đi (outgoing) or số đến (incoming) in the agency's register of the year"),
    year: nullableInt("The register's year"),
    date: nullableString('Ngày ban hành (outgoing) or ngày đến (incoming), YYYY-MM-DD'),
    urgency: UrgencyField,
    confidentiality: ConfidentialityField,
    version: Type.Integer({ description: 'Send it back as expectedVersion' }),
    availableActions: Type.Array(Type.String({ description: 'An action name' }), {
      description: 'What the caller may do now (the one gate, availableActions)',
    }),
    hasPdf: Type.Boolean({ description: 'Whether the signed PDF can be fetched at …/pdf' }),
    outgoing: Type.Union(
      [
        Type.Object({
          body: Type.String({ description: 'Nội dung' }),
          draftingUnit: Type.String({ description: 'Đơn vị soạn thảo' }),
          recipients: Type.Array(RecipientField, { description: 'Nơi nhận' }),
          replyTo: nullableString('The incoming document it answers'),
          drafterId: Type.String({ description: 'Người soạn thảo (user id)' }),
          returnNote: nullableString('Why it was last returned'),
          signerName: nullableString('Người ký (after approval)'),
          signerTitle: nullableString('Quyền hạn, chức vụ của người ký'),
          sha256: nullableString('SHA-256 of the issued PDF'),
          delivered: Type.Array(
            Type.Object({
              agencyId: Type.String({ description: 'A motcua recipient' }),
              documentId: Type.String({ description: 'Its incoming document' }),
            }),
            { description: 'Incoming documents created at motcua recipients' },
          ),
          external: Type.Array(
            Type.Object({
              code: Type.String({ description: 'National agency code' }),
              name: Type.String({ description: 'Agency name' }),
            }),
            { description: 'Recipients outside motcua, handed to the exchange' },
          ),
        }),
        Type.Null(),
      ],
      { description: 'Outgoing details; null for an incoming document' },
    ),
    incoming: Type.Union(
      [
        Type.Object({
          senderAgencyId: nullableString('The sending motcua agency, if it is one'),
          senderName: Type.String({ description: 'Cơ quan ban hành' }),
          signerName: Type.String({ description: 'Người ký of the sender' }),
          issuedOn: Type.String({ description: "The sender's date of issue" }),
          arrivedAt: Type.String({ description: 'When it arrived (ISO 8601)' }),
          handlerId: nullableString('Người được giao xử lý'),
          dueOn: nullableString('Thời hạn giải quyết (YYYY-MM-DD)'),
          opinions: Type.Array(Opinion, { description: 'Ý kiến chỉ đạo and ý kiến xử lý, oldest first' }),
          replyId: nullableString('The outgoing document that answered it'),
          sourceDocumentId: nullableString("The sender's outgoing document in motcua"),
          replacesId: nullableString('The earlier incoming document this one replaces (thay thế, cập nhật)'),
          supersededById: nullableString('The later incoming document that replaced this one'),
        }),
        Type.Null(),
      ],
      { description: 'Incoming details; null for an outgoing document' },
    ),
  },
  { $id: 'DocumentView', description: 'An official document (văn bản) with what the caller may do to it' },
)
export type DocumentView = Static<typeof DocumentView>

export const TrailEntry = Type.Object({
  type: Type.String({ description: 'The event (drafted, submitted, …, registered, assigned, …)' }),
  at: Type.String({ description: 'When (ISO 8601)' }),
  actor: Type.String({ description: 'Who (user id)' }),
  note: nullableString('Its note, opinion or number, when it has one'),
})

function noteOf(e: DocumentEvent): string | null {
  switch (e.type) {
    case 'reviewed':
      return e.note
    case 'returned':
      return e.note
    case 'numbered':
      return e.notation
    case 'registered':
      return String(e.number)
    case 'assigned':
      return e.opinion
    case 'opinion-added':
      return e.text
    case 'done':
      return e.note
    case 'revoked':
      return e.reason
    case 'superseded':
      return e.byId
    case 'approved':
      return e.signer.name
    default:
      return null
  }
}
export const trailView = (events: readonly DocumentEvent[]) =>
  events.map((e) => ({ type: e.type, at: e.at, actor: e.actor, note: noteOf(e) }))

export function documentView(d: OfficialDocument, actor: DocumentActor | null): DocumentView {
  if (d.direction === 'outgoing')
    return {
      id: d.id,
      direction: d.direction,
      agencyId: d.agencyId,
      status: d.status,
      type: d.content.type,
      typeName: DocumentTypes[d.content.type].vi,
      subject: d.content.subject,
      notation: d.notation,
      number: d.number,
      year: d.year,
      date: d.issuedOn,
      urgency: d.content.urgency,
      confidentiality: d.content.confidentiality,
      version: d.version,
      availableActions: actor === null ? [] : availableOutgoingActions(d, actor),
      hasPdf: d.sha256 !== null,
      outgoing: {
        body: d.content.body,
        draftingUnit: d.content.draftingUnit,
        recipients: [...d.content.recipients],
        replyTo: d.content.replyTo,
        drafterId: d.drafterId,
        returnNote: d.returnNote,
        signerName: d.signer?.name ?? null,
        signerTitle: d.signer?.title ?? null,
        sha256: d.sha256,
        delivered: [...d.delivered],
        external: [...d.external],
      },
      incoming: null,
    }
  return {
    id: d.id,
    direction: d.direction,
    agencyId: d.agencyId,
    status: d.status,
    type: d.document.type,
    typeName: DocumentTypes[d.document.type].vi,
    subject: d.document.subject,
    notation: d.document.notation,
    number: d.number,
    year: d.year,
    date: d.arrivedOn,
    urgency: d.document.urgency,
    confidentiality: d.document.confidentiality,
    version: d.version,
    availableActions: actor === null ? [] : availableIncomingActions(d, actor),
    hasPdf: d.document.sourceDocumentId !== null,
    outgoing: null,
    incoming: {
      senderAgencyId: d.document.senderAgencyId,
      senderName: d.document.senderName,
      signerName: d.document.signerName,
      issuedOn: d.document.issuedOn,
      arrivedAt: d.arrivedAt,
      handlerId: d.handlerId,
      dueOn: d.dueOn,
      opinions: [...d.opinions],
      replyId: d.replyId,
      sourceDocumentId: d.document.sourceDocumentId,
      replacesId: d.replacesId ?? null,
      supersededById: d.supersededById ?? null,
    },
  }
}
