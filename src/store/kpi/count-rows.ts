import type { Insertable, QueryCreator } from 'kysely'
import { dayOf, isoDate, parseIsoDate } from '../../domain/calendar/local-time.ts'
import { type Contribution, type CounterColumn, contributions, counterColumns } from '../../domain/kpi/counters.ts'
import type { DossierFacts } from '../../domain/kpi/facts.ts'
import { halfStart } from '../../domain/kpi/periods.ts'
import type { Db } from '../database.ts'
import type { Database } from '../schema.ts'

/** The period of the all-time rows. */
export const allTime = '0001-01-01'

/** Pending increments keyed by counter row; built in memory, written in one statement per batch. */
export type CountDeltas = Map<string, Map<CounterColumn, number>>

const rowKey = (depth: 0 | 1, grain: 'a' | 'y' | 'h' | 'd', period: string, f: DossierFacts) =>
  `${depth}|${grain}|${period}|${f.agencyId}|${f.fieldId}|${depth === 1 ? f.procedureCode : ''}`

/** Adds (sign +1) or removes (sign −1) what one dossier contributes, at both depths and all grains. */
export function accumulate(
  deltas: CountDeltas,
  f: DossierFacts,
  sign: 1 | -1,
  contributed: readonly Contribution[] = contributions(f),
): void {
  // A dossier's contributions fall on a few days: each day's eight counter rows are looked up once.
  const rowsOfDay = new Map<string, Map<CounterColumn, number>[]>()
  for (const c of contributed) {
    let rows = rowsOfDay.get(c.day)
    if (rows === undefined) {
      const half = isoDate(halfStart(parseIsoDate(c.day) ?? dayOf(f.receivedAt)))
      // Year rows (migration 0046) let a calendar-year window read one row per unit (year-cover.ts).
      const year = `${half.slice(0, 4)}-01-01`
      rows = []
      for (const depth of [0, 1] as const)
        for (const [grain, period] of [
          ['d', c.day],
          ['h', half],
          ['y', year],
          ['a', allTime],
        ] as const) {
          const key = rowKey(depth, grain, period, f)
          let row = deltas.get(key)
          if (row === undefined) {
            row = new Map<CounterColumn, number>()
            deltas.set(key, row)
          }
          rows.push(row)
        }
      rowsOfDay.set(c.day, rows)
    }
    for (const row of rows) row.set(c.column, (row.get(c.column) ?? 0) + sign * c.delta)
  }
}

/**
 * Moves the counters from a dossier's stored facts to its new ones. When both count in the same rows
 * (same agency, field, procedure and reception day), a contribution both make cancels before any row
 * is touched: a command usually changes one or two of a dossier's dozen contributions.
 */
export function accumulateChange(deltas: CountDeltas, before: DossierFacts | null, after: DossierFacts): void {
  if (before === null) {
    accumulate(deltas, after, 1)
    return
  }
  const removed = contributions(before)
  const added = contributions(after)
  if (!sameRows(before, after)) {
    accumulate(deltas, before, -1, removed)
    accumulate(deltas, after, 1, added)
    return
  }
  const key = (c: Contribution) => `${c.day}|${c.column}|${c.delta}`
  const unmatched = new Map<string, number>()
  for (const c of removed) unmatched.set(key(c), (unmatched.get(key(c)) ?? 0) + 1)
  const matched = new Map<string, number>()
  const addedOnly = added.filter((c) => {
    const k = key(c)
    const n = unmatched.get(k) ?? 0
    if (n === 0) return true
    unmatched.set(k, n - 1)
    matched.set(k, (matched.get(k) ?? 0) + 1)
    return false
  })
  const removedOnly = removed.filter((c) => {
    const k = key(c)
    const n = matched.get(k) ?? 0
    if (n === 0) return true
    matched.set(k, n - 1)
    return false
  })
  accumulate(deltas, before, -1, removedOnly)
  accumulate(deltas, after, 1, addedOnly)
}

const sameRows = (a: DossierFacts, b: DossierFacts) =>
  a.agencyId === b.agencyId &&
  a.fieldId === b.fieldId &&
  a.procedureCode === b.procedureCode &&
  dayOf(a.receivedAt) === dayOf(b.receivedAt)

export type CountRow = Insertable<Database['kpi_counts']>

/**
 * The counter rows the increments touch, in key order so concurrent writers lock them in the same
 * order. Each carries the counters that some row moves and no other: the rest keep their value (a new
 * row's start at 0), so a command that moves one counter writes one column per row, not thirty.
 */
export function countRows(deltas: CountDeltas): CountRow[] {
  const moving = [...deltas.entries()]
    .filter(([, cols]) => [...cols.values()].some((v) => v !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const moved = counterColumns.filter((c) => moving.some(([, cols]) => (cols.get(c) ?? 0) !== 0))
  return moving.map(([key, cols]) => {
    const [depth, grain, period, agency_id, field_id, procedure_code] = key.split('|') as [
      string,
      'a' | 'y' | 'h' | 'd',
      string,
      string,
      string,
      string,
    ]
    const counts = Object.fromEntries(moved.map((c) => [c, cols.get(c) ?? 0]))
    return { depth: Number(depth), grain, period, agency_id, field_id, procedure_code, ...counts }
  })
}

/**
 * Adds the rows' increments to the counters (a statement, or a step of a larger one). The rows carry
 * the same counter columns, as `countRows` makes them; the counters they leave out are not touched.
 */
export function upsertCounts(q: QueryCreator<Database>, rows: readonly CountRow[]) {
  const first = rows[0] ?? {}
  const moved = counterColumns.filter((c) => c in first)
  return q
    .insertInto('kpi_counts')
    .values([...rows])
    .onConflict((oc) =>
      oc
        .columns(['depth', 'grain', 'period', 'agency_id', 'field_id', 'procedure_code'])
        .doUpdateSet((eb) =>
          Object.fromEntries(moved.map((c) => [c, eb(eb.ref(`kpi_counts.${c}`), '+', eb.ref(`excluded.${c}`))])),
        ),
    )
}

/** PostgreSQL's limit on the parameters of one statement (a 16-bit count in the wire protocol). */
export const maxBindParameters = 65_535

/** Rows per statement: at most 2,000, and never more bound parameters than PostgreSQL takes. */
export function countBatchSize(rows: readonly CountRow[]): number {
  const perRow = Object.keys(rows[0] ?? {}).length || 1
  return Math.max(1, Math.min(2000, Math.floor(maxBindParameters / perRow)))
}

/** Writes the increments. */
export async function writeCounts(db: Db, deltas: CountDeltas): Promise<void> {
  const rows = countRows(deltas)
  const batchSize = countBatchSize(rows)
  for (let i = 0; i < rows.length; i += batchSize) await upsertCounts(db, rows.slice(i, i + batchSize)).execute()
}
