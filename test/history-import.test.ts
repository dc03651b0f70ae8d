import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'kysely'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import type { OpenDatabase } from '../src/store/database.ts'
import { importHistory } from '../src/store/kpi/import-history.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

let open: OpenDatabase

before(async () => {
  open = await createTestDatabase()
})
after(async () => {
  await open.close()
})

const dossier = (n: number, overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    code: `333.00.00.H34-261103-${String(n).padStart(4, '0')}`,
    procedure: '1.001193',
    agency: '333.00.00.H34',
    channel: n % 2 === 0 ? 'online' : 'counter',
    receivedAt: '2026-11-03T08:00:00+07:00',
    appointmentAt: '2026-11-04T08:00:00+07:00',
    events: [{ type: 'done', at: '2026-11-03T14:00:00+07:00' }],
    fee: 0,
    rating: 'satisfied',
    ...overrides,
  })

const goodAndBad = [
  dossier(1),
  dossier(2),
  dossier(3, { receivedAt: '2026-11-03T08:00:00' }),
  '',
  dossier(4, { events: [{ type: 'done', at: '2026-11-02T14:00:00+07:00' }] }),
  dossier(5, { procedure: '9.999999' }),
  dossier(1, { channel: 'post' }),
  dossier(6, { channel: 'online' }),
]

const importLines = (lines: readonly string[]) =>
  importHistory(open.db, lines, { workingDays: workingDaysFromDatabase(open.db), batchSize: 2 })

async function dumpCounts(): Promise<string> {
  const rows =
    await sql`SELECT * FROM kpi_counts ORDER BY depth, grain, period, agency_id, field_id, procedure_code`.execute(
      open.db,
    )
  return JSON.stringify(rows.rows)
}

async function receivedAllTime(): Promise<number> {
  const row = await sql<{
    n: number
  }>`SELECT coalesce(sum(received), 0)::int AS n FROM kpi_counts WHERE depth = 0 AND grain = 'a'`.execute(open.db)
  return row.rows[0]?.n ?? 0
}

test(`history import stores the good lines and names each bad line with its reason (${engineName})`, async () => {
  const summary = await importLines(goodAndBad)
  assert.equal(summary.imported, 3)
  assert.equal(summary.unchanged, 0)
  assert.deepEqual(
    summary.rejected.map((r) => [r.line, r.problem.en]),
    [
      [3, 'field "receivedAt" must be an ISO 8601 instant with an offset'],
      [5, 'event 1 (done) is before receivedAt'],
      [6, 'unknown procedure 9.999999'],
      [7, 'dossier code 333.00.00.H34-261103-0001 repeats line 1'],
    ],
  )
  const rows = await open.db
    .selectFrom('kpi_dossiers')
    .select(['code', 'origin', 'agency_id', 'channel'])
    .orderBy('code')
    .execute()
  assert.deepEqual(rows, [
    { code: '333.00.00.H34-261103-0001', origin: 'import', agency_id: 'xa-22333', channel: 1 },
    { code: '333.00.00.H34-261103-0002', origin: 'import', agency_id: 'xa-22333', channel: 2 },
    { code: '333.00.00.H34-261103-0006', origin: 'import', agency_id: 'xa-22333', channel: 2 },
  ])
  assert.equal(await receivedAllTime(), 3)
})

test('re-importing the same file changes no counter and no facts row', async () => {
  const counts = await dumpCounts()
  const facts = JSON.stringify(await open.db.selectFrom('kpi_dossiers').selectAll().orderBy('code').execute())
  const summary = await importLines(goodAndBad)
  assert.equal(summary.imported, 0)
  assert.equal(summary.unchanged, 3)
  assert.equal(await dumpCounts(), counts)
  assert.equal(JSON.stringify(await open.db.selectFrom('kpi_dossiers').selectAll().orderBy('code').execute()), facts)
})

test('a bad line leaves nothing behind', async () => {
  const counts = await dumpCounts()
  const summary = await importLines([dossier(7, { events: [{ type: 'approved', at: '2026-11-03T14:00:00+07:00' }] })])
  assert.deepEqual(summary, {
    imported: 0,
    unchanged: 0,
    rejected: [
      { line: 1, problem: { vi: 'sự kiện 1: loại không hợp lệ "approved"', en: 'event 1: unknown type "approved"' } },
    ],
  })
  assert.equal(await dumpCounts(), counts)
  const stored = await open.db.selectFrom('kpi_dossiers').select('code').where('code', 'like', '%-0007').execute()
  assert.deepEqual(stored, [])
})

test('a corrected line replaces the stored facts and moves the counters by the difference', async () => {
  const summary = await importLines([dossier(2, { channel: 'counter' })])
  assert.equal(summary.imported, 1)
  assert.equal(await receivedAllTime(), 3)
  const online = await sql<{
    n: number
  }>`SELECT sum(received_online)::int AS n FROM kpi_counts WHERE depth = 0 AND grain = 'a'`.execute(open.db)
  assert.equal(online.rows[0]?.n, 1)
})
