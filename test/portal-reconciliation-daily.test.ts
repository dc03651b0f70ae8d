import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { after, before, describe, test } from 'node:test'
import { portalListingClient } from '../src/adapters/national-portal/portal-listing.ts'
import type { ReconcileDeps } from '../src/app/portal/reconcile-with-portal.ts'
import { reconciliationRound } from '../src/jobs/portal-reconciliation.ts'
import type { OpenDatabase } from '../src/store/database.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from './support/fake-national-portal.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

/** 02:00 on 27 November 2026, Vietnam time: the daily report covers the 26th. */
const night = new Date('2026-11-26T19:00:00Z')
const options = { leaseMs: 900_000, atMinute: 60 }
const minutes = (n: number) => new Date(night.getTime() + n * 60_000)

describe(`the daily reconciliation report on ${engineName}`, () => {
  let database: OpenDatabase
  let portal: FakeNationalPortal
  let deps: ReconcileDeps

  before(async () => {
    database = await createTestDatabase()
    portal = await startFakeNationalPortal()
    const listing = portalListingClient({ baseUrl: portal.baseUrl, apiKey: portal.apiKey, timeoutMs: 2_000 })
    deps = { db: database.db, listing, now: () => night }
  })
  after(async () => {
    await portal.close()
    await database.close()
  })

  const runsOf = (day: string) =>
    database.db
      .selectFrom('portal_reconciliation_runs')
      .select(['state', 'window_from', 'window_to'])
      .where('daily_day', '=', day)
      .orderBy('started_at')
      .execute()

  test('before its time of day a round does nothing', async () => {
    const early = new Date('2026-11-26T17:30:00Z') // 00:30 on the 27th
    assert.deepEqual(await reconciliationRound(deps, { ...options, holder: 'a' }, early), { kind: 'not-due' })
  })

  test('two servers racing for the report run it once, for the previous day', async () => {
    const rounds = await Promise.all([
      reconciliationRound(deps, { ...options, holder: 'server-a' }, night),
      reconciliationRound(deps, { ...options, holder: 'server-b' }, night),
    ])
    assert.deepEqual(
      [rounds.filter((r) => r.kind === 'ran').length, await runsOf('2026-11-26')],
      [1, [{ state: 'done', window_from: '2026-11-26', window_to: '2026-11-26' }]],
    )
  })

  test('a server taking over after the lease lapsed does not run the day again', async () => {
    const later = { ...deps, now: () => minutes(30) }
    const round = await reconciliationRound(later, { ...options, holder: 'server-c' }, minutes(30))
    assert.deepEqual([round.kind, (await runsOf('2026-11-26')).length], ['already-run', 1])
  })

  test('a portal 5xx fails the day’s run, recorded, and the next round runs the day again', async () => {
    const next = new Date(night.getTime() + 86_400_000)
    const day = '2026-11-27'
    portal.failNext(1)
    const failed = await reconciliationRound({ ...deps, now: () => next }, { ...options, holder: 'a' }, next)
    const retried = await reconciliationRound({ ...deps, now: () => next }, { ...options, holder: 'a' }, next)
    assert.deepEqual(
      [
        failed.kind === 'ran' && failed.run.state,
        retried.kind === 'ran' && retried.run.state,
        (await runsOf(day)).map((r) => r.state),
      ],
      ['failed', 'done', ['failed', 'done']],
    )
  })
})

test('portal reconcile refuses a window whose --from is after its --to, in Vietnamese and English', () => {
  const script = [
    "import { Command } from 'commander'",
    "import { addPortalCommands } from './src/cli/portal-commands.ts'",
    "const program = new Command('motcua')",
    "addPortalCommands(program, ['--data-dir <dir>', 'data', './data'])",
    "await program.parseAsync(['node', 'motcua', 'portal', 'reconcile', '--from', '2026-11-27', '--to', '2026-11-26'])",
  ].join('\n')
  const env = { ...process.env, PORTAL_BASE_URL: 'http://127.0.0.1:9', PORTAL_API_KEY: 'k' }
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env })
  assert.deepEqual(
    [
      result.status,
      /--from phải trước hoặc bằng --to/.test(result.stderr),
      /--from must not be after --to/.test(result.stderr),
    ],
    [2, true, true],
  )
})
