import { type RawBuilder, sql } from 'kysely'
import { type DayNumber, isoDate } from '../../domain/calendar/local-time.ts'
import { type Counters, counterColumns, zeroCounters } from '../../domain/kpi/counters.ts'
import { emptySums, type WindowSums } from '../../domain/kpi/ii06a.ts'
import { type Cover, cover } from '../../domain/kpi/periods.ts'
import type { Db } from '../database.ts'

/** The counters the stocks (open, overdue) are differences of. */
const stockColumns: readonly string[] = ['received', 'resolved', 'overdue_in', 'overdue_out']

export type GroupColumn = 'agency_id' | 'field_id' | 'procedure_code'

export type SumsQuery = {
  readonly from: DayNumber
  readonly to: DayNumber
  readonly groupBy: readonly GroupColumn[]
  readonly agencyIds?: readonly string[]
  readonly fieldId?: string
  readonly procedureCode?: string
}

function coverCondition(c: Cover): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = c.days.map(
    ([a, b]) => sql<boolean>`(grain = 'd' AND period BETWEEN ${isoDate(a)} AND ${isoDate(b)})`,
  )
  if (c.halves) {
    const [a, b] = c.halves
    parts.push(
      b === null
        ? sql<boolean>`(grain = 'h' AND period >= ${isoDate(a)})`
        : sql<boolean>`(grain = 'h' AND period BETWEEN ${isoDate(a)} AND ${isoDate(b)})`,
    )
  }
  return parts.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(parts, sql` OR `)})`
}

/**
 * Counter sums per group for the window [from, to] (inclusive days): the window's flows, the flows
 * after it and the all-time totals, from which ii06aFigures derives stocks at both ends. Reads
 * whole half-months inside the window and after it, days only at the edges: the cost depends on
 * the window and the number of units, not on how many dossiers history holds.
 */
export async function windowSums(db: Db, q: SumsQuery): Promise<Map<string, WindowSums>> {
  const depth = q.procedureCode !== undefined || q.groupBy.includes('procedure_code') ? 1 : 0
  const inWindow = coverCondition(cover(q.from, q.to))
  const after = coverCondition(cover(q.to + 1, null))
  const filters: RawBuilder<boolean>[] = [sql<boolean>`depth = ${depth}`]
  if (q.agencyIds) filters.push(sql<boolean>`agency_id = ANY(${[...q.agencyIds]}::text[])`)
  if (q.fieldId !== undefined) filters.push(sql<boolean>`field_id = ${q.fieldId}`)
  if (q.procedureCode !== undefined) filters.push(sql<boolean>`procedure_code = ${q.procedureCode}`)
  const groups = q.groupBy.map((g) => sql.ref(g))
  const sum = (c: string) => sql`sum(${sql.ref(c)})::bigint AS ${sql.ref(c)}`
  // Before and after the window only the stocks matter: what was received, ended, became or stopped being overdue.
  const stockOnly = counterColumns.filter((c) => stockColumns.includes(c)).map(sum)
  // Three aggregates grouped by the asked columns only (the planner hashes them), run side by side.
  const part = (columns: RawBuilder<unknown>[], condition: RawBuilder<boolean>) =>
    withoutJit(db, (tx) =>
      sql<Record<string, string | null>>`SELECT ${sql.join([...groups, ...columns])}
      FROM kpi_counts WHERE ${sql.join(filters, sql` AND `)} AND ${condition}
      ${groups.length > 0 ? sql`GROUP BY ${sql.join(groups)}` : sql``}`.execute(tx),
    )
  const [windowRows, afterRows, allRows] = await Promise.all([
    part(counterColumns.map(sum), inWindow),
    part(stockOnly, after),
    part(stockOnly, sql<boolean>`grain = 'a'`),
  ])
  const out = new Map<string, WindowSums>()
  const collect = (role: keyof WindowSums, rows: Record<string, string | null>[]) => {
    for (const row of rows) {
      const key = q.groupBy.map((g) => row[g] ?? '').join('|')
      const sums = out.get(key) ?? emptySums()
      sums[role] = countersOf(row)
      out.set(key, sums)
    }
  }
  collect('window', windowRows.rows)
  collect('after', afterRows.rows)
  collect('all', allRows.rows)
  return out
}

function countersOf(row: Record<string, string | null>): Counters {
  const c = zeroCounters()
  for (const col of counterColumns) c[col] = Number(row[col] ?? 0)
  return c
}

/** Monthly flows inside the window (half-months and edge days), for trend charts. */
export async function monthlyFlows(
  db: Db,
  q: Omit<SumsQuery, 'groupBy'>,
): Promise<{ month: string; counters: Counters }[]> {
  const filters: RawBuilder<boolean>[] = [sql<boolean>`depth = 0`]
  if (q.agencyIds) filters.push(sql<boolean>`agency_id = ANY(${[...q.agencyIds]}::text[])`)
  if (q.fieldId !== undefined) filters.push(sql<boolean>`field_id = ${q.fieldId}`)
  const sums = counterColumns.map((col) => sql`sum(${sql.ref(col)})::bigint AS ${sql.ref(col)}`)
  const result = await withoutJit(db, (tx) =>
    sql<Record<string, string | null>>`
    SELECT to_char(period, 'YYYY-MM') AS month, ${sql.join(sums)}
    FROM kpi_counts
    WHERE ${sql.join(filters, sql` AND `)} AND ${coverCondition(cover(q.from, q.to))}
    GROUP BY 1 ORDER BY 1`.execute(tx),
  )
  return result.rows.map((r) => ({ month: String(r.month), counters: countersOf(r) }))
}

/**
 * These sums read tens of thousands of rows, which PostgreSQL's default costs judge worth compiling
 * with JIT; the compilation takes longer than the query (20–30 ms measured at 10 million dossiers).
 */
function withoutJit<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL jit = off`.execute(tx)
    return work(tx)
  })
}
