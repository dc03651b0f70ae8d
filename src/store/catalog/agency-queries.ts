import type { AgencyKind } from '../../domain/catalog/agency.ts'
import type { AgencyNode } from '../../domain/catalog/agency-tree.ts'
import type { Db } from '../database.ts'

type Dated = { valid_from: string; valid_to: string | null }

/** The entry in force on `day`, else the last one that started before it (a former unit's last name). */
function inForceOrLast<T extends Dated>(entries: T[], day: string): T | undefined {
  const started = entries.filter((e) => e.valid_from <= day).sort((a, b) => (a.valid_from < b.valid_from ? 1 : -1))
  return started.find((e) => e.valid_to === null || e.valid_to >= day) ?? started[0]
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row])
  return groups
}

/**
 * The province's agencies as a tree (provincial committee → departments, service centre, communes →
 * commune service centres), each with the name and code in force on `today`. Former units, kept for
 * history and successor links, appear at the top level with their last name only when asked for.
 */
export async function agencyTree(db: Db, options: { today: string; includeFormer: boolean }): Promise<AgencyNode[]> {
  let agenciesQuery = db.selectFrom('agencies').select(['id', 'kind', 'parent_id', 'statistical_code', 'office_hours'])
  if (!options.includeFormer) agenciesQuery = agenciesQuery.where('kind', '!=', 'former_unit')
  const [agencies, names, codes, successions] = await Promise.all([
    agenciesQuery.execute(),
    db.selectFrom('agency_names').selectAll().execute(),
    db.selectFrom('agency_codes').selectAll().execute(),
    options.includeFormer
      ? db.selectFrom('agency_successions').select(['predecessor_id', 'successor_id']).execute()
      : Promise.resolve([]),
  ])
  const successorsOf = groupBy(successions, (s) => s.predecessor_id)
  const namesOf = groupBy(names, (n) => n.agency_id)
  const codesOf = groupBy(codes, (c) => c.agency_id)
  const nodes = new Map<string, AgencyNode>()
  for (const a of agencies) {
    const name = inForceOrLast(namesOf.get(a.id) ?? [], options.today)
    if (!name) continue
    const code = inForceOrLast(codesOf.get(a.id) ?? [], options.today)
    nodes.set(a.id, {
      id: a.id,
      kind: a.kind as AgencyKind,
      name: name.name,
      code: code?.code ?? null,
      codeConfirmed: code?.confirmed ?? false,
      statisticalCode: a.statistical_code,
      officeHours: a.office_hours,
      successorIds: (successorsOf.get(a.id) ?? []).map((s) => s.successor_id),
      children: [],
    })
  }
  const roots: AgencyNode[] = []
  for (const a of agencies) {
    const node = nodes.get(a.id)
    if (!node) continue
    const parent = a.parent_id === null ? undefined : nodes.get(a.parent_id)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const byKindThenName = (x: AgencyNode, y: AgencyNode) =>
    x.kind === y.kind ? x.name.localeCompare(y.name, 'vi') : x.kind.localeCompare(y.kind)
  const sortDeep = (list: AgencyNode[]) => {
    list.sort(byKindThenName)
    for (const n of list) sortDeep(n.children)
  }
  sortDeep(roots)
  return roots
}
