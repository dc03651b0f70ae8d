import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { seedYearDecisions } from '../src/store/calendar/calendar-years.ts'
import { loadCatalogFile } from '../src/store/catalog/load-catalog-file.ts'
import { migrate } from '../src/store/migrate.ts'
import type { Database } from '../src/store/schema.ts'
import { publishedDecisions } from '../src/store/seed/published-decisions.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from './support/fake-national-portal.ts'
import { inboundDossier, pdfOf, pushCredentials, signedHeaders } from './support/inbound-dossiers.ts'
import { type ServeProcess, startServe } from './support/serve-process.ts'
import { createScratchDatabase } from './support/test-database.ts'

const serverUrl = process.env.DATABASE_URL
const skip = serverUrl ? false : 'needs DATABASE_URL (PostgreSQL)'

/**
 * Issue 16 §1: an intake killed half-way (SIGKILL of `bin/motcua serve` while it fetches the
 * attachment, after the intake was recorded and before the dossier was committed) loses nothing and
 * duplicates nothing: the restarted server takes it on from its recorded step, and the dossier exists
 * once, with its file, acknowledged to the platform once (rules.md "Inbound dossiers from the national portal").
 */
describe('an inbound intake survives a crash: bin/motcua serve on PostgreSQL', { skip }, () => {
  const cleanups: (() => Promise<unknown> | unknown)[] = []
  after(async () => {
    for (const c of cleanups.reverse()) await c()
  })

  async function setup(mode: 'push' | 'pull') {
    if (!serverUrl) throw new Error('DATABASE_URL')
    const scratch = await createScratchDatabase(serverUrl)
    cleanups.push(scratch.drop)
    const pool = new pg.Pool({ connectionString: scratch.url, max: 2 })
    pool.on('error', () => {})
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    cleanups.push(() => db.destroy())
    // The catalogue only, no demo dossiers: serve then seeds nothing, and the relay has only this test's messages.
    await migrate(db)
    await loadCatalogFile(db)
    await seedYearDecisions(db, publishedDecisions(), new Date('2026-01-01T00:00:00Z'))
    const portal = await startFakeNationalPortal()
    cleanups.push(() => portal.close())
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-inbound-crash-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const env: Record<string, string> = {
      DATABASE_URL: scratch.url,
      MOTCUA_DEMO: '0',
      LOG_LEVEL: 'warn',
      MOTCUA_RELAY_INTERVAL_MS: '200',
      MOTCUA_RELAY_LEASE_MS: '4000',
      MOTCUA_PARTNER_TIMEOUT_MS: '3000',
      PORTAL_BASE_URL: portal.baseUrl,
      PORTAL_API_KEY: portal.apiKey,
      PORTAL_INBOUND_MODE: mode,
      PORTAL_INBOUND_PULL_INTERVAL_MS: '200',
      ...(mode === 'push'
        ? { PORTAL_INBOUND_API_KEY: pushCredentials.apiKey, PORTAL_INBOUND_SECRET: pushCredentials.secret }
        : {}),
    }
    const servers: ServeProcess[] = []
    cleanups.push(() => Promise.all(servers.map((s) => s.stop('SIGKILL'))))
    const start = async () => {
      const serve = await startServe(env, dataDir)
      servers.push(serve)
      await serve.healthy(120_000)
      await until(
        async () => (await db.selectFrom('procedures').select('code').limit(1).execute()).length > 0,
        'the catalogue',
        serve,
      )
      return serve
    }
    return { db, portal, start }
  }

  async function until(check: () => Promise<boolean>, what: string, serve: ServeProcess, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs
    while (!(await check().catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`${what} never happened:\n${serve.output().slice(-3000)}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  async function assertOnce(db: Kysely<Database>, portal: FakeNationalPortal, nationalId: string, serve: ServeProcess) {
    const intake = () =>
      db.selectFrom('portal_intakes').selectAll().where('national_id', '=', nationalId).executeTakeFirst()
    await until(async () => (await intake())?.state === 'created', 'the creation after restart', serve)
    await until(
      async () => portal.inbound.acknowledgements.some((a) => a.MaHoSoQuocGia === nationalId),
      'the acknowledgement',
      serve,
    )
    const dossierId = (await intake())?.dossier_id as string
    const submitted = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM dossier_events WHERE type = 'submitted'
        AND payload -> 'applicant' ->> 'identityNumber' = (SELECT submission -> 'NguoiNop' ->> 'SoDinhDanh' FROM portal_intakes WHERE national_id = ${nationalId})`.execute(
      db,
    )
    assert.equal(submitted.rows[0]?.n, 1, 'one dossier for the applicant')
    const files = await db.selectFrom('dossier_files').select('sha256').where('dossier_id', '=', dossierId).execute()
    assert.equal(files.length, 1, 'its attachment is linked once')
    const dossier = await db
      .selectFrom('dossiers')
      .select(['status', 'channel'])
      .where('id', '=', dossierId)
      .executeTakeFirstOrThrow()
    assert.deepEqual(dossier, { status: 1, channel: 2 })
    // Give the relay a few more rounds: the acknowledgement is still sent once.
    await new Promise((r) => setTimeout(r, 1500))
    assert.equal(portal.inbound.acknowledgements.filter((a) => a.MaHoSoQuocGia === nationalId).length, 1)
  }

  test('pull: killed while fetching the attachment, the restarted server finishes the intake once', async () => {
    const { db, portal, start } = await setup('pull')
    const first = await start()
    const dossier = inboundDossier(portal, { bytes: pdfOf(200 * 1024), delayMs: 2_000 })
    portal.inbound.enqueue(dossier)
    await until(async () => portal.inbound.fetches.size > 0, 'the attachment fetch', first)
    const row = await db
      .selectFrom('portal_intakes')
      .select('state')
      .where('national_id', '=', dossier.MaHoSoQuocGia)
      .executeTakeFirst()
    assert.equal(row?.state, 'received')
    await first.stop('SIGKILL')
    const second = await start()
    await assertOnce(db, portal, dossier.MaHoSoQuocGia, second)
  })

  test('push: killed before answering, the platform pushes again and still gets one dossier', async () => {
    const { db, portal, start } = await setup('push')
    const first = await start()
    const dossier = inboundDossier(portal, { bytes: pdfOf(200 * 1024), delayMs: 2_000 })
    const raw = JSON.stringify(dossier)
    const url = `${first.base}/api/portal/inbound-dossiers`
    const unanswered = fetch(url, { method: 'POST', headers: signedHeaders(raw, new Date()), body: raw }).then(
      (r) => r.status,
      () => 'no answer' as const,
    )
    await until(async () => portal.inbound.fetches.size > 0, 'the attachment fetch', first)
    await first.stop('SIGKILL')
    assert.equal(await unanswered, 'no answer')
    const second = await start()
    const again = await fetch(`${second.base}/api/portal/inbound-dossiers`, {
      method: 'POST',
      headers: signedHeaders(raw, new Date()),
      body: raw,
    })
    assert.ok([200, 201, 202].includes(again.status), await again.text())
    await assertOnce(db, portal, dossier.MaHoSoQuocGia, second)
  })
})
