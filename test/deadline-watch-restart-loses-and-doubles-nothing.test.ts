import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { InsertQueryNode, type KyselyPlugin } from 'kysely'
import { alertsDue } from '../src/domain/deadline-watch/alerts-due.ts'
import { deadlineWatchJob, deadlineWatchRound } from '../src/jobs/deadline-watcher.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import type { Db, OpenDatabase } from '../src/store/database.ts'
import { watchedDossiers } from '../src/store/deadline-watch/deadline-alerts.ts'
import { dossierCommands } from '../src/store/dossiers/dossier-commands.ts'
import { dossierInAppraisal } from './support/deadline-watch.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

// Restart-safe: a watcher that dies in the middle of a round (here: its connection fails at the third
// alert) leaves each alert whole or absent; the server taking over once the lease lapses raises what
// was missing and nothing twice.

let open: OpenDatabase
before(async () => {
  open = await createTestDatabase()
})
after(() => open.close())

/** The database as a process sees it that dies at its `n`-th alert insert. */
function dyingAt(db: Db, n: number): Db {
  let inserts = 0
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      if (InsertQueryNode.is(node) && node.into?.table.identifier.name === 'deadline_alerts' && ++inserts >= n)
        throw new Error('connection lost')
      return node
    },
    transformResult: async ({ result }) => result,
  }
  return db.withPlugin(plugin)
}

test(`a watcher killed mid-round loses and doubles nothing after the takeover, on ${engineName}`, async () => {
  const engine = dossierCommands(open.db, workingDaysFromDatabase(open.db))
  for (let i = 0; i < 3; i++) await dossierInAppraisal(engine, new Date('2026-11-03T02:00:00Z'))
  const now = new Date('2026-11-10T04:00:00Z')
  const leaseMs = 60_000

  const dying = dyingAt(open.db, 3)
  await assert.rejects(
    deadlineWatchRound(
      { db: dying, engine: dossierCommands(dying, workingDaysFromDatabase(dying)) },
      'a',
      leaseMs,
      now,
    ),
    /connection lost/,
  )
  const partial = await open.db.selectFrom('deadline_alerts').select('id').execute()
  assert.equal(partial.length, 2, 'the two alerts before the crash were kept whole')

  const deps = { db: open.db, engine }
  assert.equal(await deadlineWatchRound(deps, 'b', leaseMs, new Date(now.getTime() + 1000)), null, 'a still holds it')
  const takeover = await deadlineWatchRound(deps, 'b', leaseMs, new Date(now.getTime() + leaseMs))
  assert.ok(takeover, 'the lease lapsed: b takes over')
  const lease = await open.db.selectFrom('job_leases').selectAll().where('job', '=', deadlineWatchJob).execute()
  assert.equal(lease[0]?.holder, 'b')

  const calendar = await engine.calendars()
  const expected = (await watchedDossiers(open.db, now))
    .flatMap((d) =>
      alertsDue(d.state, now.getTime(), { calendar, supplementLimitDays: d.supplementLimitDays }).map(
        (a) => `${d.id} ${a.key}`,
      ),
    )
    .sort()
  const alerts = await open.db.selectFrom('deadline_alerts').select(['dossier_id', 'alert_key']).execute()
  assert.deepEqual(alerts.map((a) => `${a.dossier_id} ${a.alert_key}`).sort(), expected)
  const recipients = await open.db.selectFrom('deadline_alert_recipients').select('alert_id').execute()
  assert.equal(new Set(recipients.map((r) => r.alert_id)).size, alerts.length, 'every alert has its recipients')
  const audited = await open.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', 'like', 'deadline-alert.%')
    .execute()
  assert.equal(audited.length, alerts.length, 'one audit row per alert')
})
