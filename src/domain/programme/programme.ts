import type { ReformArea } from './reform-area.ts'

/** Giai đoạn: a phase of the programme, whole calendar years (e.g. 2021–2025). */
export type ProgrammePhase = {
  readonly id: string
  readonly name: string
  readonly fromYear: number
  readonly toYear: number
}

/** Nhóm giải pháp: a group of solutions of the programme, under one reform area. */
export type SolutionGroup = {
  readonly id: string
  readonly area: ReformArea
  readonly name: string
}

/**
 * Chương trình cải cách hành chính của tỉnh: the province's administrative reform programme, carrying
 * out Resolution 76/NQ-CP 2021 locally, in phases, with its groups of solutions.
 */
export type Programme = {
  readonly id: string
  readonly name: string
  readonly nameEn: string
  /** The decision or plan that adopted it (e.g. the provincial People's Committee's). */
  readonly source: string
  readonly phases: readonly ProgrammePhase[]
  readonly solutionGroups: readonly SolutionGroup[]
}

/** The phase a year falls in, or null outside the programme. */
export const phaseOfYear = (p: Programme, year: number): ProgrammePhase | null =>
  p.phases.find((ph) => ph.fromYear <= year && year <= ph.toYear) ?? null

/** The programme's years, first to last. */
export function programmeYears(p: Programme): number[] {
  const years = p.phases.flatMap((ph) => Array.from({ length: ph.toYear - ph.fromYear + 1 }, (_, i) => ph.fromYear + i))
  return [...new Set(years)].sort((a, b) => a - b)
}
