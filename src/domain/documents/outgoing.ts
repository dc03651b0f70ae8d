import type { Confidentiality, DocumentType, Urgency } from './document-type.ts'

/**
 * Văn bản đi: an outgoing document of an agency through drafting (soạn thảo, Decree 30/2020 Art. 10),
 * review (kiểm tra, Art. 12), the signer's approval (duyệt, Art. 11, 13), numbering and registering
 * (cấp số, đăng ký, Art. 15, 16), issuance with the signer's and the agency's digital signatures
 * (Art. 13(7), 17(2)) and distribution (phát hành, Art. 18). A fold of its events, like a petition.
 */
export const OutgoingStatus = {
  Draft: 'draft',
  Submitted: 'submitted',
  Reviewed: 'reviewed',
  Returned: 'returned',
  Approved: 'approved',
  Numbered: 'numbered',
  Issued: 'issued',
} as const
export type OutgoingStatus = (typeof OutgoingStatus)[keyof typeof OutgoingStatus]

/**
 * Nơi nhận: a motcua agency (delivered instantly), an agency outside by its national code, or a
 * person (the applicant of a dossier, who gets the document with the dossier, not over the axis).
 */
export type Recipient =
  | { readonly kind: 'agency'; readonly agencyId: string }
  | { readonly kind: 'external'; readonly code: string; readonly name: string }
  | { readonly kind: 'person'; readonly name: string }

/** What the drafter writes (the template's fields) — everything the document states but its number. */
export type DraftContent = {
  readonly type: DocumentType
  /** Trích yếu nội dung (Appendix I, Part I, II.5) */
  readonly subject: string
  readonly body: string
  readonly urgency: Urgency
  readonly confidentiality: Confidentiality
  /** Chữ viết tắt tên đơn vị soạn thảo, for a công văn's notation (e.g. VP) */
  readonly draftingUnit: string
  readonly recipients: readonly Recipient[]
  /** The incoming document this one answers, if any */
  readonly replyTo: string | null
}

/** Người ký: the approving leader, with the authority and title printed above the name (Appendix I, II.7). */
export type Signer = { readonly userId: string; readonly name: string; readonly title: string }

export type OutgoingEvent =
  | {
      readonly type: 'drafted'
      readonly at: string
      readonly actor: string
      readonly id: string
      readonly agencyId: string
      readonly content: DraftContent
    }
  | { readonly type: 'revised'; readonly at: string; readonly actor: string; readonly content: DraftContent }
  | { readonly type: 'submitted'; readonly at: string; readonly actor: string }
  | { readonly type: 'reviewed'; readonly at: string; readonly actor: string; readonly note: string | null }
  | { readonly type: 'returned'; readonly at: string; readonly actor: string; readonly note: string }
  | { readonly type: 'approved'; readonly at: string; readonly actor: string; readonly signer: Signer }
  | {
      readonly type: 'numbered'
      readonly at: string
      readonly actor: string
      readonly year: number
      readonly number: number
      readonly notation: string
      /** Ngày ban hành, local date */
      readonly issuedOn: string
    }
  | {
      readonly type: 'issued'
      readonly at: string
      readonly actor: string
      readonly sha256: string
      /** The incoming documents created at motcua recipients, by agency */
      readonly delivered: readonly { readonly agencyId: string; readonly documentId: string }[]
      /** Recipients outside motcua, handed to the exchange through the outbox (`document.issued`) */
      readonly external: readonly { readonly code: string; readonly name: string }[]
    }

export type OutgoingDocument = {
  readonly direction: 'outgoing'
  readonly id: string
  readonly agencyId: string
  readonly status: OutgoingStatus
  readonly drafterId: string
  readonly content: DraftContent
  readonly returnNote: string | null
  readonly signer: Signer | null
  readonly year: number | null
  readonly number: number | null
  readonly notation: string | null
  readonly issuedOn: string | null
  readonly sha256: string | null
  readonly delivered: readonly { readonly agencyId: string; readonly documentId: string }[]
  readonly external: readonly { readonly code: string; readonly name: string }[]
  readonly createdAt: string
  readonly version: number
}

function apply(d: OutgoingDocument, e: Exclude<OutgoingEvent, { type: 'drafted' }>): OutgoingDocument {
  switch (e.type) {
    case 'revised':
      return { ...d, content: e.content }
    case 'submitted':
      return { ...d, status: OutgoingStatus.Submitted, returnNote: null }
    case 'reviewed':
      return { ...d, status: OutgoingStatus.Reviewed }
    case 'returned':
      return { ...d, status: OutgoingStatus.Returned, returnNote: e.note }
    case 'approved':
      return { ...d, status: OutgoingStatus.Approved, signer: e.signer }
    case 'numbered':
      return {
        ...d,
        status: OutgoingStatus.Numbered,
        year: e.year,
        number: e.number,
        notation: e.notation,
        issuedOn: e.issuedOn,
      }
    case 'issued':
      return { ...d, status: OutgoingStatus.Issued, sha256: e.sha256, delivered: e.delivered, external: e.external }
  }
}

/** The outgoing document its events describe; null before drafting. */
export function foldOutgoing(events: readonly OutgoingEvent[]): OutgoingDocument | null {
  const [first, ...rest] = events
  if (first?.type !== 'drafted') return null
  const start: OutgoingDocument = {
    direction: 'outgoing',
    id: first.id,
    agencyId: first.agencyId,
    status: OutgoingStatus.Draft,
    drafterId: first.actor,
    content: first.content,
    returnNote: null,
    signer: null,
    year: null,
    number: null,
    notation: null,
    issuedOn: null,
    sha256: null,
    delivered: [],
    external: [],
    createdAt: first.at,
    version: 1,
  }
  return rest.reduce<OutgoingDocument>(
    (d, e) => ({ ...apply(d, e as Exclude<OutgoingEvent, { type: 'drafted' }>), version: d.version + 1 }),
    start,
  )
}
