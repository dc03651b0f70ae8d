import type { Confidentiality, DocumentType, Urgency } from './document-type.ts'

/**
 * Văn bản đến: a document another agency sent (Decree 30/2020 Art. 20–24): received (tiếp nhận, Art.
 * 21), registered with its arrival number (đăng ký, số đến, Art. 22), presented to the leader who
 * assigns a handler, a deadline and an opinion (trình, chuyển giao, Art. 23), handled with opinions
 * and done, or answered by an outgoing document (giải quyết, Art. 24).
 */
export const IncomingStatus = {
  Arrived: 'arrived',
  Registered: 'registered',
  Assigned: 'assigned',
  Handling: 'handling',
  Done: 'done',
  Answered: 'answered',
  /** Thu hồi: the sender revoked it over the axis (edXML business type 1); nothing more is done to it. */
  Revoked: 'revoked',
  /** Thay thế / cập nhật: a later package of the sender replaced it (business type 3 or 2). */
  Superseded: 'superseded',
} as const
export type IncomingStatus = (typeof IncomingStatus)[keyof typeof IncomingStatus]

/** What the sender's document states, as it arrived. */
export type ArrivedDocument = {
  readonly senderAgencyId: string | null
  readonly senderName: string
  readonly type: DocumentType
  readonly notation: string
  readonly issuedOn: string
  readonly subject: string
  readonly signerName: string
  readonly urgency: Urgency
  readonly confidentiality: Confidentiality
  /** The sender's outgoing document, when it is a motcua agency */
  readonly sourceDocumentId: string | null
}

export type Opinion = { readonly at: string; readonly actor: string; readonly text: string }

export type IncomingEvent =
  | {
      readonly type: 'arrived'
      readonly at: string
      readonly actor: string
      readonly id: string
      readonly agencyId: string
      readonly document: ArrivedDocument
      /** The incoming document this one replaces (an edXML replacement or update), if any. */
      readonly replacesId?: string
    }
  | {
      readonly type: 'registered'
      readonly at: string
      readonly actor: string
      readonly year: number
      readonly number: number
      readonly arrivedOn: string
    }
  | {
      readonly type: 'assigned'
      readonly at: string
      readonly actor: string
      readonly handlerId: string
      /** Thời hạn giải quyết, a local date */
      readonly dueOn: string | null
      /** Ý kiến chỉ đạo giải quyết */
      readonly opinion: string
    }
  | { readonly type: 'opinion-added'; readonly at: string; readonly actor: string; readonly text: string }
  | { readonly type: 'done'; readonly at: string; readonly actor: string; readonly note: string }
  | { readonly type: 'answered'; readonly at: string; readonly actor: string; readonly replyId: string }
  | { readonly type: 'revoked'; readonly at: string; readonly actor: string; readonly reason: string }
  | { readonly type: 'superseded'; readonly at: string; readonly actor: string; readonly byId: string }

export type IncomingDocument = {
  readonly direction: 'incoming'
  readonly id: string
  readonly agencyId: string
  readonly status: IncomingStatus
  readonly document: ArrivedDocument
  readonly arrivedAt: string
  readonly year: number | null
  /** Số đến */
  readonly number: number | null
  readonly arrivedOn: string | null
  readonly handlerId: string | null
  readonly dueOn: string | null
  readonly opinions: readonly Opinion[]
  readonly replyId: string | null
  readonly finishedAt: string | null
  /**
   * The earlier incoming document this one replaces, and the later one that replaced it (optional:
   * projections stored before migration 0037 lack them; absent means none).
   */
  readonly replacesId?: string | null
  readonly supersededById?: string | null
  readonly version: number
}

function apply(d: IncomingDocument, e: Exclude<IncomingEvent, { type: 'arrived' }>): IncomingDocument {
  switch (e.type) {
    case 'registered':
      return { ...d, status: IncomingStatus.Registered, year: e.year, number: e.number, arrivedOn: e.arrivedOn }
    case 'assigned':
      return {
        ...d,
        status: IncomingStatus.Assigned,
        handlerId: e.handlerId,
        dueOn: e.dueOn,
        opinions: [...d.opinions, { at: e.at, actor: e.actor, text: e.opinion }],
      }
    case 'opinion-added':
      return {
        ...d,
        status: IncomingStatus.Handling,
        opinions: [...d.opinions, { at: e.at, actor: e.actor, text: e.text }],
      }
    case 'done':
      return {
        ...d,
        status: IncomingStatus.Done,
        finishedAt: e.at,
        opinions: [...d.opinions, { at: e.at, actor: e.actor, text: e.note }],
      }
    case 'answered':
      return { ...d, status: IncomingStatus.Answered, replyId: e.replyId, finishedAt: e.at }
    case 'revoked':
      return {
        ...d,
        status: IncomingStatus.Revoked,
        opinions: [...d.opinions, { at: e.at, actor: e.actor, text: e.reason }],
      }
    case 'superseded':
      return { ...d, status: IncomingStatus.Superseded, supersededById: e.byId }
  }
}

/** The incoming document its events describe; null before arrival. */
export function foldIncoming(events: readonly IncomingEvent[]): IncomingDocument | null {
  const [first, ...rest] = events
  if (first?.type !== 'arrived') return null
  const start: IncomingDocument = {
    direction: 'incoming',
    id: first.id,
    agencyId: first.agencyId,
    status: IncomingStatus.Arrived,
    document: first.document,
    arrivedAt: first.at,
    year: null,
    number: null,
    arrivedOn: null,
    handlerId: null,
    dueOn: null,
    opinions: [],
    replyId: null,
    finishedAt: null,
    replacesId: first.replacesId ?? null,
    supersededById: null,
    version: 1,
  }
  return rest.reduce<IncomingDocument>(
    (d, e) => ({ ...apply(d, e as Exclude<IncomingEvent, { type: 'arrived' }>), version: d.version + 1 }),
    start,
  )
}
