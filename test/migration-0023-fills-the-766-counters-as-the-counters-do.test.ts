import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import type { OpenDatabase } from '../src/store/database.ts'
import { recordFacts } from '../src/store/kpi/record-facts.ts'
import { facts } from './support/kpi-facts.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

// Indicators 4.4 and 1.4 of the Decision 766 formula: migration 0023 fills the new counters from stored
// facts; it must give every counter row what `contributions` gives it (day and half-month in Vietnam time).
const migration = readFileSync(
  new URL('../src/store/migrations/0023_index_766_counters.sql', import.meta.url),
  'utf8',
).replace(/^ALTER TABLE[^;]*;/gm, '')

describe(`migration 0023 (Decision 766 counters) on ${engineName}`, () => {
  let database: OpenDatabase
  before(async () => {
    database = await createTestDatabase({ catalogue: false })
    const dossiers = [
      facts('M1', { received: '2026-11-14T23:30', reused: true }), // the 14th in Vietnam, the 14th 16:30 UTC
      facts('M2', { received: '2026-11-15T06:30', eResult: true }), // the 15th, the 14th 23:30 UTC
      facts('M3', { received: '2026-11-15T10:00', reused: true, eResult: true, procedureCode: 'P2' }),
      facts('M4', { received: '2026-12-01T00:10' }),
      facts('M5', { received: '2026-12-31T23:59', eResult: true, agencyId: 'xa-2' }),
      facts('M6', { received: '2026-11-14T08:00', origin: 'motcua', portalSynced: true }),
      facts('M7', { received: '2026-11-20T08:00', origin: 'motcua' }),
    ]
    await database.db.transaction().execute((tx) => recordFacts(tx, dossiers))
  })
  after(() => database.close())

  const counts = async () =>
    (
      await sql<{
        key: string
        n: number
      }>`SELECT depth || grain || period::text || agency_id || field_id || procedure_code AS key,
        vault_linked || '/' || sync_due || '/' || portal_synced AS n FROM kpi_counts WHERE grain <> 'y'
        ORDER BY key`.execute(database.db)
    ).rows.map((r) => [r.key, String(r.n)])

  test('the rows it fills hold what the counters would have counted', async () => {
    const counted = await counts()
    const byKey = new Map(counted.map(([k, n]) => [k, n]))
    assert.equal(byKey.get('0a0001-01-01xa-1ho-tich'), '3/2/1', 'M1–M3 linked, M6 and M7 motcua, M6 synced')
    assert.equal(byKey.get('0h2026-11-15xa-1ho-tich'), '2/1/0', 'M2, M3 and M7 in the half-month from the 15th')
    // The grains that existed at 0023; year rows came with 0046, which sums the half-months filled here.
    await sql`UPDATE kpi_counts SET vault_linked = 0, sync_due = 0, portal_synced = 0 WHERE grain <> 'y'`.execute(
      database.db,
    )
    await sql.raw(migration).execute(database.db)
    assert.deepEqual(await counts(), counted)
  })
})
