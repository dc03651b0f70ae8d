import type { CriteriaSet } from './criteria-set.ts'
import type { FigureSources } from './figure-sources.ts'
import type { Answers, UnitFigures } from './scoring.ts'

/** Where a year's assessment (kỳ đánh giá Chỉ số CCHC) stands. */
export const RoundStatus = {
  /** Đang đánh giá: units self-assess until the deadline, then the council appraises and units explain */
  Open: 'open',
  /** Đã chốt điểm: final scores locked with the figures they used */
  Locked: 'locked',
  /** Đã công bố: the ranking is public to everyone who reads indicators */
  Published: 'published',
} as const
export type RoundStatus = (typeof RoundStatus)[keyof typeof RoundStatus]

/** The final result of one unit, fixed at locking. */
export type LockedResult = {
  readonly unitId: string
  readonly name: string
  readonly figures: UnitFigures
  /** Absent from rounds locked before the sources were kept. */
  readonly sources?: FigureSources
  readonly answers: Answers
}

export type RoundEvent =
  | {
      readonly type: 'opened'
      readonly at: string
      readonly actor: string
      readonly criteriaSet: CriteriaSet
      readonly units: readonly { readonly id: string; readonly name: string }[]
      /** Hội đồng thẩm định: the accounts the provincial decision names as the appraisal council */
      readonly council: readonly string[]
      readonly selfAssessmentDeadline: string
      readonly explanationDeadline: string
    }
  | {
      /** The provincial administrator moves the deadlines while they are still ahead (gia hạn). */
      readonly type: 'deadlines-set'
      readonly at: string
      readonly actor: string
      readonly selfAssessmentDeadline: string
      readonly explanationDeadline: string
    }
  | { readonly type: 'locked'; readonly at: string; readonly actor: string; readonly results: readonly LockedResult[] }
  | { readonly type: 'published'; readonly at: string; readonly actor: string }

/** Một kỳ đánh giá: one year × one kind of unit, its criteria set frozen at opening. */
export type ParRound = {
  readonly id: string
  readonly year: number
  readonly status: RoundStatus
  readonly criteriaSet: CriteriaSet
  readonly units: readonly { readonly id: string; readonly name: string }[]
  readonly council: readonly string[]
  readonly selfAssessmentDeadline: string
  readonly explanationDeadline: string
  readonly results: readonly LockedResult[] | null
  readonly lockedAt: string | null
  readonly publishedAt: string | null
  readonly version: number
}

export const roundId = (year: number, unitKind: string) => `${year}-${unitKind}`

function applyRound(r: ParRound, e: RoundEvent): ParRound {
  if (e.type === 'locked')
    return { ...r, status: RoundStatus.Locked, results: e.results, lockedAt: e.at, version: r.version + 1 }
  if (e.type === 'published') return { ...r, status: RoundStatus.Published, publishedAt: e.at, version: r.version + 1 }
  if (e.type === 'deadlines-set')
    return {
      ...r,
      selfAssessmentDeadline: e.selfAssessmentDeadline,
      explanationDeadline: e.explanationDeadline,
      version: r.version + 1,
    }
  return r
}

/** The round its events describe; null before opening. */
export function foldRound(events: readonly RoundEvent[]): ParRound | null {
  const [first, ...rest] = events
  if (first?.type !== 'opened') return null
  const start: ParRound = {
    id: roundId(first.criteriaSet.year, first.criteriaSet.unitKind),
    year: first.criteriaSet.year,
    status: RoundStatus.Open,
    criteriaSet: first.criteriaSet,
    units: first.units,
    council: first.council,
    selfAssessmentDeadline: first.selfAssessmentDeadline,
    explanationDeadline: first.explanationDeadline,
    results: null,
    lockedAt: null,
    publishedAt: null,
    version: 1,
  }
  let round = start
  for (const e of rest) round = applyRound(round, e)
  return round
}

/** Notes of the council on a leaf, by leaf code. */
export type Comments = Readonly<Record<string, string>>

export type AssessmentEvent =
  | {
      readonly type: 'self-assessed'
      readonly at: string
      readonly actor: string
      readonly answers: Answers
      readonly note: string
    }
  | {
      readonly type: 'appraised'
      readonly at: string
      readonly actor: string
      readonly answers: Answers
      readonly comments: Comments
    }
  | { readonly type: 'explained'; readonly at: string; readonly actor: string; readonly explanation: string }

/** One unit's assessment in a round: its self-assessment, the council's appraisal, its explanation. */
export type UnitAssessment = {
  readonly roundId: string
  readonly unitId: string
  readonly self: Answers
  readonly note: string
  readonly selfAssessedAt: string | null
  readonly appraisal: Answers
  readonly comments: Comments
  readonly appraisedAt: string | null
  /** Giải trình: the unit's one explanation of the council's scores */
  readonly explanation: string | null
  readonly explainedAt: string | null
  readonly version: number
}

export const emptyAssessment = (roundId: string, unitId: string): UnitAssessment => ({
  roundId,
  unitId,
  self: {},
  note: '',
  selfAssessedAt: null,
  appraisal: {},
  comments: {},
  appraisedAt: null,
  explanation: null,
  explainedAt: null,
  version: 0,
})

/** The assessment after one more event; a later self-assessment or appraisal replaces the earlier one's leaves. */
export function applyAssessment(a: UnitAssessment, e: AssessmentEvent): UnitAssessment {
  const version = a.version + 1
  switch (e.type) {
    case 'self-assessed':
      return { ...a, self: { ...a.self, ...e.answers }, note: e.note, selfAssessedAt: e.at, version }
    case 'appraised':
      return {
        ...a,
        appraisal: { ...a.appraisal, ...e.answers },
        comments: { ...a.comments, ...e.comments },
        appraisedAt: e.at,
        version,
      }
    case 'explained':
      return { ...a, explanation: e.explanation, explainedAt: e.at, version }
  }
}

export const foldAssessment = (roundId: string, unitId: string, events: readonly AssessmentEvent[]): UnitAssessment =>
  events.reduce(applyAssessment, emptyAssessment(roundId, unitId))
