import type { Insertable, QueryCreator } from 'kysely'
import { dayOf, isoDate, parseIsoDate } from '../../domain/calendar/local-time.ts'
import { type CounterColumn, contributions, counterColumns } from '../../domain/kpi/counters.ts'
import type { DossierFacts } from '../../domain/kpi/facts.ts'
import { halfStart } from '../../domain/kpi/periods.ts'
import type { Db } from '../database.ts'
import type { Database } from '../schema.ts'

/** The period of the all-time rows. */
export const allTime = '0001-01-01'

/** Pending increments keyed by counter row; built in memory, written in one statement per batch. */
export type CountDeltas = Map<string, Map<CounterColumn, number>>

const rowKey = (depth: 0 | 1, grain: 'a' | 'h' | 'd', period: string, f: DossierFacts) =>
  `${depth}|${grain}|${period}|${f.agencyId}|${f.fieldId}|${depth === 1 ? f.procedureCode : ''}`

/** Adds (sign +1) or removes (sign −1) what one dossier contributes, at both depths and all grains. */
export function accumulate(deltas: CountDeltas, f: DossierFacts, sign: 1 | -1): void {
  // A dossier's contributions fall on a few days: each day's six counter rows are looked up once.
  const rowsOfDay = new Map<string, Map<CounterColumn, number>[]>()
  for (const c of contributions(f)) {
    let rows = rowsOfDay.get(c.day)
    if (rows === undefined) {
      const half = isoDate(halfStart(parseIsoDate(c.day) ?? dayOf(f.receivedAt)))
      rows = []
      for (const depth of [0, 1] as const)
        for (const [grain, period] of [
          ['d', c.day],
          ['h', half],
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

export type CountRow = Insertable<Database['kpi_counts']>

/** The counter rows the increments touch, in key order so concurrent writers lock them in the same order. */
export function countRows(deltas: CountDeltas): CountRow[] {
  return [...deltas.entries()]
    .filter(([, cols]) => [...cols.values()].some((v) => v !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, cols]) => {
      const [depth, grain, period, agency_id, field_id, procedure_code] = key.split('|') as [
        string,
        'a' | 'h' | 'd',
        string,
        string,
        string,
        string,
      ]
      const counts = Object.fromEntries(counterColumns.map((c) => [c, cols.get(c) ?? 0]))
      return { depth: Number(depth), grain, period, agency_id, field_id, procedure_code, ...counts }
    })
}

/** Adds the rows' increments to the counters (a statement, or a step of a larger one). */
export function upsertCounts(q: QueryCreator<Database>, rows: readonly CountRow[]) {
  return q
    .insertInto('kpi_counts')
    .values([...rows])
    .onConflict((oc) =>
      oc
        .columns(['depth', 'grain', 'period', 'agency_id', 'field_id', 'procedure_code'])
        .doUpdateSet((eb) =>
          Object.fromEntries(
            counterColumns.map((c) => [c, eb(eb.ref(`kpi_counts.${c}`), '+', eb.ref(`excluded.${c}`))]),
          ),
        ),
    )
}

/** Writes the increments. */
export async function writeCounts(db: Db, deltas: CountDeltas, batchSize = 2000): Promise<void> {
  const rows = countRows(deltas)
  for (let i = 0; i < rows.length; i += batchSize) await upsertCounts(db, rows.slice(i, i + batchSize)).execute()
}
