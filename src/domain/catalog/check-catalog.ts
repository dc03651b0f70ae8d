import type { Catalog } from './catalog.ts'
import type { ProcedureVersion } from './procedure.ts'
import { limitInWorkingHours } from './time-limit.ts'

/** One inconsistency found in a catalogue, named by where it is. */
export type CatalogProblem = { readonly where: string; readonly problem: string }

/** Rules a catalogue must keep beyond its schema: references resolve, steps add up to the limit. */
export function checkCatalog(catalog: Catalog): CatalogProblem[] {
  const problems: CatalogProblem[] = []
  const agencyIds = new Set(catalog.agencies.map((a) => a.id))
  const fieldIds = new Set(catalog.fields.map((f) => f.id))
  const seen = new Set<string>()
  for (const agency of catalog.agencies) {
    if (seen.has(agency.id)) problems.push({ where: `agency ${agency.id}`, problem: 'duplicate id' })
    seen.add(agency.id)
    if (agency.parentId !== null && !agencyIds.has(agency.parentId))
      problems.push({ where: `agency ${agency.id}`, problem: `unknown parent ${agency.parentId}` })
    for (const s of agency.successors)
      if (!agencyIds.has(s.successorId))
        problems.push({ where: `agency ${agency.id}`, problem: `unknown successor ${s.successorId}` })
  }
  if (!agencyIds.has(catalog.province.rootAgencyId))
    problems.push({ where: 'province', problem: 'root agency missing' })
  const codes = new Set<string>()
  for (const procedure of catalog.procedures) {
    if (codes.has(procedure.code)) problems.push({ where: `procedure ${procedure.code}`, problem: 'duplicate code' })
    codes.add(procedure.code)
    for (const version of procedure.versions) {
      const where = `procedure ${procedure.code} v${version.version}`
      if (!fieldIds.has(version.fieldId)) problems.push({ where, problem: `unknown field ${version.fieldId}` })
      for (const id of [version.competentAgencyId, ...version.steps.map((s) => s.agencyId)])
        if (id !== null && !agencyIds.has(id)) problems.push({ where, problem: `unknown agency ${id}` })
      const budget = stepBudgetProblem(version)
      if (budget) problems.push({ where, problem: budget })
    }
  }
  return problems
}

/** Steps must share out exactly the limit (rules.md §4: "the steps add up to the total"). */
export function stepBudgetProblem(version: ProcedureVersion): string | null {
  const total = limitInWorkingHours(version.timeLimit)
  if (total === null) return null
  const sum = version.steps.reduce((acc, s) => acc + s.budgetHours, 0)
  return Math.abs(sum - total) < 1e-9 ? null : `step budgets add up to ${sum} h, limit is ${total} h`
}
