import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { refreshDirectory } from '../../src/app/document-axis/refresh-directory.ts'
import { type DirectoryDeps, directoryRound } from '../../src/jobs/document-axis-directory.ts'
import { directory } from '../../src/store/document-axis/axis-directory.ts'
import { engineName } from '../support/test-database.ts'
import { type AxisHarness, startAxisHarness } from './axis-harness.ts'

const hour = 3_600_000
const first = new Date('2026-12-03T01:00:00Z')
const gone = '000.00.07.H31'

/** Issue 17 §3: the axis agency directory, refreshed on a schedule (rules.md "Delivery trail and axis directory"). */
describe(`an agency gone from the axis directory on ${engineName}`, () => {
  let h: AxisHarness
  let clock = first
  let deps: DirectoryDeps
  before(async () => {
    h = await startAxisHarness()
    deps = { db: h.deps.db, client: h.deps.client, now: () => clock }
    await refreshDirectory(deps)
    h.axis.removeAgency(gone)
    clock = new Date(first.getTime() + 24 * hour)
    await refreshDirectory(deps)
  })
  after(() => h.close())

  test('is kept, marked absent since the refresh that first missed it', async () => {
    const entry = (await directory(h.deps.db)).find((e) => e.code === gone)
    assert.deepEqual([entry?.name, entry?.absentSince?.toISOString()], ['Sở Y tế tỉnh Lâm Đồng', clock.toISOString()])
  })

  test('while the agencies still listed carry no absence mark', async () => {
    const absent = (await directory(h.deps.db)).filter((e) => e.absentSince !== null).map((e) => e.code)
    assert.deepEqual(absent, [gone])
  })
})

describe(`two servers racing to refresh the axis directory on ${engineName}`, () => {
  let h: AxisHarness
  before(async () => {
    h = await startAxisHarness()
  })
  after(() => h.close())

  /** Both servers' rounds at once, at `at`; the lease lasts a minute, the period is a day. */
  const race = async (at: Date) => {
    const deps = { db: h.deps.db, client: h.deps.client, now: () => at }
    const rounds = await Promise.all(
      ['server-a', 'server-b'].map((holder) => directoryRound(deps, { holder, leaseMs: 60_000, periodMs: 24 * hour })),
    )
    return rounds.map((r) => r.kind).sort()
  }

  test('fetch the directory once per period, however often they look', async () => {
    const kinds = [
      await race(first),
      await race(new Date(first.getTime() + hour)),
      await race(new Date(first.getTime() + 23 * hour)),
      await race(new Date(first.getTime() + 24 * hour)),
    ]
    assert.deepEqual(
      [kinds, h.axis.directoryFetches()],
      [
        [
          ['leased-elsewhere', 'refreshed'],
          ['leased-elsewhere', 'not-due'],
          ['leased-elsewhere', 'not-due'],
          ['leased-elsewhere', 'refreshed'],
        ],
        2,
      ],
    )
  })
})
