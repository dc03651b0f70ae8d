import { queryOptions } from '@tanstack/react-query'
import { client, ok } from '../api/client.ts'
import type { AgencyNode } from '../api/types.ts'

/** One choice of the commune field: today's commune, found by its name or by a former unit's name. */
export type CommuneChoice = { readonly code: string; readonly name: string; readonly formerNames: readonly string[] }

/** The tree with the former units, whose successor links turn a pre-2025 name into today's commune. */
export const agencyTreeWithFormerQuery = queryOptions({
  queryKey: ['agencies', 'with-former'],
  queryFn: () => ok(client.GET('/api/agencies', { params: { query: { includeFormer: true } } })),
  staleTime: 3_600_000,
})

const flatten = (nodes: readonly AgencyNode[]): AgencyNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)])

/** "Ủy ban nhân dân phường Bắc Nha Trang" → "Phường Bắc Nha Trang": the unit, not its committee. */
export function unitName(committeeName: string): string {
  const name = committeeName.replace(/^Ủy ban nhân dân\s+/iu, '')
  return name.charAt(0).toLocaleUpperCase('vi') + name.slice(1)
}

/** The communes the schema allows (by statistical code), named from the tree; unknown codes keep their code. */
export function communeChoices(codes: readonly string[], tree: readonly AgencyNode[] | undefined): CommuneChoice[] {
  const all = flatten(tree ?? [])
  const byId = new Map(all.map((n) => [n.id, n]))
  const formerOf = new Map<string, string[]>()
  for (const unit of all.filter((n) => n.kind === 'former_unit'))
    for (const id of unit.successorIds) {
      const code = byId.get(id)?.statisticalCode
      if (code) formerOf.set(code, [...(formerOf.get(code) ?? []), unit.name])
    }
  const named = new Map(
    all.filter((n) => n.kind === 'commune_committee' && n.statisticalCode).map((n) => [n.statisticalCode, n.name]),
  )
  return codes
    .map((code) => {
      const committee = named.get(code)
      return { code, name: committee ? unitName(committee) : code, formerNames: formerOf.get(code) ?? [] }
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
}

/** Lower case without diacritics (đ → d): "Vinh Hoa" finds "Vĩnh Hòa". */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().trim()
}

/** The choices whose name or former name contains what was typed, today's names first. */
export function matchCommunes(choices: readonly CommuneChoice[], typed: string): CommuneChoice[] {
  const q = folded(typed)
  if (!q) return [...choices]
  const byName = choices.filter((c) => folded(c.name).includes(q))
  const byFormer = choices.filter((c) => !byName.includes(c) && c.formerNames.some((f) => folded(f).includes(q)))
  return [...byName, ...byFormer]
}
