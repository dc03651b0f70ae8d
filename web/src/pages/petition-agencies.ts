import type { AgencyNode } from '../api/types.ts'

/** Every unit of the tree as a choice, by name: where a petition may be addressed or routed. */
export function agencyChoices(tree: readonly AgencyNode[]): { id: string; name: string }[] {
  const walk = (nodes: readonly AgencyNode[]): AgencyNode[] => nodes.flatMap((n) => [n, ...walk(n.children)])
  return walk(tree)
    .map((n) => ({ id: n.id, name: n.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
}
