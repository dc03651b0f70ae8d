import { type RawBuilder, sql } from 'kysely'
import { type DayNumber, dateOfDay, isoDate } from '../../domain/calendar/local-time.ts'
import { type Counters, counterColumns, zeroCounters } from '../../domain/kpi/counters.ts'
import { emptySums, type WindowSums } from '../../domain/kpi/ii06a.ts'
import type { DossierActivity } from '../../domain/kpi/online-services.ts'
import { halves, type Piece, type Pieces, yearCover } from '../../domain/kpi/year-cover.ts'
import type { Db } from '../database.ts'

/** The counters the stocks (open, overdue) are differences of. */
const stockColumns: readonly string[] = ['received', 'resolved', 'overdue_in', 'overdue_out']

/** The flows a trend chart shows; the other counters stay zero in its points. */
const trendColumns: readonly string[] = [
  'received',
  'received_online',
  'resolved',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
]

export type GroupColumn = 'agency_id' | 'field_id' | 'procedure_code'

export type SumsQuery = {
  readonly from: DayNumber
  readonly to: DayNumber
  readonly groupBy: readonly GroupColumn[]
  readonly agencyIds?: readonly string[]
  readonly fieldId?: string
  readonly procedureCode?: string
}

const anyOf = (parts: RawBuilder<boolean>[]) =>
  parts.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(parts, sql` OR `)})`

const pieceCondition = (p: Piece) =>
  p.to === null
    ? sql<boolean>`(grain = ${p.grain} AND period >= ${isoDate(p.from)})`
    : sql<boolean>`(grain = ${p.grain} AND period BETWEEN ${isoDate(p.from)} AND ${isoDate(p.to)})`

/** The rows a window's pieces add and the rows they take away. */
function coverConditions(c: Pieces): { plus: RawBuilder<boolean>; minus: RawBuilder<boolean> | null } {
  return {
    plus: anyOf(c.plus.map(pieceCondition)),
    minus: c.minus.length === 0 ? null : anyOf(c.minus.map(pieceCondition)),
  }
}

function filtersOf(q: Omit<SumsQuery, 'from' | 'to' | 'groupBy'>, depth: number): RawBuilder<boolean> {
  const filters: RawBuilder<boolean>[] = [sql<boolean>`depth = ${depth}`]
  if (q.agencyIds) filters.push(sql<boolean>`agency_id = ANY(${[...q.agencyIds]}::text[])`)
  if (q.fieldId !== undefined) filters.push(sql<boolean>`field_id = ${q.fieldId}`)
  if (q.procedureCode !== undefined) filters.push(sql<boolean>`procedure_code = ${q.procedureCode}`)
  return sql<boolean>`${sql.join(filters, sql` AND `)}`
}

type Row = Record<string, string | number | null>

/** Sums `columns` over a cover's rows, per group, less the same sums over the rows it takes away. */
async function sumOver(
  db: Db,
  where: RawBuilder<boolean>,
  c: { plus: RawBuilder<boolean>; minus: RawBuilder<boolean> | null },
  columns: readonly string[],
  groups: RawBuilder<unknown>[],
): Promise<Row[]> {
  const sums = columns.map((col) => sql`sum(${sql.ref(col)})::bigint AS ${sql.ref(col)}`)
  const aggregate = (rows: RawBuilder<boolean>) =>
    sql<Row>`SELECT ${sql.join([...groups, ...sums])} FROM kpi_counts WHERE ${where} AND ${rows}
      ${groups.length > 0 ? sql.raw(`GROUP BY ${groups.map((_, i) => i + 1).join(', ')}`) : sql``}`.execute(db)
  const [plus, minus] = await Promise.all([aggregate(c.plus), c.minus === null ? null : aggregate(c.minus)])
  if (minus === null) return plus.rows
  const keyOf = (r: Row) =>
    JSON.stringify(
      Object.keys(r)
        .filter((k) => !columns.includes(k))
        .map((k) => r[k]),
    )
  const byKey = new Map(plus.rows.map((r) => [keyOf(r), { ...r }]))
  for (const r of minus.rows) {
    const into = byKey.get(keyOf(r)) ?? { ...r, ...Object.fromEntries(columns.map((col) => [col, 0])) }
    for (const col of columns) into[col] = Number(into[col] ?? 0) - Number(r[col] ?? 0)
    byKey.set(keyOf(r), into)
  }
  return [...byKey.values()]
}

/**
 * Counter sums per group for the window [from, to] (inclusive days): the window's flows, the flows
 * after it and the all-time totals, from which ii06aFigures derives stocks at both ends. Reads
 * whole years, whole half-months and the fewest edge days (year-cover.ts): the cost depends on the
 * window and the number of units, not on how many dossiers history holds.
 */
export async function windowSums(db: Db, q: SumsQuery): Promise<Map<string, WindowSums>> {
  const depth = q.procedureCode !== undefined || q.groupBy.includes('procedure_code') ? 1 : 0
  const where = filtersOf(q, depth)
  const groups = q.groupBy.map((g) => sql.ref(g))
  // Before and after the window only the stocks matter: what was received, ended, became or stopped
  // being overdue. Three aggregates grouped by the asked columns (the planner hashes them), side by side.
  const [windowRows, afterRows, allRows] = await Promise.all([
    sumOver(db, where, coverConditions(yearCover(q.from, q.to)), counterColumns, groups),
    sumOver(db, where, coverConditions(yearCover(q.to + 1, null)), stockColumns, groups),
    sumOver(db, where, { plus: sql<boolean>`grain = 'a'`, minus: null }, stockColumns, groups),
  ])
  const out = new Map<string, WindowSums>()
  const collect = (role: keyof WindowSums, rows: Row[]) => {
    for (const row of rows) {
      const key = q.groupBy.map((g) => row[g] ?? '').join('|')
      const sums = out.get(key) ?? emptySums()
      sums[role] = countersOf(row)
      out.set(key, sums)
    }
  }
  collect('window', windowRows)
  collect('after', afterRows)
  collect('all', allRows)
  return out
}

function countersOf(row: Row): Counters {
  const c = zeroCounters()
  for (const col of counterColumns) c[col] = Number(row[col] ?? 0)
  return c
}

/** Monthly flows inside the window (half-months and edge days, never year rows), for trend charts. */
export async function monthlyFlows(
  db: Db,
  q: Omit<SumsQuery, 'groupBy'>,
): Promise<{ month: string; counters: Counters }[]> {
  const result = await sumOver(
    db,
    filtersOf({ agencyIds: q.agencyIds, fieldId: q.fieldId }, 0),
    coverConditions(halves(q.from, q.to)),
    trendColumns,
    [sql`to_char(period, 'YYYY-MM') AS month`],
  )
  return result
    .map((r) => ({ month: String(r.month), counters: countersOf(r) }))
    .sort((a, b) => a.month.localeCompare(b.month))
}

/**
 * Per processing unit × field × procedure, what the dossiers received in the window show (indicators
 * 1.4, 3.2, 3.5): an online one, one with fee data, motcua's own and those the national portal holds.
 * Read from the procedure-level counters, so the cost does not grow with the number of dossiers.
 */
export async function windowActivity(
  db: Db,
  q: Omit<SumsQuery, 'groupBy' | 'procedureCode'>,
): Promise<DossierActivity[]> {
  const rows = await sumOver(
    db,
    filtersOf(q, 1),
    coverConditions(yearCover(q.from, q.to)),
    ['received_online', 'fee_bearing', 'sync_due', 'portal_synced'],
    [sql.ref('agency_id'), sql.ref('field_id'), sql.ref('procedure_code')],
  )
  return rows.map(activityOf)
}

const activityOf = (r: Row): DossierActivity => ({
  agencyId: String(r.agency_id),
  fieldId: String(r.field_id),
  procedureCode: String(r.procedure_code),
  online: Number(r.received_online) > 0,
  feeData: Number(r.fee_bearing) > 0,
  motcua: Number(r.sync_due),
  synced: Number(r.portal_synced),
})

/**
 * Windows measured together (the programme dashboard's years): each inside one calendar year, the
 * years distinct and consecutive, each window ending where the next begins (only the last may stop
 * before 31 December, at today).
 */
export type YearWindows = readonly { readonly from: DayNumber; readonly to: DayNumber }[]

/**
 * The windows' pieces and a `w` column giving the window a row counts in (0 = the first). Each
 * window's pieces lie inside its own calendar year (year-cover.ts), so the year of a row's period
 * names its window, no row falls in two windows and one aggregate serves all.
 */
function ofWindows(windows: YearWindows) {
  const years = windows.map((w) => dateOfDay(w.from).year)
  windows.forEach((w, i) => {
    if (dateOfDay(w.to).year !== years[i] || (i > 0 && years[i] !== (years[i - 1] as number) + 1))
      throw new RangeError('year windows must lie in consecutive calendar years, one each')
    if (i > 0 && w.from !== (windows[i - 1]?.to as number) + 1) throw new RangeError('year windows must be contiguous')
  })
  const covers = windows.map((w) => yearCover(w.from, w.to))
  return {
    group: sql`extract(year FROM period)::int - ${sql.lit(years[0] ?? 0)} AS w`,
    conditions: coverConditions({ plus: covers.flatMap((c) => c.plus), minus: covers.flatMap((c) => c.minus) }),
  }
}

/**
 * `windowSums` (no grouping) of every window at once: one aggregate of the windows' flows, one of the
 * stocks after the last, one of all time; the stocks after a window are those after the next window
 * plus the next window's flows.
 */
export async function yearWindowSums(
  db: Db,
  windows: YearWindows,
  agencyIds?: readonly string[],
): Promise<WindowSums[]> {
  const last = windows[windows.length - 1]
  if (last === undefined) return []
  const where = filtersOf({ agencyIds }, 0)
  const { group, conditions } = ofWindows(windows)
  const [flows, later, all] = await Promise.all([
    sumOver(db, where, conditions, counterColumns, [group]),
    sumOver(db, where, coverConditions(yearCover(last.to + 1, null)), stockColumns, []),
    sumOver(db, where, { plus: sql<boolean>`grain = 'a'`, minus: null }, stockColumns, []),
  ])
  const out = windows.map(() => emptySums())
  for (const row of flows) {
    const sums = out[Number(row.w)]
    if (sums) sums.window = countersOf(row)
  }
  const allTime = countersOf(all[0] ?? {})
  let after = countersOf(later[0] ?? {})
  for (let i = windows.length - 1; i >= 0; i--) {
    const sums = out[i] as WindowSums
    sums.after = after
    sums.all = allTime
    const next = { ...after }
    for (const col of stockColumns) next[col as keyof Counters] += sums.window[col as keyof Counters]
    after = next
  }
  return out
}

/** What a year window's procedure counters show for the whole province (no unit filter). */
export type YearServices = {
  /** Units × procedures (`agencyId|procedureCode`) with an online dossier received in the window. */
  readonly online: ReadonlySet<string>
  /** Units × procedures with a dossier carrying fee data. */
  readonly feeData: ReadonlySet<string>
  readonly sync: { readonly received: number; readonly synced: number }
}

/**
 * `windowActivity` of every window at once, reduced in SQL to what the province's 3.2, 3.5 and 1.4
 * need: two lists of keys and two sums per window, not a row per unit × procedure × year (at
 * 10 million dossiers those rows cost more to send than to count). The rows a window takes away
 * (year-cover.ts's minus pieces) are other rows than those it adds, so one signed sum does both.
 */
export async function yearWindowServices(db: Db, windows: YearWindows): Promise<YearServices[]> {
  if (windows.length === 0) return []
  const { group, conditions } = ofWindows(windows)
  const minus = conditions.minus ?? sql<boolean>`false`
  const signed = (col: string) => sql`sum(CASE WHEN ${minus} THEN -${sql.ref(col)} ELSE ${sql.ref(col)} END)`
  const rows = await sql<{ w: number; online: string[] | null; fee: string[] | null; due: string; synced: string }>`
    SELECT w, array_agg(key) FILTER (WHERE online > 0) AS online, array_agg(key) FILTER (WHERE fee > 0) AS fee,
      sum(due)::bigint AS due, sum(synced)::bigint AS synced
    FROM (SELECT ${group}, agency_id || '|' || procedure_code AS key, ${signed('received_online')} AS online,
        ${signed('fee_bearing')} AS fee, ${signed('sync_due')} AS due, ${signed('portal_synced')} AS synced
      FROM kpi_counts WHERE depth = 1 AND (${conditions.plus} OR ${minus})
      GROUP BY 1, 2) units
    GROUP BY w`.execute(db)
  const out = windows.map(
    (): YearServices => ({ online: new Set(), feeData: new Set(), sync: { received: 0, synced: 0 } }),
  )
  for (const r of rows.rows)
    out[Number(r.w)] = {
      online: new Set(r.online ?? []),
      feeData: new Set(r.fee ?? []),
      sync: { received: Number(r.due), synced: Number(r.synced) },
    }
  return out
}
