/** One stratum of the population: an agency and how many of its dossiers finished in the period. */
export interface Stratum {
  readonly agencyId: string
  readonly population: number
}

/** How many of a stratum's dossiers are sampled. */
export interface Allocation {
  readonly agencyId: string
  readonly population: number
  readonly sampled: number
}

/**
 * Phân bổ mẫu theo tỷ lệ: proportional allocation by largest remainders (Hamilton). Each agency's
 * quota is n·N_h/N; it gets the floor, and the units still missing go one each to the largest
 * remainders, ties to the larger stratum, then to the agency id in code-point order. So the sizes
 * sum to n and each differs from its quota by less than 1 (and never exceeds its population).
 */
export function allocate(strata: readonly Stratum[], n: number): Allocation[] {
  const total = strata.reduce((sum, s) => sum + s.population, 0)
  if (n > total) throw new RangeError('the sample cannot exceed the population')
  if (total === 0) return strata.map((s) => ({ ...s, sampled: 0 }))
  const shares = strata.map((s) => {
    const exact = n * s.population
    return { ...s, sampled: Math.floor(exact / total), remainder: exact % total }
  })
  const missing = n - shares.reduce((sum, s) => sum + s.sampled, 0)
  const order = [...shares].sort(
    (a, b) =>
      b.remainder - a.remainder ||
      b.population - a.population ||
      (a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0),
  )
  for (const s of order.slice(0, missing)) s.sampled += 1
  return shares.map(({ agencyId, population, sampled }) => ({ agencyId, population, sampled }))
}
