import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import type { OpenDatabase } from '../src/store/database.ts'
import { dossierCommands, storedOutcome } from '../src/store/dossiers/dossier-commands.ts'
import { loadDossier, loadEvents } from '../src/store/dossiers/dossier-queries.ts'
import { actors, applicant } from './support/dossier-fixtures.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

const now = new Date('2026-11-24T02:00:00Z')
const submission = {
  action: 'submit',
  actor: actors.applicant,
  channel: 2,
  applicant,
  procedure: { code: '1.001193', version: 1 },
  receivingAgencyId: 'ttpvhcc-22333',
  components: [],
} as const

class CallerGivesUp extends Error {}

describe(`the engine inside a caller's transaction on ${engineName}`, () => {
  let database: OpenDatabase
  let engine: ReturnType<typeof dossierCommands>
  before(async () => {
    database = await createTestDatabase()
    engine = dossierCommands(database.db, workingDaysFromDatabase(database.db))
  })
  after(async () => database.close())

  const submitted = async () => {
    const outcome = await engine.create(submission, { idempotencyKey: randomUUID(), now })
    assert.ok(outcome.ok)
    return outcome.dossierId
  }
  const marker = (tx: OpenDatabase['db'], key: string) =>
    tx
      .insertInto('command_outcomes')
      .values({ idempotency_key: key, request_hash: 'caller', outcome: '{}', created_at: now })
  const markerCount = async (key: string) =>
    (
      await sql<{ n: number }>`SELECT count(*) AS n FROM command_outcomes WHERE idempotency_key = ${key}`.execute(
        database.db,
      )
    ).rows[0]?.n

  test('a command run in a transaction the caller then rolls back leaves nothing behind', async () => {
    const id = await submitted()
    const commandKey = randomUUID()
    // A new engine has no calendar yet: it must read it through the caller's transaction (PGlite has one connection).
    const fresh = dossierCommands(database.db, workingDaysFromDatabase(database.db))
    await assert.rejects(
      database.db.transaction().execute(async (tx) => {
        const outcome = await fresh.run(id, { action: 'receive', actor: actors.counter }, 1, {
          idempotencyKey: commandKey,
          now,
          transaction: tx,
        })
        assert.equal(outcome.ok, true)
        throw new CallerGivesUp()
      }),
      CallerGivesUp,
    )
    assert.equal((await loadDossier(database.db, id))?.state.version, 1)
    assert.equal((await loadEvents(database.db, id)).length, 1)
    assert.equal(await markerCount(commandKey), 0)
  })

  test('a refusal inside the caller’s transaction keeps the caller’s earlier writes, which commit with it', async () => {
    const id = await submitted()
    const callerKey = randomUUID()
    const outcome = await database.db.transaction().execute(async (tx) => {
      await marker(tx, callerKey).execute()
      return engine.run(id, { action: 'transfer', actor: actors.counter }, 1, {
        idempotencyKey: randomUUID(),
        now,
        transaction: tx,
      })
    })
    assert.equal(outcome.ok, false)
    assert.equal(await markerCount(callerKey), 1)
    assert.equal((await loadEvents(database.db, id)).length, 1)
  })

  test('a retry with the same key inside a caller’s transaction returns the first outcome', async () => {
    const id = await submitted()
    const commandKey = randomUUID()
    const run = () =>
      database.db.transaction().execute((tx) =>
        engine.run(id, { action: 'receive', actor: actors.counter }, 1, {
          idempotencyKey: commandKey,
          now,
          transaction: tx,
        }),
      )
    const first = await run()
    assert.deepEqual(await run(), storedOutcome(first))
    assert.equal((await loadEvents(database.db, id)).length, 2)
  })
})
