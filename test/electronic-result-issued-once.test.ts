import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { FilesystemStorage } from '../src/adapters/storage/filesystem-storage.ts'
import { issueElectronicResult, resultComponent } from '../src/app/results/issue-electronic-result.ts'
import type { Command } from '../src/domain/dossier/commands.ts'
import { seedYearDecisions } from '../src/store/calendar/calendar-years.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import { loadCatalogFile } from '../src/store/catalog/load-catalog-file.ts'
import { type Db, openDatabase } from '../src/store/database.ts'
import { dossierCommands } from '../src/store/dossiers/dossier-commands.ts'
import { migrate } from '../src/store/migrate.ts'
import type { Database } from '../src/store/schema.ts'
import { publishedDecisions } from '../src/store/seed/published-decisions.ts'
import { actors, applicant } from './support/dossier-fixtures.ts'
import { createScratchDatabase, engineName } from './support/test-database.ts'

const now = new Date('2026-11-26T03:00:00Z')

/**
 * Two issuers of one e-result (the HTTP handler after `issue` and the relay's safety net, or two
 * processes): on PostgreSQL each has its own connection pool, so they truly run at once.
 */
describe(`the signed e-result is issued once, even by two issuers at once, on ${engineName}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-eresult-race-'))
  const storage = new FilesystemStorage(dir)
  let first: Db
  let second: Db
  let close: () => Promise<void>

  before(async () => {
    const url = process.env.DATABASE_URL
    if (!url) {
      const open = await openDatabase({ kind: 'embedded', dataDir: 'memory://' })
      first = open.db
      second = open.db
      close = open.close
    } else {
      const scratch = await createScratchDatabase(url)
      const pools = [new pg.Pool({ connectionString: scratch.url }), new pg.Pool({ connectionString: scratch.url })]
      for (const pool of pools) pool.on('error', () => {})
      const [a, b] = pools.map((pool) => new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }))
      if (!a || !b) throw new Error('two pools expected')
      first = a
      second = b
      close = async () => {
        await first.destroy()
        await second.destroy()
        await scratch.drop()
      }
    }
    await migrate(first)
    await loadCatalogFile(first)
    await seedYearDecisions(first, publishedDecisions(), new Date('2026-01-01T00:00:00Z'))
  })
  after(async () => {
    await close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** A dossier the clerk has issued, through the engine alone (no HTTP handler signs it). */
  async function issuedDossier(procedureCode = '1.001193'): Promise<string> {
    const engine = dossierCommands(first, workingDaysFromDatabase(first))
    const created = await engine.create(
      {
        action: 'submit',
        actor: actors.applicant,
        channel: 2,
        applicant,
        procedure: { code: procedureCode, version: 1 },
        receivingAgencyId: 'ttpvhcc-22333',
        components: [],
      },
      { idempotencyKey: randomUUID(), now },
    )
    assert.ok(created.ok, JSON.stringify(created))
    let version = created.version
    const steps: Exclude<Command, { action: 'receive' }>[] = [
      { action: 'transfer', actor: actors.counter },
      { action: 'assign', actor: actors.leader, assigneeId: actors.specialist.id, assigneeName: 'Võ Đức Sơn' },
      { action: 'appraise', actor: actors.specialist, outcome: 'approve', note: 'Đủ điều kiện' },
      { action: 'approve', actor: actors.leader },
      { action: 'issue', actor: actors.clerk, resultNumber: '7/GKS' },
    ]
    const received = await engine.run(created.dossierId, { action: 'receive', actor: actors.counter }, version, {
      idempotencyKey: randomUUID(),
      now,
    })
    assert.ok(received.ok, JSON.stringify(received))
    version = received.version
    for (const command of steps) {
      const outcome = await engine.run(created.dossierId, command, version, { idempotencyKey: randomUUID(), now })
      assert.ok(outcome.ok, `${command.action}: ${JSON.stringify(outcome)}`)
      version = outcome.version
    }
    return created.dossierId
  }

  const issuer = (db: Db) => ({ db, storage, engine: dossierCommands(db, workingDaysFromDatabase(db)) })

  // The fixture's leader ('ld-01') is not a motcua account, as a leader of the demo seed or of an imported
  // history is not: the decision cannot bear that person's signature, so it stays the seal-only e-result.
  test('a decision approved by a leader without a motcua account is the seal-only e-result, not a register entry', async () => {
    const id = await issuedDossier('1.011607')
    const sha256 = await issueElectronicResult(issuer(first), id, now)
    assert.ok(sha256 && /^[0-9a-f]{64}$/.test(sha256))
    const linked = await first.selectFrom('dossier_documents').select('role').where('dossier_id', '=', id).execute()
    assert.deepEqual(linked, [])
  })

  test('two issuers racing leave one signed PDF, one link, one vault item and one event', async () => {
    const id = await issuedDossier()
    const [a, b] = await Promise.all([
      issueElectronicResult(issuer(first), id, now),
      issueElectronicResult(issuer(second), id, now),
    ])
    assert.ok(a && /^[0-9a-f]{64}$/.test(a))
    assert.equal(b, a, 'both issuers answer with the one signed copy')
    const documents = await first.selectFrom('issued_documents').selectAll().where('dossier_id', '=', id).execute()
    assert.deepEqual(
      documents.map((d) => [d.kind, d.sha256]),
      [['result', a]],
    )
    const links = await first
      .selectFrom('dossier_files')
      .select('sha256')
      .where('dossier_id', '=', id)
      .where('component_name', '=', resultComponent)
      .execute()
    assert.deepEqual(
      links.map((l) => l.sha256),
      [a],
    )
    const vault = await first.selectFrom('vault_items').select('sha256').where('dossier_id', '=', id).execute()
    assert.deepEqual(
      vault.map((v) => v.sha256),
      [a],
    )
    const events = await first
      .selectFrom('dossier_events')
      .select('payload')
      .where('dossier_id', '=', id)
      .where('type', '=', 'electronic-result-issued')
      .execute()
    assert.equal(events.length, 1)
    assert.equal(events[0]?.payload.type === 'electronic-result-issued' && events[0].payload.sha256, a)
  })

  test('the event is in the outbox, so the portal and partners hear of the e-result at once', async () => {
    const id = await issuedDossier()
    const sha256 = await issueElectronicResult(issuer(first), id, now)
    const messages = await first
      .selectFrom('outbox')
      .select('payload')
      .where('message_key', '=', id)
      .where('topic', '=', 'dossier.electronic-result-issued')
      .execute()
    assert.equal(messages.length, 1)
    const state = await first.selectFrom('dossiers').select('state').where('id', '=', id).executeTakeFirstOrThrow()
    assert.equal(state.state?.electronicResult?.sha256, sha256)
  })

  test('the unique key refuses a second signed result for a dossier, whoever writes it', async () => {
    const id = await issuedDossier()
    await issueElectronicResult(issuer(first), id, now)
    await assert.rejects(
      first
        .insertInto('issued_documents')
        .values({ sha256: 'f'.repeat(64), dossier_id: id, kind: 'result', issued_at: now })
        .execute(),
      /unique|duplicate/i,
    )
  })
})
