import { type Allocation, allocate } from './allocation.ts'
import { sampleSize } from './sample-size.ts'
import { seededRandom } from './seeded-random.ts'

/** A dossier finished in the period: one unit of the survey's population. */
export interface FinishedDossier {
  readonly dossierCode: string
  readonly agencyId: string
}

/** The drawn sample: its size, the allocation per agency and the sampled dossiers' codes. */
export interface SurveySample {
  readonly population: number
  readonly size: number
  readonly strata: readonly Allocation[]
  readonly dossiers: readonly FinishedDossier[]
}

/**
 * Chọn mẫu ngẫu nhiên phân tầng: the size by Yamane's formula, allocated to agencies in proportion,
 * then within each agency a partial Fisher–Yates shuffle of its dossiers sorted by code, driven by
 * the generator seeded with `seed|agencyId`. The input's order does not matter and one agency's draw
 * does not depend on the others', so the same population and seed always give the same sample.
 */
export function drawSample(
  population: readonly FinishedDossier[],
  marginBasisPoints: number,
  seed: string,
): SurveySample {
  const byAgency = new Map<string, string[]>()
  for (const d of population) byAgency.set(d.agencyId, [...(byAgency.get(d.agencyId) ?? []), d.dossierCode])
  const agencies = [...byAgency.keys()].sort()
  const size = sampleSize(population.length, marginBasisPoints)
  const strata = allocate(
    agencies.map((agencyId) => ({ agencyId, population: byAgency.get(agencyId)?.length ?? 0 })),
    size,
  )
  const dossiers = strata.flatMap((s) =>
    pick([...(byAgency.get(s.agencyId) ?? [])].sort(), s.sampled, `${seed}|${s.agencyId}`).map((dossierCode) => ({
      dossierCode,
      agencyId: s.agencyId,
    })),
  )
  return { population: population.length, size, strata, dossiers }
}

function pick(codes: string[], count: number, seed: string): string[] {
  const random = seededRandom(seed)
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (codes.length - i))
    ;[codes[i], codes[j]] = [codes[j] as string, codes[i] as string]
  }
  return codes.slice(0, count).sort()
}
