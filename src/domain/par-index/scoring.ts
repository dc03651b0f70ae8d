import { type ComputedFigure, type CriteriaSet, type Leaf, leavesOf, leavesOfArea } from './criteria-set.ts'

/**
 * What a unit (tự đánh giá) or the appraisal council (thẩm định) says about one leaf. Evidence is the
 * SHA-256 of files kept by motcua's file storage (tài liệu kiểm chứng).
 */
export type LeafAnswer =
  | { readonly kind: 'level'; readonly level: string; readonly evidence: readonly string[] }
  | { readonly kind: 'count'; readonly count: number; readonly evidence: readonly string[] }
  | { readonly kind: 'points'; readonly points: number; readonly evidence: readonly string[] }

export type Answers = Readonly<Record<string, LeafAnswer>>

/** A unit's figures for the year from motcua's data; null (or absent) when not applicable. */
export type UnitFigures = Readonly<Partial<Record<ComputedFigure, number | null>>>

export type UnitScore = {
  /** Điểm Chỉ số CCHC: the sum of every leaf's points (penalties negative) */
  readonly total: number
  readonly areas: readonly { readonly code: string; readonly points: number }[]
  readonly leaves: Readonly<Record<string, number>>
}

/** Points are kept in hundredths, so sums of rounded points are exact. */
const cents = (points: number) => Math.round((points + Number.EPSILON) * 100)
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Number.isFinite(x) ? x : 0))

/** The scale a figure is measured on: a share is in [0, 1], the 766 index out of 100. */
const figureScale = (figure: ComputedFigure) => (figure === 'index-766' ? 100 : 1)

/** Whether an answer carries the evidence its method requires (every method a unit answers). */
const evidenced = (a: LeafAnswer) => a.evidence.length > 0

/**
 * A leaf's points in hundredths, within [0, max] — a penalty within [-max, 0]. A computed figure not
 * applicable, an answer of the wrong kind, or an answer without evidence scores nothing (an
 * assumption taken from the provinces' instructions: "không có tài liệu kiểm chứng thì không chấm điểm").
 */
export function leafCents(leaf: Leaf, answer: LeafAnswer | undefined, figures: UnitFigures): number {
  const max = cents(leaf.maxPoints)
  const m = leaf.method
  if (m.kind === 'computed') {
    const value = figures[m.figure]
    if (value === null || value === undefined || !Number.isFinite(value)) return 0
    if (m.rule === 'proportional') return clamp(cents((leaf.maxPoints * value) / figureScale(m.figure)), 0, max)
    const band = [...m.bands].filter((b) => value >= b.from).sort((a, b) => b.from - a.from)[0]
    return band === undefined ? 0 : clamp(cents(band.points), 0, max)
  }
  if (answer === undefined) return 0
  if (m.kind === 'penalty') return answer.kind === 'points' ? -clamp(cents(answer.points), 0, max) : 0
  if (!evidenced(answer)) return 0
  switch (m.kind) {
    case 'self_assessed': {
      const level = answer.kind === 'level' ? m.levels.find((l) => l.code === answer.level) : undefined
      return level === undefined ? 0 : clamp(cents(level.points), 0, max)
    }
    case 'counted':
      return answer.kind === 'count' ? clamp(Math.trunc(answer.count) * cents(m.pointsPerItem), 0, max) : 0
    case 'bonus':
      return answer.kind === 'points' ? clamp(cents(answer.points), 0, max) : 0
  }
}

/** A unit's score: each leaf, each area and the total, from its answers and figures. */
export function scoreUnit(set: CriteriaSet, answers: Answers, figures: UnitFigures): UnitScore {
  const leaves: Record<string, number> = {}
  const areas = set.areas.map((area) => {
    let sum = 0
    for (const leaf of leavesOfArea(area)) {
      const c = leafCents(leaf, answers[leaf.code], figures)
      leaves[leaf.code] = c / 100
      sum += c
    }
    return { code: area.code, cents: sum }
  })
  const total = areas.reduce((sum, a) => sum + a.cents, 0)
  return { total: total / 100, areas: areas.map((a) => ({ code: a.code, points: a.cents / 100 })), leaves }
}

/**
 * The answers that count: the council's where it appraised a leaf, the unit's own elsewhere
 * (điểm thẩm định thay điểm tự chấm). An appraisal without files of its own rests on the unit's
 * evidence for that leaf.
 */
export function finalAnswers(self: Answers, appraisal: Answers): Answers {
  const merged: Record<string, LeafAnswer> = { ...self }
  for (const [code, a] of Object.entries(appraisal))
    merged[code] = a.evidence.length > 0 ? a : { ...a, evidence: self[code]?.evidence ?? [] }
  return merged
}

/** Leaves of the set a unit answers (every leaf that is not computed). */
export const answerableLeaves = (set: CriteriaSet): readonly Leaf[] =>
  leavesOf(set).filter((l) => l.method.kind !== 'computed')
