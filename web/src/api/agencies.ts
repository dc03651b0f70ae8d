import { queryOptions } from '@tanstack/react-query'
import { client, ok } from './client.ts'
import type { AgencyNode } from './types.ts'

/** The agency tree in force today; it changes with a merger decree, not within a visit. */
export const agencyTreeQuery = queryOptions({
  queryKey: ['agencies'],
  queryFn: () => ok(client.GET('/api/agencies', { params: { query: { includeFormer: false } } })),
  staleTime: 3_600_000,
})

/** A unit as a choice: its id and the name in force. */
export type AgencyChoice = { readonly id: string; readonly name: string }

/** Each node with the chain of its ancestors (nearest last). */
function walk(nodes: readonly AgencyNode[], above: readonly AgencyNode[] = []): [AgencyNode, AgencyNode[]][] {
  return nodes.flatMap((n) => [[n, [...above]] as [AgencyNode, AgencyNode[]], ...walk(n.children, [...above, n])])
}

const byName = (a: AgencyChoice, b: AgencyChoice) => a.name.localeCompare(b.name, 'vi')

/** The root of the tree `agencyId` sits in (its province's committee), or null when it is not in the tree. */
function provinceOf(tree: readonly AgencyNode[], agencyId: string): AgencyNode | null {
  const found = walk(tree).find(([n]) => n.id === agencyId)
  if (!found) return null
  return found[1][0] ?? found[0]
}

/** The commune committees of the province `agencyId` belongs to, by name (xã, phường, đặc khu). */
export function provinceCommunes(tree: readonly AgencyNode[], agencyId: string): AgencyChoice[] {
  const province = provinceOf(tree, agencyId)
  return walk(province ? [province] : tree)
    .filter(([n]) => n.kind === 'commune_committee')
    .map(([n]) => ({ id: n.id, name: n.name }))
    .sort(byName)
}

/** The commune committee a unit belongs to: itself, or its commune service centre's parent; null above communes. */
export function ownCommuneOf(tree: readonly AgencyNode[], agencyId: string): string | null {
  const found = walk(tree).find(([n]) => n.id === agencyId)
  if (!found) return null
  const [node, above] = found
  if (node.kind === 'commune_committee') return node.id
  return node.kind === 'commune_service_center' ? (above.at(-1)?.id ?? null) : null
}

/** The one-stop units (bộ phận một cửa: the provincial and commune service centres) of the tree, by name. */
export function oneStopUnits(tree: readonly AgencyNode[]): AgencyChoice[] {
  return walk(tree)
    .filter(([n]) => n.kind === 'provincial_service_center' || n.kind === 'commune_service_center')
    .map(([n]) => ({ id: n.id, name: n.name }))
    .sort(byName)
}

/** Every unit in force, by name (a coordinating agency, say). */
export function agenciesInForce(tree: readonly AgencyNode[]): AgencyChoice[] {
  return walk(tree)
    .filter(([n]) => n.kind !== 'former_unit')
    .map(([n]) => ({ id: n.id, name: n.name }))
    .sort(byName)
}

/** The name in force of a unit, or its id when the tree does not know it. */
export function agencyName(tree: readonly AgencyNode[] | undefined, agencyId: string): string {
  return walk(tree ?? []).find(([n]) => n.id === agencyId)?.[0].name ?? agencyId
}
