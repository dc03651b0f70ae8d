import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isoDate, parseIsoDate } from '../calendar/local-time.ts'
import { cover, reportWindow } from './periods.ts'

const d = (s: string) => parseIsoDate(s) ?? Number.NaN
const show = (c: ReturnType<typeof cover>) => ({
  days: c.days.map(([a, b]) => `${isoDate(a)}..${isoDate(b)}`),
  ...(c.minusDays.length > 0 ? { minus: c.minusDays.map(([a, b]) => `${isoDate(a)}..${isoDate(b)}`) } : {}),
  halves: c.halves && `${isoDate(c.halves[0])}..${c.halves[1] === null ? '' : isoDate(c.halves[1])}`,
})

test('report windows run from the 15th of the month before to the 14th', () => {
  const w = (p: Parameters<typeof reportWindow>[0]) => {
    const r = reportWindow(p)
    return `${isoDate(r.from)}..${isoDate(r.to)}`
  }
  assert.equal(w({ kind: 'quarter', year: 2026, quarter: 1 }), '2025-12-15..2026-03-14')
  assert.equal(w({ kind: 'quarter', year: 2026, quarter: 4 }), '2026-09-15..2026-12-14')
  assert.equal(w({ kind: 'half', year: 2026, half: 2 }), '2026-06-15..2026-12-14')
  assert.equal(w({ kind: 'year', year: 2026 }), '2025-12-15..2026-12-14')
  assert.equal(w({ kind: 'month', year: 2026, month: 3 }), '2026-02-15..2026-03-14')
})

test('a standard window is whole half-months; any other adds loose days only at its edges', () => {
  assert.deepEqual(show(cover(d('2025-12-15'), d('2026-12-14'))), { days: [], halves: '2025-12-15..2026-12-01' })
  assert.deepEqual(show(cover(d('2026-01-10'), d('2026-03-20'))), {
    days: ['2026-01-10..2026-01-14', '2026-03-15..2026-03-20'],
    halves: '2026-01-15..2026-03-01',
  })
  assert.deepEqual(show(cover(d('2026-02-16'), d('2026-02-20'))), { days: ['2026-02-16..2026-02-20'], halves: null })
  assert.deepEqual(show(cover(d('2026-02-15'), d('2026-02-28'))), { days: [], halves: '2026-02-15..2026-02-15' })
  assert.deepEqual(show(cover(d('2026-11-27'), null)), { days: ['2026-11-27..2026-11-30'], halves: '2026-12-01..' })
})

test('an edge nearer the end of its half-month reads the half-month minus the few days outside the window', () => {
  // 1 January → 25 November: the half-month from 15 November minus 26–30 November (5 days, not 11).
  assert.deepEqual(show(cover(d('2026-01-01'), d('2026-11-25'))), {
    days: [],
    minus: ['2026-11-26..2026-11-30'],
    halves: '2026-01-01..2026-11-15',
  })
  // 3 → 28 February: the half-month from 1 February minus the 1st and 2nd; from 15 February, all of it.
  assert.deepEqual(show(cover(d('2026-02-03'), d('2026-02-28'))), {
    days: [],
    minus: ['2026-02-01..2026-02-02'],
    halves: '2026-02-01..2026-02-15',
  })
  // Inside one half-month: 16–25 November is the half-month minus the 15th and 26–30.
  assert.deepEqual(show(cover(d('2026-11-16'), d('2026-11-25'))), {
    days: [],
    minus: ['2026-11-15..2026-11-15', '2026-11-26..2026-11-30'],
    halves: '2026-11-15..2026-11-15',
  })
})
