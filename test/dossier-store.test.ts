import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { foldEvents } from '../src/domain/dossier/state.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import type { OpenDatabase } from '../src/store/database.ts'
import { dossierCommands, storedOutcome } from '../src/store/dossiers/dossier-commands.ts'
import { loadDossier, loadEvents } from '../src/store/dossiers/dossier-queries.ts'
import { verifyChains } from '../src/store/dossiers/verify-chain.ts'
import { actors, applicant } from './support/dossier-fixtures.ts'
import { createScratchDatabase, createTestDatabase, engineName } from './support/test-database.ts'

const now = new Date('2026-11-24T02:00:00Z')
const key = () => randomUUID()
const submission = {
  action: 'submit',
  actor: actors.applicant,
  channel: 2,
  applicant,
  procedure: { code: '1.001193', version: 1 },
  receivingAgencyId: 'ttpvhcc-22333',
  components: [],
} as const

describe(`the dossier store on ${engineName}`, () => {
  let database: OpenDatabase
  let engine: ReturnType<typeof dossierCommands>
  before(async () => {
    database = await createTestDatabase()
    engine = dossierCommands(database.db, workingDaysFromDatabase(database.db))
  })
  after(async () => database.close())

  const submitted = async () => {
    const outcome = await engine.create(submission, { idempotencyKey: key(), now })
    assert.ok(outcome.ok)
    return outcome
  }

  test('a retried command with the same idempotency key returns the first outcome and appends nothing', async () => {
    const { dossierId } = await submitted()
    const k = key()
    const first = await engine.run(dossierId, { action: 'receive', actor: actors.counter }, 1, {
      idempotencyKey: k,
      now,
    })
    const retry = await engine.run(dossierId, { action: 'receive', actor: actors.counter }, 1, {
      idempotencyKey: k,
      now,
    })
    assert.deepEqual(retry, storedOutcome(first))
    assert.equal((await loadEvents(database.db, dossierId)).length, 2)
    const reused = await engine.run(dossierId, { action: 'transfer', actor: actors.counter }, 2, {
      idempotencyKey: k,
      now,
    })
    assert.deepEqual(reused, { ok: false, problem: 'idempotency-key-reused' })
  })

  test('a retried creation does not create a second dossier', async () => {
    const k = key()
    const first = await engine.create(submission, { idempotencyKey: k, now })
    const again = await engine.create(submission, { idempotencyKey: k, now })
    assert.deepEqual(again, storedOutcome(first))
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM command_outcomes WHERE idempotency_key = ${k}`.execute(
      database.db,
    )
    assert.equal(n.rows[0]?.n, 1)
  })

  test('a stale expected version gets a conflict and changes nothing', async () => {
    const { dossierId } = await submitted()
    const stale = await engine.run(dossierId, { action: 'receive', actor: actors.counter }, 5, {
      idempotencyKey: key(),
      now,
    })
    assert.deepEqual(stale, { ok: false, problem: 'conflict', currentVersion: 1 })
    assert.equal((await loadDossier(database.db, dossierId))?.state.status, 1)
  })

  test('20 parallel conflicting commands on one dossier: exactly one succeeds for the version', async () => {
    const { dossierId } = await submitted()
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        engine.run(dossierId, { action: 'receive', actor: actors.counter }, 1, { idempotencyKey: key(), now }),
      ),
    )
    assert.equal(outcomes.filter((o) => o.ok).length, 1)
    assert.ok(outcomes.filter((o) => !o.ok).every((o) => !o.ok && o.problem === 'conflict'))
    assert.equal((await loadEvents(database.db, dossierId)).length, 2)
  })

  test('50 parallel receptions at one unit on one day get 50 distinct consecutive codes', async () => {
    const day = new Date('2026-11-25T02:00:00Z')
    const ids = await Promise.all(Array.from({ length: 50 }, async () => (await submitted()).dossierId))
    const outcomes = await Promise.all(
      ids.map((id) =>
        engine.run(id, { action: 'receive', actor: actors.counter }, 1, { idempotencyKey: key(), now: day }),
      ),
    )
    const codes = outcomes.map((o) => (o.ok ? o.code : null))
    assert.ok(codes.every((c) => c !== null))
    const numbers = codes.map((c) => Number(c?.split('-')[2])).sort((a, b) => a - b)
    assert.deepEqual(
      numbers,
      Array.from({ length: 50 }, (_, i) => i + 1),
    )
    assert.ok(
      codes.every((c) => /^333\.00\.01\.H34-261125-\d{4}$/.test(c ?? '')),
      String(codes[0]),
    )
  })

  test('the code sequence restarts each day at each unit', async () => {
    const receiveOn = async (iso: string) => {
      const { dossierId } = await submitted()
      const o = await engine.run(dossierId, { action: 'receive', actor: actors.counter }, 1, {
        idempotencyKey: key(),
        now: new Date(iso),
      })
      return o.ok ? o.code : null
    }
    assert.equal(await receiveOn('2026-12-01T02:00:00Z'), '333.00.01.H34-261201-0001')
    assert.equal(await receiveOn('2026-12-01T09:00:00Z'), '333.00.01.H34-261201-0002')
    assert.equal(await receiveOn('2026-12-01T18:00:00Z'), '333.00.01.H34-261202-0001', '01:00 local on 2 December')
  })

  test('the projection’s state is the fold of the stored events', async () => {
    const { dossierId } = await submitted()
    await engine.run(dossierId, { action: 'receive', actor: actors.counter }, 1, { idempotencyKey: key(), now })
    await engine.run(dossierId, { action: 'transfer', actor: actors.counter }, 2, { idempotencyKey: key(), now })
    const events = (await loadEvents(database.db, dossierId)).map((e) => e.event)
    assert.deepEqual(foldEvents(events), (await loadDossier(database.db, dossierId))?.state)
  })

  test('every event leaves an outbox message and reception counts in the indicator counters', async () => {
    const before = await sql<{ n: number }>`SELECT count(*) AS n FROM outbox`.execute(database.db)
    const { dossierId } = await submitted()
    await engine.run(dossierId, { action: 'receive', actor: actors.counter }, 1, {
      idempotencyKey: key(),
      now: new Date('2026-11-30T02:00:00Z'),
    })
    const after = await sql<{ n: number }>`SELECT count(*) AS n FROM outbox`.execute(database.db)
    assert.equal((after.rows[0]?.n ?? 0) - (before.rows[0]?.n ?? 0), 2)
    const kpi = await database.db
      .selectFrom('kpi_counts')
      .selectAll()
      .where('depth', '=', 0)
      .where('grain', '=', 'd')
      .where('period', '=', '2026-11-30')
      .execute()
    assert.deepEqual(
      kpi.map((k) => [k.agency_id, k.received, k.received_online]),
      [['xa-22333', 1, 1]],
    )
  })

  test('tampering with one stored event breaks the chain, and the verifier names the dossier and event', async () => {
    assert.equal((await verifyChains(database.db)).broken, null)
    const { dossierId } = await submitted()
    await engine.run(dossierId, { action: 'receive', actor: actors.counter }, 1, { idempotencyKey: key(), now })
    await sql`UPDATE dossier_events SET payload = jsonb_set(payload, '{code}', '"FORGED"') WHERE dossier_id = ${dossierId} AND seq = 2`.execute(
      database.db,
    )
    const { broken } = await verifyChains(database.db)
    assert.equal(broken?.dossierId, dossierId)
    assert.equal(broken?.seq, 2)
    await sql`DELETE FROM dossier_events WHERE dossier_id = ${dossierId} AND seq = 2`.execute(database.db)
    const afterDelete = await verifyChains(database.db)
    assert.equal(afterDelete.broken?.dossierId, dossierId)
    assert.match(afterDelete.broken?.reason ?? '', /deleted/)
  })
})

describe(`bin/motcua audit verify on ${engineName}`, () => {
  test('prints ok on an intact database and names the first broken link with exit 1 after tampering', async () => {
    const motcua = join(import.meta.dirname, '..', 'bin', 'motcua')
    const env: NodeJS.ProcessEnv = { PATH: '/usr/bin:/bin' }
    let dataDir = join(import.meta.dirname, '..', 'tmp', `audit-${process.pid}`)
    let cleanup = async () => {}
    if (process.env.DATABASE_URL) {
      const scratch = await createScratchDatabase(process.env.DATABASE_URL)
      env.DATABASE_URL = scratch.url
      cleanup = scratch.drop
      dataDir = 'unused'
    }
    const run = (...args: string[]) => promisify(execFile)(motcua, args, { env })
    try {
      await run('migrate', '--data-dir', dataDir)
      await run('seed', '--data-dir', dataDir, '--live', '5')
      assert.match((await run('audit', 'verify', '--data-dir', dataDir)).stdout, /^ok: 5 dossiers/)
      const { openDatabase, locateDatabase } = await import('../src/store/database.ts')
      const open = await openDatabase(locateDatabase({ url: env.DATABASE_URL ?? null, poolMax: 1 }, dataDir))
      const victim = await open.db
        .selectFrom('dossier_events')
        .select(['dossier_id'])
        .where('seq', '=', 1)
        .orderBy('dossier_id')
        .executeTakeFirstOrThrow()
      await sql`UPDATE dossier_events SET payload = jsonb_set(payload, '{at}', '0') WHERE dossier_id = ${victim.dossier_id} AND seq = 1`.execute(
        open.db,
      )
      await open.close()
      await assert.rejects(run('audit', 'verify', '--data-dir', dataDir), (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 1)
        assert.match(error.stderr, new RegExp(`${victim.dossier_id}\\) event 1: the event was changed`))
        return true
      })
    } finally {
      await cleanup()
      const { rmSync } = await import('node:fs')
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
