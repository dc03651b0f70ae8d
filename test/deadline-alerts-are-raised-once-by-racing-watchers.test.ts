import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { watchDeadlines } from '../src/app/deadline-watch/watch-deadlines.ts'
import { seedYearDecisions } from '../src/store/calendar/calendar-years.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import { loadCatalogFile } from '../src/store/catalog/load-catalog-file.ts'
import { type Db, openDatabase } from '../src/store/database.ts'
import { holdLease } from '../src/store/deadline-watch/job-leases.ts'
import { dossierCommands } from '../src/store/dossiers/dossier-commands.ts'
import { migrate } from '../src/store/migrate.ts'
import type { Database } from '../src/store/schema.ts'
import { publishedDecisions } from '../src/store/seed/published-decisions.ts'
import { dossierInAppraisal } from './support/deadline-watch.ts'
import { createScratchDatabase, engineName } from './support/test-database.ts'

// The deadline watcher runs on one server at a time (a lease row), and even two rounds at once — a
// lease that lapsed mid-round — raise each alert once: the alert's key is unique per dossier. On
// PostgreSQL each watcher has its own connection pool, so they truly run at once.

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
after(() => close())

const watcher = (db: Db) => ({ db, engine: dossierCommands(db, workingDaysFromDatabase(db)) })

test(`two servers asking for the lease at once: one gets it, until it lapses, on ${engineName}`, async () => {
  const now = new Date('2026-11-03T02:00:00Z')
  const granted = await Promise.all([
    holdLease(first, 'race-test', 'server-a', now, 60_000),
    holdLease(second, 'race-test', 'server-b', now, 60_000),
  ])
  assert.equal(granted.filter(Boolean).length, 1)
  const holder = granted[0] ? 'server-a' : 'server-b'
  const other = holder === 'server-a' ? 'server-b' : 'server-a'
  assert.equal(await holdLease(first, 'race-test', other, new Date(now.getTime() + 59_000), 60_000), false)
  assert.equal(await holdLease(first, 'race-test', holder, new Date(now.getTime() + 59_000), 60_000), true, 'renewed')
  assert.equal(
    await holdLease(first, 'race-test', other, new Date(now.getTime() + 120_000), 60_000),
    true,
    'taken over',
  )
})

test(`two watcher rounds at once raise each alert once, on ${engineName}`, async () => {
  const received = new Date('2026-11-03T02:00:00Z')
  const ids: string[] = []
  for (let i = 0; i < 4; i++) ids.push((await dossierInAppraisal(watcher(first).engine, received)).id)
  // Past the appointment (Tuesday 10 November, 09:00): warnings and the escalation are all due.
  const now = new Date('2026-11-10T04:00:00Z')
  const rounds = await Promise.all([watchDeadlines(watcher(first), now), watchDeadlines(watcher(second), now)])
  const alerts = await first.selectFrom('deadline_alerts').select(['dossier_id', 'alert_key']).execute()
  const keys = alerts.map((a) => `${a.dossier_id} ${a.alert_key}`)
  assert.equal(new Set(keys).size, keys.length, 'no alert twice')
  for (const id of ids)
    assert.ok(keys.includes(`${id} dossier-overdue-escalation`), `dossier ${id} escalated: ${JSON.stringify(rounds)}`)
  assert.equal((rounds[0]?.raised ?? 0) + (rounds[1]?.raised ?? 0), alerts.length, 'each alert raised by one round')
  const audited = await first
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'like', 'deadline-alert.%')
    .execute()
  assert.equal(audited.length, alerts.length, 'one audit row per alert')
})
