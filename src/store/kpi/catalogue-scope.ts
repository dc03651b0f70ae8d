import type { ProcedureVersion } from '../../domain/catalog/procedure.ts'
import { limitInWorkingHours } from '../../domain/catalog/time-limit.ts'
import { type CatalogueCounts, catalogueCounts, hasFee } from '../../domain/kpi/catalogue-counts.ts'
import type { ServiceOffer } from '../../domain/kpi/online-services.ts'
import {
  type PublicationCounts,
  type PublishedVersion,
  publicationCounts,
} from '../../domain/kpi/publication-counts.ts'
import { workingDaysFromDatabase } from '../calendar/working-days-cache.ts'
import type { Db } from '../database.ts'

type VersionRow = {
  readonly code: string
  readonly name: string
  readonly fieldId: string
  readonly level: string
  readonly competentAgencyId: string | null
  readonly competentAgencyKind: string
  readonly version: Pick<
    ProcedureVersion,
    | 'legalBasis'
    | 'requiredDocuments'
    | 'source'
    | 'onlineLevel'
    | 'fullOnlineEligible'
    | 'fees'
    | 'timeLimit'
    | 'statutoryTimeLimit'
  >
}

export type AgencyInfo = {
  readonly id: string
  readonly name: string
  readonly kind: string
  readonly level: 'province' | 'commune'
}

/** The catalogue as the indicators see it on one day: who handles which procedure, and names. */
export type CatalogueScope = {
  readonly agencies: ReadonlyMap<string, AgencyInfo>
  readonly fields: ReadonlyMap<string, { readonly name: string; readonly nameEn: string }>
  readonly procedures: ReadonlyMap<string, VersionRow>
  /** Procedures an agency processes (or all of the province's when `agencyId` is absent). */
  counts(filter: ScopeFilter): CatalogueCounts
  /** Each procedure at each processing unit that handles it (all units when `agencyId` is absent). */
  offers(filter: ScopeFilter): ServiceOffer[]
  /** 1.1–1.3 over the versions of the filtered procedures published (decision dated) in the period. */
  publications(filter: ScopeFilter, period: { from: string; to: string }): PublicationCounts | null
}

export type ScopeFilter = { agencyId?: string; fieldId?: string; procedureCode?: string }

// Cut: the configured limit is shorter than the statute (a synced version records the statute even when equal).
const isCut = (v: VersionRow['version']) => {
  const statute = v.statutoryTimeLimit ? limitInWorkingHours(v.statutoryTimeLimit) : null
  const local = limitInWorkingHours(v.timeLimit)
  return statute !== null && (local === null || local < statute)
}

// The catalogue changes with an administrator's upload, not per request: kept for a minute per database and day.
const cacheMs = 60_000
const cache = new WeakMap<Db, Map<string, { at: number; scope: Promise<CatalogueScope> }>>()

export function catalogueScope(db: Db, day: string): Promise<CatalogueScope> {
  const byDay = cache.get(db) ?? new Map<string, { at: number; scope: Promise<CatalogueScope> }>()
  cache.set(db, byDay)
  const hit = byDay.get(day)
  if (hit && performance.now() - hit.at < cacheMs) return hit.scope
  const scope = loadCatalogueScope(db, day)
  byDay.set(day, { at: performance.now(), scope })
  scope.catch(() => byDay.delete(day))
  return scope
}

async function loadCatalogueScope(db: Db, day: string): Promise<CatalogueScope> {
  const [versions, agencyRows, fieldRows, published, days] = await Promise.all([
    db
      .selectFrom('procedure_versions')
      .selectAll()
      .where('effective_from', '<=', day)
      .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', day)]))
      .orderBy('version', 'desc')
      .execute(),
    db
      .selectFrom('agencies as a')
      .leftJoin('agency_names as n', (j) =>
        j
          .onRef('n.agency_id', '=', 'a.id')
          .on('n.valid_from', '<=', day)
          .on((eb) => eb.or([eb('n.valid_to', 'is', null), eb('n.valid_to', '>=', day)])),
      )
      .select(['a.id', 'a.kind', 'n.name'])
      .execute(),
    db.selectFrom('fields').selectAll().execute(),
    db
      .selectFrom('procedure_versions')
      .select(['procedure_code', 'field_id', 'name', 'required_documents', 'statutory_time_limit', 'publication'])
      .where('publication', 'is not', null)
      .execute(),
    workingDaysFromDatabase(db).current(),
  ])
  const publishedVersions = published.flatMap((v) =>
    v.publication
      ? [
          {
            code: v.procedure_code,
            fieldId: v.field_id,
            version: {
              name: v.name,
              requiredDocuments: v.required_documents,
              statutoryTimeLimit: v.statutory_time_limit,
              publication: v.publication,
            } satisfies PublishedVersion,
          },
        ]
      : [],
  )
  const procedures = new Map<string, VersionRow>()
  for (const v of versions) {
    if (procedures.has(v.procedure_code)) continue
    procedures.set(v.procedure_code, {
      code: v.procedure_code,
      name: v.name,
      fieldId: v.field_id,
      level: v.level,
      competentAgencyId: v.competent_agency_id,
      competentAgencyKind: v.competent_agency_kind,
      version: {
        legalBasis: v.legal_basis,
        requiredDocuments: v.required_documents,
        source: v.source,
        onlineLevel: v.online_level as ProcedureVersion['onlineLevel'],
        fullOnlineEligible: v.full_online_eligible,
        fees: v.fees,
        timeLimit: v.time_limit,
        statutoryTimeLimit: v.statutory_time_limit,
      },
    })
  }
  const agencies = new Map<string, AgencyInfo>()
  for (const a of agencyRows)
    agencies.set(a.id, {
      id: a.id,
      name: a.name ?? a.id,
      kind: a.kind,
      level: a.kind.startsWith('commune') ? 'commune' : 'province',
    })
  // Units with a name in force on the day: a former unit offers no service any more.
  const inForce = agencyRows.filter((a) => a.name !== null).map((a) => a.id)
  const fields = new Map(fieldRows.map((f) => [f.id, { name: f.name, nameEn: f.name_en }]))
  const handles = (agencyId: string, p: VersionRow) =>
    p.competentAgencyId === agencyId ||
    (p.competentAgencyId === null && agencies.get(agencyId)?.kind === p.competentAgencyKind)
  return {
    agencies,
    fields,
    procedures,
    counts(filter) {
      const chosen = [...procedures.values()].filter(
        (p) =>
          (filter.agencyId === undefined || handles(filter.agencyId, p)) &&
          (filter.fieldId === undefined || p.fieldId === filter.fieldId) &&
          (filter.procedureCode === undefined || p.code === filter.procedureCode),
      )
      return catalogueCounts(
        chosen.map((p) => p.version as ProcedureVersion),
        (v) => isCut(v),
      )
    },
    offers(filter) {
      const units = filter.agencyId === undefined ? inForce : [filter.agencyId]
      const out: ServiceOffer[] = []
      for (const p of procedures.values()) {
        if (filter.fieldId !== undefined && p.fieldId !== filter.fieldId) continue
        if (filter.procedureCode !== undefined && p.code !== filter.procedureCode) continue
        const online = p.version.onlineLevel !== 'none'
        const feeBearing = hasFee(p.version)
        for (const agencyId of units)
          if (handles(agencyId, p)) out.push({ agencyId, procedureCode: p.code, online, feeBearing })
      }
      return out
    },
    publications(filter, period) {
      const chosen = publishedVersions.filter((v) => {
        const inForce = procedures.get(v.code)
        return (
          (filter.agencyId === undefined || (inForce !== undefined && handles(filter.agencyId, inForce))) &&
          (filter.fieldId === undefined || v.fieldId === filter.fieldId) &&
          (filter.procedureCode === undefined || v.code === filter.procedureCode)
        )
      })
      return publicationCounts(
        chosen.map((v) => v.version),
        period,
        days,
      )
    },
  }
}
