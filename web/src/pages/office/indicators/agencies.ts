import { useLoad } from '../../../indicators/load.ts'

type AgencyNode = { id: string; name: string; children: AgencyNode[] }
export type AgencyOption = { id: string; name: string; depth: number }

/** The agency tree flattened in order, each with its depth, for a select list or a name lookup. */
export function useAgencies(): AgencyOption[] {
  const load = useLoad<AgencyNode[]>('/api/agencies')
  if (load.state !== 'done') return []
  const out: AgencyOption[] = []
  const walk = (nodes: AgencyNode[], depth: number) => {
    for (const n of nodes) {
      out.push({ id: n.id, name: n.name, depth })
      walk(n.children, depth + 1)
    }
  }
  walk(load.data, 0)
  return out
}
