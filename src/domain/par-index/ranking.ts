import type { UnitScore } from './scoring.ts'

export type RankedUnit = {
  readonly rank: number
  readonly unitId: string
  readonly name: string
  readonly total: number
  readonly areas: UnitScore['areas']
}

const collator = new Intl.Collator('vi')

/**
 * Xếp hạng: higher total first; a tie goes to the unit with more points in the first area, then the
 * second and so on in the set's area order; then the name in Vietnamese order, then the unit id, so
 * every unit has its own rank (rules.md, PAR index of departments and communes).
 */
export function compareUnits(
  a: { unitId: string; name: string; score: UnitScore },
  b: { unitId: string; name: string; score: UnitScore },
): number {
  if (a.score.total !== b.score.total) return b.score.total - a.score.total
  for (let i = 0; i < a.score.areas.length; i++) {
    const d = (b.score.areas[i]?.points ?? 0) - (a.score.areas[i]?.points ?? 0)
    if (d !== 0) return d
  }
  return collator.compare(a.name, b.name) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0)
}

/** The year's ranking, 1 for the best. */
export function rankUnits(units: readonly { unitId: string; name: string; score: UnitScore }[]): RankedUnit[] {
  return [...units]
    .sort(compareUnits)
    .map((u, i) => ({ rank: i + 1, unitId: u.unitId, name: u.name, total: u.score.total, areas: u.score.areas }))
}

export type YearComparison = {
  readonly unitId: string
  readonly name: string
  readonly rank: number
  readonly total: number
  readonly lastRank: number | null
  readonly lastTotal: number | null
  /** Points gained since last year (null for a unit not ranked last year) */
  readonly change: number | null
  /** Places gained since last year: positive = moved up */
  readonly rankChange: number | null
}

/** So sánh với năm trước: each unit of this year's ranking beside its place last year. */
export function compareWithLastYear(current: readonly RankedUnit[], last: readonly RankedUnit[]): YearComparison[] {
  const before = new Map(last.map((u) => [u.unitId, u]))
  return current.map((u) => {
    const l = before.get(u.unitId)
    return {
      unitId: u.unitId,
      name: u.name,
      rank: u.rank,
      total: u.total,
      lastRank: l?.rank ?? null,
      lastTotal: l?.total ?? null,
      change: l === undefined ? null : Math.round((u.total - l.total) * 100) / 100,
      rankChange: l === undefined ? null : l.rank - u.rank,
    }
  })
}
