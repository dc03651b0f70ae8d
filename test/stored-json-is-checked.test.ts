import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import type { OpenDatabase } from '../src/store/database.ts'
import { dossierCommands } from '../src/store/dossiers/dossier-commands.ts'
import { loadDossier, loadEvents } from '../src/store/dossiers/dossier-queries.ts'
import { checkedState } from '../src/store/dossiers/stored-json.ts'
import { actors, applicant } from './support/dossier-fixtures.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

const now = new Date('2026-11-24T02:00:00Z')

describe(`JSONB read back from the database is checked against its schema on ${engineName}`, () => {
  let database: OpenDatabase
  let engine: ReturnType<typeof dossierCommands>
  before(async () => {
    database = await createTestDatabase()
    engine = dossierCommands(database.db, workingDaysFromDatabase(database.db))
  })
  after(async () => database.close())

  const submitted = async () => {
    const outcome = await engine.create(
      {
        action: 'submit',
        actor: actors.applicant,
        channel: 2,
        applicant,
        procedure: { code: '1.001193', version: 1 },
        receivingAgencyId: 'ttpvhcc-22333',
        components: [],
      },
      { idempotencyKey: randomUUID(), now },
    )
    assert.ok(outcome.ok)
    return outcome.dossierId
  }

  test('a state corrupted by SQL is reported with the dossier and the field, by reads and by commands', async () => {
    const id = await submitted()
    await sql`UPDATE dossiers SET state = jsonb_set(state, '{status}', '"received"') WHERE id = ${id}`.execute(
      database.db,
    )
    const named = new RegExp(`dossier ${id}: stored state does not match its schema \\(/status`)
    await assert.rejects(loadDossier(database.db, id), named)
    await assert.rejects(
      engine.run(id, { action: 'receive', actor: actors.counter }, 1, { idempotencyKey: randomUUID(), now }),
      named,
    )
  })

  test('an event payload corrupted by SQL is reported with the dossier and the event number', async () => {
    const id = await submitted()
    await sql`UPDATE dossier_events SET payload = payload - 'applicant' WHERE dossier_id = ${id} AND seq = 1`.execute(
      database.db,
    )
    await assert.rejects(loadEvents(database.db, id), new RegExp(`dossier ${id}: stored event 1 does not match`))
  })

  test('the check is cheap: a stored state is checked in well under a tenth of a millisecond', async () => {
    const found = await loadDossier(database.db, await submitted())
    assert.ok(found)
    const rounds = 20_000
    const start = performance.now()
    for (let i = 0; i < rounds; i++) checkedState(found.id, found.state)
    const microseconds = ((performance.now() - start) * 1000) / rounds
    console.log(`checking one dossier state: ${microseconds.toFixed(2)} µs`)
    assert.ok(microseconds < 100, `${microseconds} µs per check`)
  })
})
