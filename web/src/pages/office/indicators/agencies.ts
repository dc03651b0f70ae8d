import { useQuery } from '@tanstack/react-query'
import { agencyTreeQuery } from '../../../api/agencies.ts'
import type { AgencyNode } from '../../../api/types.ts'

export type AgencyOption = { id: string; name: string; depth: number }

function flatten(tree: AgencyNode[]): AgencyOption[] {
  const out: AgencyOption[] = []
  const walk = (nodes: AgencyNode[], depth: number) => {
    for (const n of nodes) {
      out.push({ id: n.id, name: n.name, depth })
      walk(n.children, depth + 1)
    }
  }
  walk(tree, 0)
  return out
}

/** The agency tree flattened in order, each with its depth, for a select list or a name lookup. */
export function useAgencies(): AgencyOption[] {
  return useQuery({ ...agencyTreeQuery, select: flatten }).data ?? []
}
