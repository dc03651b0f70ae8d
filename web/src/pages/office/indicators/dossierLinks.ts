import { type Period, periodQuery } from '../../../indicators/period.ts'
import type { DossierSet } from '../../../indicators/views.ts'

export type DossierScope = { agencyId: string; field?: string; procedure?: string }

/** The address of the dossier list behind one figure of an agency, a field or a procedure. */
export function dossierListUrl(scope: DossierScope, period: Period, set: DossierSet, page?: number): string {
  const query = periodQuery(period, {
    field: scope.field,
    procedure: scope.procedure,
    set,
    page: page && page > 1 ? String(page) : undefined,
  })
  return `/can-bo/chi-so/co-quan/${encodeURIComponent(scope.agencyId)}/ho-so?${query}`
}
