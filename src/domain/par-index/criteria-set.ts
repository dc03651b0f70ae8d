/**
 * Bộ tiêu chí xác định Chỉ số cải cách hành chính (Chỉ số CCHC) of one year and one kind of unit: areas
 * (lĩnh vực) → criteria (tiêu chí) → sub-criteria (tiêu chí thành phần), each scored leaf with its
 * maximum points and its scoring method. The national method is the Ministry of Home Affairs'
 * Quyết định 876/QĐ-BNV (10/11/2022); a province adapts it for its departments and communes by a
 * decision of its People's Committee (rules.md, PAR index of departments and communes).
 */
export const UnitKind = {
  /** Sở, ban, ngành cấp tỉnh */
  Department: 'department',
  /** Ủy ban nhân dân cấp xã (after the 2025 reorganisation: xã, phường, đặc khu) */
  Commune: 'commune',
} as const
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind]

/** A figure motcua computes for a unit over the year (a share in [0, 1], or the 766 index in [0, 100]). */
export const ComputedFigure = {
  /** Tỷ lệ hồ sơ giải quyết đúng hạn (II.06a, on time or early among the resolved) */
  OnTimeShare: 'on-time-share',
  /** Tỷ lệ hồ sơ trực tuyến (online among the received) */
  OnlineShare: 'online-share',
  /** Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg), out of 100 */
  Index766: 'index-766',
  /** Chỉ số hài lòng (SIPAS) of the unit, a share, from the satisfaction survey */
  Satisfaction: 'satisfaction',
} as const
export type ComputedFigure = (typeof ComputedFigure)[keyof typeof ComputedFigure]

export type Text = { readonly vi: string; readonly en: string }

/** One level of a self-assessed scale (e.g. "Hoàn thành 100% kế hoạch" → 1 point). */
export type Level = { readonly code: string; readonly label: Text; readonly points: number }

/** A threshold of a computed figure: the points of the highest band whose `from` the figure reaches. */
export type Band = { readonly from: number; readonly points: number }

/** How a leaf is scored; its points never leave [0, maxPoints] (a penalty deducts at most maxPoints). */
export type ScoringMethod =
  | { readonly kind: 'computed'; readonly figure: ComputedFigure; readonly rule: 'proportional' }
  | {
      readonly kind: 'computed'
      readonly figure: ComputedFigure
      readonly rule: 'bands'
      readonly bands: readonly Band[]
    }
  | { readonly kind: 'self_assessed'; readonly levels: readonly Level[] }
  | { readonly kind: 'counted'; readonly pointsPerItem: number }
  | { readonly kind: 'bonus' }
  | { readonly kind: 'penalty' }

/** A scored leaf: a sub-criterion, or a criterion without sub-criteria. */
export type Leaf = {
  readonly code: string
  readonly name: Text
  readonly maxPoints: number
  readonly method: ScoringMethod
}

export type Criterion =
  | (Leaf & { readonly subCriteria?: undefined })
  | { readonly code: string; readonly name: Text; readonly subCriteria: readonly Leaf[] }

export type Area = { readonly code: string; readonly name: Text; readonly criteria: readonly Criterion[] }

export type CriteriaSet = {
  readonly year: number
  readonly unitKind: UnitKind
  /** Thang điểm: the most a unit can score (bonus included, penalties deducted from it). */
  readonly maxPoints: number
  /** The decision this set follows, and what in it is illustrative. */
  readonly source: string
  readonly areas: readonly Area[]
}

/** The scored leaves of a criterion, in order. */
export const leavesOfCriterion = (c: Criterion): readonly Leaf[] => (c.subCriteria === undefined ? [c] : c.subCriteria)

/** Every scored leaf of an area, in order. */
export const leavesOfArea = (a: Area): readonly Leaf[] => a.criteria.flatMap(leavesOfCriterion)

/** Every scored leaf of the set, in area order. */
export const leavesOf = (s: CriteriaSet): readonly Leaf[] => s.areas.flatMap(leavesOfArea)

/** The most a leaf adds to the total: its maximum, or nothing for a penalty. */
export const leafCeiling = (l: Leaf): number => (l.method.kind === 'penalty' ? 0 : l.maxPoints)

/** Why a criteria set cannot be used, or an empty list. */
export function criteriaSetProblems(s: CriteriaSet): string[] {
  const problems: string[] = []
  const leaves = leavesOf(s)
  const codes = s.areas.flatMap((a) => [
    a.code,
    ...a.criteria.flatMap((c) => [c.code, ...(c.subCriteria ?? []).map((l) => l.code)]),
  ])
  const seen = new Set<string>()
  for (const code of codes) {
    if (seen.has(code)) problems.push(`duplicate code ${code}`)
    seen.add(code)
  }
  for (const l of leaves) {
    if (!(l.maxPoints > 0)) problems.push(`${l.code}: maxPoints must be positive`)
    const m = l.method
    if (m.kind === 'self_assessed') {
      if (m.levels.length === 0) problems.push(`${l.code}: a scale needs levels`)
      if (m.levels.some((v) => v.points < 0 || v.points > l.maxPoints))
        problems.push(`${l.code}: a level outside [0, max]`)
    }
    if (m.kind === 'computed' && m.rule === 'bands' && m.bands.some((b) => b.points < 0 || b.points > l.maxPoints))
      problems.push(`${l.code}: a band outside [0, max]`)
    if (m.kind === 'counted' && !(m.pointsPerItem > 0)) problems.push(`${l.code}: pointsPerItem must be positive`)
  }
  const ceiling = leaves.reduce((sum, l) => sum + leafCeiling(l), 0)
  if (Math.abs(ceiling - s.maxPoints) > 1e-9) problems.push(`the leaves add up to ${ceiling}, not ${s.maxPoints}`)
  return problems
}
