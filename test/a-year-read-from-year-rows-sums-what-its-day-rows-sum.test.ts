import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { parseIsoDate } from '../src/domain/calendar/local-time.ts'
import { counterColumns } from '../src/domain/kpi/counters.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import type { OpenDatabase } from '../src/store/database.ts'
import { seededRandom } from '../src/store/dossiers/seed-dossiers.ts'
import { generateHistory } from '../src/store/kpi/generate-history.ts'
import { windowActivity, windowSums } from '../src/store/kpi/window-sums.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

// Year rows (migration 0046) are the fast path of calendar-year windows, as the programme dashboard
// reads them; the day rows are the slowest, finest path. Both must give the same figures.
const migration = readFileSync(new URL('../src/store/migrations/0046_kpi_year_rows.sql', import.meta.url), 'utf8')
  .replace(/^--.*$/gm, '')
  .replace(/ALTER TABLE[^;]*;/g, '')

const windows = [
  ['2024-01-01', '2024-12-31'], // a closed programme year: one year row per unit
  ['2026-01-01', '2026-11-25'], // the year to today: the year row less the days after today
  ['2024-01-01', '2025-12-31'], // two whole years
  ['2024-03-10', '2026-02-20'], // edges inside years around a whole year
  ['2025-12-15', '2026-12-14'], // the standard report year
  ['2025-02-03', '2025-02-28'], // inside one month
] as const

const day = (s: string) => parseIsoDate(s) as number

type Row = Record<string, string | number>

describe(`year rows on ${engineName}`, () => {
  let open: OpenDatabase
  before(async () => {
    open = await createTestDatabase()
    await generateHistory(open.db, {
      count: 3000,
      from: '2024-01-01',
      to: '2026-11-25',
      random: seededRandom(11),
      workingDays: workingDaysFromDatabase(open.db),
      countBatch: 1000,
    })
  })
  after(() => open.close())

  /** Sums of the day rows at a depth from `from` (to `to`, if given), per agency or per procedure. */
  const daySums = async (depth: 0 | 1, from: string, to: string | null) => {
    const rows = await sql<Row>`SELECT agency_id, field_id, procedure_code,
        ${sql.join(counterColumns.map((c) => sql`sum(${sql.ref(c)})::bigint AS ${sql.ref(c)}`))}
      FROM kpi_counts WHERE depth = ${depth} AND grain = 'd' AND period >= ${from}
        AND (${to}::date IS NULL OR period <= ${to}::date)
      GROUP BY 1, 2, 3`.execute(open.db)
    return rows.rows
  }

  test('the sums of a window and the stocks after it, per agency, are the day rows summed', async () => {
    for (const [from, to] of windows) {
      const sums = await windowSums(open.db, { from: day(from), to: day(to), groupBy: ['agency_id'] })
      const inWindow = await daySums(0, from, to)
      const later = await daySums(0, new Date(Date.parse(to) + 86_400_000).toISOString().slice(0, 10), null)
      const byAgency = (rows: Row[]) => {
        const out = new Map<string, Record<string, number>>()
        for (const r of rows) {
          const into = out.get(String(r.agency_id)) ?? {}
          for (const c of counterColumns) into[c] = (into[c] ?? 0) + Number(r[c])
          out.set(String(r.agency_id), into)
        }
        return out
      }
      const want = byAgency(inWindow)
      const wantLater = byAgency(later)
      assert.ok(want.size > 0, `${from}..${to} has dossiers`)
      for (const [agency, cols] of want)
        for (const c of counterColumns)
          assert.equal(sums.get(agency)?.window[c] ?? 0, cols[c], `${from}..${to} ${agency} ${c}`)
      for (const [agency, s] of sums)
        for (const c of ['received', 'resolved', 'overdue_in', 'overdue_out'] as const)
          assert.equal(s.after[c], wantLater.get(agency)?.[c] ?? 0, `after ${to} ${agency} ${c}`)
    }
  })

  test('activity per procedure (online, fee data, sync) is what the day rows show', async () => {
    for (const [from, to] of windows) {
      const activity = await windowActivity(open.db, { from: day(from), to: day(to) })
      const key = (a: string | number | undefined, f: string | number | undefined, p: string | number | undefined) =>
        `${a}|${f}|${p}`
      const got = new Map(activity.map((a) => [key(a.agencyId, a.fieldId, a.procedureCode), a]))
      const want = (await daySums(1, from, to)).filter((r) =>
        ['received', 'received_online', 'fee_bearing', 'sync_due', 'portal_synced'].some((c) => Number(r[c]) !== 0),
      )
      assert.ok(want.length > 0)
      for (const r of want) {
        const a = got.get(key(r.agency_id, r.field_id, r.procedure_code))
        const label = `${from}..${to} ${key(r.agency_id, r.field_id, r.procedure_code)}`
        assert.equal(a?.online ?? false, Number(r.received_online) > 0, label)
        assert.equal(a?.feeData ?? false, Number(r.fee_bearing) > 0, label)
        assert.equal(a?.motcua ?? 0, Number(r.sync_due), label)
        assert.equal(a?.synced ?? 0, Number(r.portal_synced), label)
      }
    }
  })

  test('migration 0046 fills the year rows the counters keep', async () => {
    const yearRows = async () =>
      (
        await sql<Row>`SELECT * FROM kpi_counts WHERE grain = 'y'
          ORDER BY depth, period, agency_id, field_id, procedure_code`.execute(open.db)
      ).rows.map((r) => JSON.stringify(r))
    const kept = await yearRows()
    assert.ok(kept.length > 0)
    await sql`DELETE FROM kpi_counts WHERE grain = 'y'`.execute(open.db)
    await sql.raw(migration).execute(open.db)
    assert.deepEqual(await yearRows(), kept)
  })
})
