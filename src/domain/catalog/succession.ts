import type { Agency } from './agency.ts'

/** What following successor links needs of an agency. */
export type UnitLinks = Pick<Agency, 'parentId' | 'successors'>

/** The unit and the units above it, nearest first. */
function chainOf(units: ReadonlyMap<string, UnitLinks>, id: string): string[] {
  const chain: string[] = []
  for (let at: string | null | undefined = id; at && !chain.includes(at); at = units.get(at)?.parentId) chain.push(at)
  return chain
}

/**
 * Đơn vị kế thừa: the unit of today's tree where the dossiers and indicators of `agencyId` count
 * (rules.md §7: those of abolished or merged units map to their successors). Successor links are followed
 * until a unit that has none. A unit divided among several successors counts at the nearest unit above
 * all of them, because its dossiers do not say which part they came from: a former district, at the
 * provincial People's Committee (product rule, docs/rules.md "Demo province data"). A unit without links
 * is its own.
 */
export function presentUnitOf(units: ReadonlyMap<string, UnitLinks>, agencyId: string): string {
  const walk = (id: string, seen: readonly string[]): string => {
    const successors = units.get(id)?.successors ?? []
    if (successors.length === 0 || seen.includes(id)) return id
    const present = [...new Set(successors.map((s) => walk(s.successorId, [...seen, id])))]
    const [first, ...others] = present.map((p) => chainOf(units, p))
    const meet = first?.find((candidate) => others.every((chain) => chain.includes(candidate)))
    return meet ?? id
  }
  return walk(agencyId, [])
}
