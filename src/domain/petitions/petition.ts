/**
 * Phản ánh, kiến nghị (PAKN) about administrative regulations and their handling: Decree 20/2008/NĐ-CP
 * as amended by Decree 92/2017/NĐ-CP (Art. 5 content, Art. 9 reception, Art. 14 handling, Art. 19
 * publication). A petition is a fold of its events, like a dossier (rules.md, Petitions).
 */
export const PetitionStatus = {
  /** Tiếp nhận: received, not yet routed */
  Received: 'received',
  /** Từ chối tiếp nhận: outside Decree 20's scope or without the required details (Art. 7, 9) */
  Refused: 'refused',
  /** Đề nghị bổ sung: the petitioner is asked to complete the petition */
  SupplementRequested: 'supplement-requested',
  /** Chuyển cơ quan có thẩm quyền: routed to the agency responsible for the answer */
  Assigned: 'assigned',
  /** Đã trả lời: the responsible agency answered */
  Answered: 'answered',
} as const
export type PetitionStatus = (typeof PetitionStatus)[keyof typeof PetitionStatus]

/** Nội dung phản ánh, kiến nghị (Decree 20/2008 Art. 5, as amended by Decree 92/2017). */
export const PetitionCategory = {
  /** Hành vi chậm trễ, gây phiền hà, không thực hiện hoặc thực hiện không đúng quy định của cơ quan, cán bộ, công chức */
  Conduct: 'conduct',
  /** Nội dung quy định hành chính, thủ tục hành chính (không phù hợp, không đồng bộ, không hợp pháp…) */
  Regulation: 'regulation',
} as const
export type PetitionCategory = (typeof PetitionCategory)[keyof typeof PetitionCategory]

export const PetitionChannel = {
  NationalPortal: 'national-portal',
  Portal: 'portal',
  Counter: 'counter',
} as const
export type PetitionChannel = (typeof PetitionChannel)[keyof typeof PetitionChannel]

/** Who petitions: a name and at least one way to reach them (Decree 20/2008 Art. 7). */
export type Petitioner = {
  readonly name: string
  readonly phone: string | null
  readonly email: string | null
  readonly address: string | null
}

export type PetitionEvent =
  | {
      readonly type: 'received'
      readonly at: string
      readonly code: string
      readonly channel: PetitionChannel
      readonly receivingAgencyId: string
      readonly category: PetitionCategory | null
      readonly title: string
      readonly content: string
      readonly petitioner: Petitioner
      readonly ownerUserId: string | null
      readonly consentToPublish: boolean
      readonly dossierCode: string | null
      /** The earlier petition's code this one follows up; absent on events recorded before migration 0044. */
      readonly followsUp?: string | null
    }
  | { readonly type: 'classified'; readonly at: string; readonly actor: string; readonly category: PetitionCategory }
  | { readonly type: 'refused'; readonly at: string; readonly actor: string; readonly reason: string }
  | { readonly type: 'supplement-requested'; readonly at: string; readonly actor: string; readonly items: string }
  | { readonly type: 'supplemented'; readonly at: string; readonly actor: string; readonly content: string }
  | { readonly type: 'assigned'; readonly at: string; readonly actor: string; readonly agencyId: string }
  | { readonly type: 'answered'; readonly at: string; readonly actor: string; readonly answer: string }
  | { readonly type: 'publication-consent'; readonly at: string; readonly actor: string; readonly consent: boolean }
  | { readonly type: 'rated'; readonly at: string; readonly actor: string; readonly satisfied: boolean }
  | { readonly type: 'dossier-linked'; readonly at: string; readonly actor: string; readonly dossierCode: string }
  | { readonly type: 'follow-up-marked'; readonly at: string; readonly actor: string; readonly followsUp: string }

export type Petition = {
  readonly code: string
  readonly status: PetitionStatus
  readonly channel: PetitionChannel
  readonly receivingAgencyId: string
  /** The agency holding it now: the receiving one until routed, then the responsible one. */
  readonly agencyId: string
  readonly category: PetitionCategory | null
  readonly title: string
  readonly content: string
  readonly petitioner: Petitioner
  readonly ownerUserId: string | null
  readonly consentToPublish: boolean
  readonly dossierCode: string | null
  /**
   * Phản ánh lặp lại: the code of the earlier, answered petition this one follows up — the petitioner
   * comes back about its answer, which counts that answer against satisfaction (766 formula, 5.3).
   */
  readonly followsUp: string | null
  readonly receivedAt: string
  /** When the handling clock starts: reception, or the supplement's arrival (Art. 9, 14). */
  readonly clockFrom: string
  readonly supplementRequestedAt: string | null
  readonly refusedAt: string | null
  readonly answer: string | null
  readonly answeredAt: string | null
  /** Công khai: when the answer became public (answered and consented, Art. 19). */
  readonly publishedAt: string | null
  readonly satisfied: boolean | null
  readonly version: number
}

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b)

function published(p: Petition): Petition {
  if (p.publishedAt !== null || !p.consentToPublish || p.answeredAt === null) return p
  return { ...p, publishedAt: p.answeredAt }
}

function apply(p: Petition, e: Exclude<PetitionEvent, { type: 'received' }>): Petition {
  switch (e.type) {
    case 'classified':
      return { ...p, category: e.category }
    case 'refused':
      return { ...p, status: PetitionStatus.Refused, refusedAt: e.at }
    case 'supplement-requested':
      return { ...p, status: PetitionStatus.SupplementRequested, supplementRequestedAt: e.at }
    case 'supplemented':
      return { ...p, status: PetitionStatus.Received, content: `${p.content}\n\n${e.content}`, clockFrom: e.at }
    case 'assigned':
      return { ...p, status: PetitionStatus.Assigned, agencyId: e.agencyId }
    case 'answered':
      return published({ ...p, status: PetitionStatus.Answered, answer: e.answer, answeredAt: e.at })
    case 'publication-consent':
      if (!e.consent) return { ...p, consentToPublish: false, publishedAt: null }
      return p.answeredAt === null
        ? { ...p, consentToPublish: true }
        : { ...p, consentToPublish: true, publishedAt: p.publishedAt ?? later(e.at, p.answeredAt) }
    case 'rated':
      return { ...p, satisfied: e.satisfied }
    case 'dossier-linked':
      return { ...p, dossierCode: e.dossierCode }
    case 'follow-up-marked':
      return { ...p, followsUp: e.followsUp }
  }
}

/** The petition its events describe; null before reception. */
export function foldPetition(events: readonly PetitionEvent[]): Petition | null {
  const [first, ...rest] = events
  if (first?.type !== 'received') return null
  const start: Petition = {
    code: first.code,
    status: PetitionStatus.Received,
    channel: first.channel,
    receivingAgencyId: first.receivingAgencyId,
    agencyId: first.receivingAgencyId,
    category: first.category,
    title: first.title,
    content: first.content,
    petitioner: first.petitioner,
    ownerUserId: first.ownerUserId,
    consentToPublish: first.consentToPublish,
    dossierCode: first.dossierCode,
    followsUp: first.followsUp ?? null,
    receivedAt: first.at,
    clockFrom: first.at,
    supplementRequestedAt: null,
    refusedAt: null,
    answer: null,
    answeredAt: null,
    publishedAt: null,
    satisfied: null,
    version: 1,
  }
  return rest.reduce<Petition>(
    (p, e) => ({ ...apply(p, e as Exclude<PetitionEvent, { type: 'received' }>), version: p.version + 1 }),
    start,
  )
}
