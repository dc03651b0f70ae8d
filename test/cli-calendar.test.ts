import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { promisify } from 'node:util'

const motcua = join(import.meta.dirname, '..', 'bin', 'motcua')
const env = { PATH: '/usr/bin:/bin', TZ: 'America/New_York' }
const run = async (...args: string[]) =>
  (await promisify(execFile)(motcua, ['calendar', ...args], { env })).stdout.trim()

describe('bin/motcua calendar from a plain shell (server in another time zone)', () => {
  test('days --year 2026 --json lists the exceptions, make-up Saturdays as working', async () => {
    const days = JSON.parse(await run('days', '--year', '2026', '--json')) as {
      date: string
      working: boolean
      reason: string
    }[]
    assert.deepEqual(
      days.filter((d) => d.working).map((d) => d.date),
      ['2026-01-10', '2026-08-22'],
    )
    assert.ok(days.some((d) => d.date === '2026-02-17' && !d.working && d.reason.includes('Tết')))
    assert.ok(days.every((d) => Object.keys(d).join() === 'date,working,reason'))
  })

  test('due prints the appointment with +07:00, with working days, cut-off, hours and calendar days', async () => {
    assert.equal(
      await run('due', '--from', '2030-01-31T09:00:00+07:00', '--working-days', '1'),
      '2030-02-08T09:00:00+07:00',
    )
    assert.equal(
      await run('due', '--from', '2026-11-02T15:30:00+07:00', '--working-days', '1', '--cutoff', '15:00'),
      '2026-11-03T17:00:00+07:00',
    )
    assert.equal(await run('due', '--from', '2026-11-02T09:00:00+07:00', '--hours', '4'), '2026-11-02T15:00:00+07:00')
    assert.equal(
      await run('due', '--from', '2026-11-02T09:00:00+07:00', '--calendar-days', '5'),
      '2026-11-09T17:00:00+07:00',
    )
  })

  test('between prints office hours as a decimal number', async () => {
    assert.equal(
      await run('between', '--from', '2026-11-06T16:00:00+07:00', '--to', '2026-11-09T08:30:00+07:00'),
      '2.5',
    )
  })

  test('lunar prints D/M/Y with L for a leap month', async () => {
    assert.equal(await run('lunar', '--date', '2020-06-06'), '15/4L/2020')
    assert.equal(await run('lunar', '--date', '2030-02-02'), '1/1/2030')
  })

  test('bad input is refused with a message and a non-zero exit', async () => {
    await assert.rejects(run('due', '--from', 'yesterday', '--working-days', '1'), /ISO 8601/)
    await assert.rejects(run('due', '--from', '2026-11-02T09:00', '--working-days', '1', '--hours', '2'), /exactly one/)
    await assert.rejects(run('lunar', '--date', '2026-02-30'), /YYYY-MM-DD/)
  })
})
