import { type DayNumber, instantAt, isoDate, parseIsoDate } from '../../domain/calendar/local-time.ts'
import type { Counters } from '../../domain/kpi/counters.ts'
import { addSums, emptySums, type Ii06aFigures, ii06aFigures, type WindowSums } from '../../domain/kpi/ii06a.ts'
import type { Ii06aReport, MeasuredWindow } from '../../domain/kpi/ii06a-report.ts'
import {
  type Index766,
  index766,
  type OnlineServiceCounts,
  onTimeShare,
  type PetitionCounts,
} from '../../domain/kpi/index-766.ts'
import {
  type DossierActivity,
  onlineServiceCounts,
  serviceCountsOf,
  syncCounts,
} from '../../domain/kpi/online-services.ts'
import { evaluateProgramme, type MeasureResult, programmeValues } from '../../domain/kpi/programme.ts'
import { type Ratio, ratio } from '../../domain/kpi/ratio.ts'
import type { Db } from '../database.ts'
import { type CatalogueScope, catalogueScope, type ScopeFilter } from './catalogue-scope.ts'
import { petitionsOfWindow } from './petitions-of-window.ts'
import { listTargets } from './reform-targets.ts'
import {
  monthlyFlows,
  windowActivity,
  windowSums,
  type YearServices,
  yearWindowServices,
  yearWindowSums,
} from './window-sums.ts'

/** A report window as asked ('YYYY-MM-DD', `to` inclusive); it is measured up to today. */
export type WindowQuery = { readonly from: string; readonly to: string; readonly today: string }

type Days = { from: DayNumber; to: DayNumber; window: MeasuredWindow }

/** The measured window as instants: from its first local midnight to the one after its last day. */
const instants = (d: Days) => ({ from: new Date(instantAt(d.from, 0)), to: new Date(instantAt(d.to + 1, 0)) })

function days(q: WindowQuery): Days {
  const from = parseIsoDate(q.from)
  const to = parseIsoDate(q.to)
  const today = parseIsoDate(q.today)
  if (from === null || to === null || today === null || from > to) throw new RangeError(`bad window ${q.from}..${q.to}`)
  // A window that has not ended yet is measured at the end of today.
  const measured = Math.max(from, Math.min(to, today))
  return { from, to: measured, window: { from: q.from, to: q.to, measuredTo: isoDate(measured) } }
}

export type KpiSummary = {
  readonly figures: Ii06aFigures
  readonly onTimeRate: Ratio
  readonly onlineRate: Ratio
  readonly index766: Index766
}

const asRatio = (v: ReturnType<typeof onTimeShare>): Ratio => (typeof v === 'number' ? v : 'n/a')

function summary(
  sums: WindowSums,
  cat: CatalogueScope,
  filter: ScopeFilter,
  activity: readonly DossierActivity[],
  petitions: PetitionCounts | null,
  window: MeasuredWindow,
): KpiSummary {
  const mine = activity.filter(
    (a) =>
      (filter.agencyId === undefined || a.agencyId === filter.agencyId) &&
      (filter.fieldId === undefined || a.fieldId === filter.fieldId) &&
      (filter.procedureCode === undefined || a.procedureCode === filter.procedureCode),
  )
  return summaryOf(
    sums,
    cat,
    filter,
    onlineServiceCounts(cat.offers(filter), mine),
    syncCounts(mine),
    petitions,
    window,
  )
}

function summaryOf(
  sums: WindowSums,
  cat: CatalogueScope,
  filter: ScopeFilter,
  services: OnlineServiceCounts,
  sync: { received: number; synced: number },
  petitions: PetitionCounts | null,
  window: MeasuredWindow,
): KpiSummary {
  const figures = ii06aFigures(sums)
  return {
    figures,
    onTimeRate: asRatio(onTimeShare(figures)),
    onlineRate: ratio(figures.receivedOnline, figures.received),
    index766: index766({
      figures,
      flows: sums.window,
      catalogue: cat.counts(filter),
      services,
      sync,
      petitions,
      publication: cat.publications(filter, { from: window.from, to: window.measuredTo }),
    }),
  }
}

export type TrendPoint = {
  readonly month: string
  readonly received: number
  readonly receivedOnline: number
  readonly resolved: number
  readonly resolvedLate: number
  readonly onTimeResolvedRate: Ratio
}

const trendPoint = (month: string, c: Counters): TrendPoint => ({
  month,
  received: c.received,
  receivedOnline: c.received_online,
  resolved: c.resolved,
  resolvedLate: c.resolved_late,
  onTimeResolvedRate: ratio(c.resolved_early + c.resolved_on_time, c.resolved),
})

export type Overview = KpiSummary & {
  readonly window: MeasuredWindow
  /** The agency asked for, with its name in force at the window's end; null for the province. */
  readonly agency: { readonly id: string; readonly name: string } | null
  readonly programme: readonly MeasureResult[]
  readonly trend: readonly TrendPoint[]
}

/** Tổng quan without its monthly trend: what the programme dashboard reads for each of its years. */
export async function provinceSummary(
  db: Db,
  q: WindowQuery & { agencyId?: string },
): Promise<Omit<Overview, 'trend'>> {
  const d = days(q)
  const { from, to, window } = d
  const agencyIds = q.agencyId === undefined ? undefined : [q.agencyId]
  const [sumsByKey, cat, goals, activity, petitions] = await Promise.all([
    windowSums(db, { from, to, groupBy: [], agencyIds }),
    catalogueScope(db, window.measuredTo),
    listTargets(db),
    windowActivity(db, { from, to, agencyIds }),
    petitionsOfWindow(db, instants(d), q.agencyId),
  ])
  const sums = sumsByKey.get('') ?? emptySums()
  const filter = { agencyId: q.agencyId }
  const counts = cat.counts(filter)
  const s = summary(sums, cat, filter, activity, petitions.counts(q.agencyId), window)
  const agency =
    q.agencyId === undefined ? null : { id: q.agencyId, name: cat.agencies.get(q.agencyId)?.name ?? q.agencyId }
  return {
    window,
    agency,
    ...s,
    programme: evaluateProgramme(programmeValues(s.figures, sums.window, counts), goals, window.measuredTo),
  }
}

/**
 * `provinceSummary` of each calendar year given (consecutive, none after today's), read together:
 * the years' counters in one aggregate each of flows and activity instead of a set per year — what
 * the programme dashboard needs to stay fast at millions of dossiers. Same figures (tested).
 */
export async function yearSummaries(
  db: Db,
  years: readonly number[],
  today: string,
): Promise<Omit<Overview, 'trend'>[]> {
  if (years.length === 0) return []
  const measured = years.map((y) => days({ from: `${y}-01-01`, to: `${y}-12-31`, today }))
  const windows = measured.map((d) => ({ from: d.from, to: d.to }))
  const [sums, services, goals, cats, petitions] = await Promise.all([
    yearWindowSums(db, windows),
    yearWindowServices(db, windows),
    listTargets(db),
    Promise.all(measured.map((d) => catalogueScope(db, d.window.measuredTo))),
    Promise.all(measured.map((d) => petitionsOfWindow(db, instants(d)))),
  ])
  return measured.map(({ window }, i) => {
    const cat = cats[i] as CatalogueScope
    const yearSums = sums[i] ?? emptySums()
    const found = services[i] as YearServices
    const s = summaryOf(
      yearSums,
      cat,
      {},
      serviceCountsOf(cat.offers({}), found.online, found.feeData),
      found.sync,
      petitions[i]?.counts() ?? null,
      window,
    )
    const counts = cat.counts({})
    return {
      window,
      agency: null,
      ...s,
      programme: evaluateProgramme(programmeValues(s.figures, yearSums.window, counts), goals, window.measuredTo),
    }
  })
}

/** Tổng quan: the province's (or one agency's) headline figures with the programme's targets. */
export async function provinceOverview(db: Db, q: WindowQuery & { agencyId?: string }): Promise<Overview> {
  const { from, to } = days(q)
  const agencyIds = q.agencyId === undefined ? undefined : [q.agencyId]
  const [s, months] = await Promise.all([provinceSummary(db, q), monthlyFlows(db, { from, to, agencyIds })])
  return { ...s, trend: months.map((m) => trendPoint(m.month, m.counters)) }
}

export type RankingRow = KpiSummary & {
  readonly rank: number
  readonly agencyId: string
  readonly agencyName: string
  readonly level: 'province' | 'commune'
}

/** Xếp hạng: processing agencies by their Decision 766 index for the window. */
export async function agencyRanking(db: Db, q: WindowQuery): Promise<{ window: MeasuredWindow; rows: RankingRow[] }> {
  const d = days(q)
  const { from, to, window } = d
  const [byAgency, cat, activity, petitions] = await Promise.all([
    windowSums(db, { from, to, groupBy: ['agency_id'] }),
    catalogueScope(db, window.measuredTo),
    windowActivity(db, { from, to }),
    petitionsOfWindow(db, instants(d)),
  ])
  const rows = [...byAgency.entries()].map(([agencyId, sums]) => {
    const agency = cat.agencies.get(agencyId)
    return {
      agencyId,
      agencyName: agency?.name ?? agencyId,
      level: agency?.level ?? ('province' as const),
      ...summary(sums, cat, { agencyId }, activity, petitions.counts(agencyId), window),
    }
  })
  rows.sort((a, b) => b.index766.total - a.index766.total || a.agencyName.localeCompare(b.agencyName, 'vi'))
  return { window, rows: rows.map((r, i) => ({ rank: i + 1, ...r })) }
}

/** Báo cáo II.06a: figures per level and field for the window, with totals. */
export async function ii06aReport(db: Db, q: WindowQuery & { agencyId?: string }): Promise<Ii06aReport> {
  const { from, to, window } = days(q)
  const agencyIds = q.agencyId === undefined ? undefined : [q.agencyId]
  const [byAgencyField, cat] = await Promise.all([
    windowSums(db, { from, to, groupBy: ['agency_id', 'field_id'], agencyIds }),
    catalogueScope(db, window.measuredTo),
  ])
  const byRow = new Map<string, WindowSums>()
  const byLevel = new Map<string, WindowSums>()
  let total = emptySums()
  for (const [key, sums] of byAgencyField) {
    const [agencyId = '', fieldId = ''] = key.split('|')
    const level = cat.agencies.get(agencyId)?.level ?? 'province'
    const rowKey = `${level}|${fieldId}`
    byRow.set(rowKey, addSums(byRow.get(rowKey) ?? emptySums(), sums))
    byLevel.set(level, addSums(byLevel.get(level) ?? emptySums(), sums))
    total = addSums(total, sums)
  }
  const levelOrder = (l: string) => (l === 'province' ? 0 : 1)
  const rows = [...byRow.entries()]
    .map(([key, sums]) => {
      const [level, fieldId = ''] = key.split('|') as ['province' | 'commune', string]
      return { level, fieldId, fieldName: cat.fields.get(fieldId)?.name ?? fieldId, figures: ii06aFigures(sums) }
    })
    .sort((a, b) => levelOrder(a.level) - levelOrder(b.level) || a.fieldName.localeCompare(b.fieldName, 'vi'))
  return {
    window,
    agencyId: q.agencyId ?? null,
    rows,
    levelTotals: [...byLevel.entries()]
      .sort(([a], [b]) => levelOrder(a) - levelOrder(b))
      .map(([level, sums]) => ({ level: level as 'province' | 'commune', figures: ii06aFigures(sums) })),
    total: ii06aFigures(total),
  }
}

export type BreakdownRow = KpiSummary & { readonly key: string; readonly name: string }

/** Drill-down: one agency's fields, or one field's procedures. */
export async function breakdown(
  db: Db,
  q: WindowQuery & { agencyId: string; fieldId?: string },
): Promise<{ window: MeasuredWindow; by: 'field' | 'procedure'; rows: BreakdownRow[] }> {
  const { from, to, window } = days(q)
  const by = q.fieldId === undefined ? 'field' : 'procedure'
  const [groups, cat, activity] = await Promise.all([
    windowSums(db, {
      from,
      to,
      groupBy: [by === 'field' ? 'field_id' : 'procedure_code'],
      agencyIds: [q.agencyId],
      fieldId: q.fieldId,
    }),
    catalogueScope(db, window.measuredTo),
    windowActivity(db, { from, to, agencyIds: [q.agencyId], fieldId: q.fieldId }),
  ])
  const rows = [...groups.entries()].map(([key, sums]) => ({
    key,
    name: by === 'field' ? (cat.fields.get(key)?.name ?? key) : (cat.procedures.get(key)?.name ?? key),
    ...summary(
      sums,
      cat,
      by === 'field' ? { agencyId: q.agencyId, fieldId: key } : { agencyId: q.agencyId, procedureCode: key },
      activity,
      null,
      window,
    ),
  }))
  rows.sort((a, b) => b.figures.received - a.figures.received || a.name.localeCompare(b.name, 'vi'))
  return { window, by, rows }
}

/** The province's figures per field (all agencies together), for the public statistics page. */
export async function breakdownByField(db: Db, q: WindowQuery): Promise<BreakdownRow[]> {
  const { from, to, window } = days(q)
  const [groups, cat, activity] = await Promise.all([
    windowSums(db, { from, to, groupBy: ['field_id'] }),
    catalogueScope(db, window.measuredTo),
    windowActivity(db, { from, to }),
  ])
  return [...groups.entries()]
    .map(([key, sums]) => ({
      key,
      name: cat.fields.get(key)?.name ?? key,
      ...summary(sums, cat, { fieldId: key }, activity, null, window),
    }))
    .sort((a, b) => b.figures.received - a.figures.received || a.name.localeCompare(b.name, 'vi'))
}
