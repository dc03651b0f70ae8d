import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { promisify } from 'node:util'
import { createScratchDatabase, engineName } from './support/test-database.ts'

const motcua = join(import.meta.dirname, '..', 'bin', 'motcua')

// One commune committee (QCVN code 333.00.00.H34), civil-status registration of births, January 2026.
const line = (o: object) =>
  JSON.stringify({
    procedure: '1.001193',
    agency: '333.00.00.H34',
    paidOnline: false,
    fee: 0,
    eResult: false,
    digitized: false,
    reusedComponents: 0,
    vneid: false,
    rating: null,
    complaint: false,
    ...o,
  })
const history = [
  // A: online, done the day after reception → early; e-result attached (counts for 3.3)
  line({
    code: '333.00.00.H34-260105-0001',
    channel: 'online',
    receivedAt: '2026-01-05T09:00:00+07:00',
    appointmentAt: '2026-01-07T16:30:00+07:00',
    events: [{ type: 'done', at: '2026-01-06T10:00:00+07:00' }],
    eResult: true,
    vneid: true,
    rating: 'very_satisfied',
  }),
  // B: 8 office hours waiting for a supplement move the deadline to Fri 9 Jan 16:30 → done that morning is on time
  line({
    code: '333.00.00.H34-260106-0001',
    channel: 'counter',
    receivedAt: '2026-01-06T09:00:00+07:00',
    appointmentAt: '2026-01-08T16:30:00+07:00',
    events: [
      { type: 'supplement_requested', at: '2026-01-07T09:00:00+07:00' },
      { type: 'supplement_received', at: '2026-01-08T09:00:00+07:00' },
      { type: 'done', at: '2026-01-09T10:00:00+07:00' },
    ],
    rating: 'not_satisfied',
  }),
  // C: by post, done the day after its appointment → late
  line({
    code: '333.00.00.H34-260112-0001',
    channel: 'post',
    receivedAt: '2026-01-12T09:00:00+07:00',
    appointmentAt: '2026-01-14T16:30:00+07:00',
    events: [{ type: 'done', at: '2026-01-15T09:00:00+07:00' }],
  }),
  // D: online, still open on 31 Jan, due 22 Jan → in progress, overdue
  line({
    code: '333.00.00.H34-260120-0001',
    channel: 'online',
    receivedAt: '2026-01-20T09:00:00+07:00',
    appointmentAt: '2026-01-22T16:30:00+07:00',
    events: [],
  }),
  // E: received in December, withdrawn on 2 Jan → carried over, resolved early
  line({
    code: '333.00.00.H34-251230-0001',
    channel: 'counter',
    receivedAt: '2025-12-30T09:00:00+07:00',
    appointmentAt: '2026-01-05T16:30:00+07:00',
    events: [{ type: 'withdrawn', at: '2026-01-02T09:00:00+07:00' }],
  }),
  // F: waiting for a supplement asked before its deadline → in progress within the deadline
  line({
    code: '333.00.00.H34-260126-0001',
    channel: 'counter',
    receivedAt: '2026-01-26T09:00:00+07:00',
    appointmentAt: '2026-02-03T16:30:00+07:00',
    events: [{ type: 'supplement_requested', at: '2026-01-28T09:00:00+07:00' }],
  }),
]

describe(`bin/motcua import dossiers + report kpi on ${engineName}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-kpi-'))
  const env: NodeJS.ProcessEnv = { PATH: '/usr/bin:/bin' }
  let dataDir = join(dir, 'data')
  let cleanup = async () => {}
  const run = (...args: string[]) => promisify(execFile)(motcua, [...args, '--data-dir', dataDir], { env })

  before(async () => {
    if (process.env.DATABASE_URL) {
      const scratch = await createScratchDatabase(process.env.DATABASE_URL)
      env.DATABASE_URL = scratch.url
      cleanup = scratch.drop
      dataDir = 'unused'
    }
    writeFileSync(join(dir, 'history.jsonl'), `${history.join('\n')}\n`)
    await run('migrate')
    await run('import', 'dossiers', '--file', join(dir, 'history.jsonl'))
  })
  after(async () => {
    await cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  test('January 2026 of the imported history, every figure counted by hand', async () => {
    const { stdout } = await run(
      'report',
      'kpi',
      '--from',
      '2026-01-01',
      '--to',
      '2026-01-31',
      '--agency',
      '333.00.00.H34',
      '--json',
    )
    const r = JSON.parse(stdout)
    assert.deepEqual(
      {
        received: r.received,
        receivedOnline: r.receivedOnline,
        receivedInPersonOrPost: r.receivedInPersonOrPost,
        carriedOver: r.carriedOver,
        resolved: r.resolved,
        resolvedEarly: r.resolvedEarly,
        resolvedOnTime: r.resolvedOnTime,
        resolvedLate: r.resolvedLate,
        inProgress: r.inProgress,
        inProgressWithinDeadline: r.inProgressWithinDeadline,
        inProgressOverdue: r.inProgressOverdue,
        onTimeRate: r.onTimeRate,
        onlineRate: r.onlineRate,
      },
      {
        received: 5, // A B C D F
        receivedOnline: 2, // A D
        receivedInPersonOrPost: 3,
        carriedOver: 1, // E
        resolved: 4, // A B C E
        resolvedEarly: 2, // A E
        resolvedOnTime: 1, // B, thanks to the supplement pause
        resolvedLate: 1, // C
        inProgress: 2, // D F
        inProgressWithinDeadline: 1, // F
        inProgressOverdue: 1, // D
        onTimeRate: 0.67, // (2 + 1 + 1) ÷ (4 + 2)
        onlineRate: 0.4, // 2 ÷ 5
      },
    )
    assert.deepEqual(r.index766.indicators['2.1'], { ratio: 0.67, points: 13.4, max: 20, notApplicable: null })
    // 3.3 is weighted by the sync rate (1.4), which imported dossiers do not have: n/a, no points
    assert.equal(r.index766.indicators['1.4'].ratio, null)
    assert.equal(r.index766.indicators['3.3'].ratio, null)
    assert.equal(r.index766.indicators['3.3'].notApplicable.reason, 'not_recorded')
    // 5.4: 1 − (2 late or overdue ÷ 6 + 1 not satisfied ÷ 4 resolved) = 0.42; no petitions, so 5.2's and
    // 5.3's 12 points are scored on it (METRICS row 23): 18 × 0.42 ÷ 0.9
    assert.deepEqual(r.index766.indicators['5.4'], { ratio: 0.42, points: 8.4, max: 18, notApplicable: null })
    assert.equal(typeof r.index766.total, 'number')
  })

  test('a re-import changes nothing and a bad window is refused', async () => {
    const before = (await run('report', 'kpi', '--from', '2025-12-01', '--to', '2026-02-28', '--json')).stdout
    const again = await run('import', 'dossiers', '--file', join(dir, 'history.jsonl'))
    assert.match(again.stdout, /imported 0, unchanged 6, rejected 0/)
    assert.equal((await run('report', 'kpi', '--from', '2025-12-01', '--to', '2026-02-28', '--json')).stdout, before)
    await assert.rejects(run('report', 'kpi', '--from', '2026-02-01', '--to', '2026-01-01', '--json'))
  })
})
