import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isoDate, parseIsoDate } from '../calendar/local-time.ts'
import { type Pieces, yearCover } from './year-cover.ts'

const d = (s: string) => parseIsoDate(s) ?? Number.NaN
const show = (p: Pieces) => ({
  plus: p.plus.map((x) => `${x.grain} ${isoDate(x.from)}..${x.to === null ? '' : isoDate(x.to)}`),
  minus: p.minus.map((x) => `${x.grain} ${isoDate(x.from)}..${x.to === null ? '' : isoDate(x.to)}`),
})

test('a calendar year is its one year row', () => {
  assert.deepEqual(show(yearCover(d('2024-01-01'), d('2024-12-31'))), { plus: ['y 2024-01-01..2024-01-01'], minus: [] })
})

test('the year to today is the year row less the days and half-months after today', () => {
  // 1 January → 25 November: less 26–30 November and the two half-months of December.
  assert.deepEqual(show(yearCover(d('2026-01-01'), d('2026-11-25'))), {
    plus: ['y 2026-01-01..2026-01-01'],
    minus: ['d 2026-11-26..2026-11-30', 'h 2026-12-01..2026-12-15'],
  })
})

test('a short window inside a year stays half-months and days', () => {
  assert.deepEqual(show(yearCover(d('2026-01-10'), d('2026-03-20'))), {
    plus: ['d 2026-01-10..2026-01-14', 'd 2026-03-15..2026-03-20', 'h 2026-01-15..2026-03-01'],
    minus: [],
  })
})

test('a standard report year (15 December to 14 December) is its first half-month and the next year less its last half-month', () => {
  // The leading fortnight of 2025 as its half-month; 2026 to 14 December as the year less the rest.
  assert.deepEqual(show(yearCover(d('2025-12-15'), d('2026-12-14'))), {
    plus: ['h 2025-12-15..2025-12-15', 'y 2026-01-01..2026-01-01'],
    minus: ['h 2026-12-15..2026-12-15'],
  })
})

test('whole years between the edges are one range of year rows; an open end reads every later year', () => {
  assert.deepEqual(show(yearCover(d('2021-01-01'), d('2025-12-31'))), { plus: ['y 2021-01-01..2025-01-01'], minus: [] })
  assert.deepEqual(show(yearCover(d('2026-11-26'), null)), {
    plus: ['d 2026-11-26..2026-11-30', 'h 2026-12-01..2026-12-15', 'y 2027-01-01..'],
    minus: [],
  })
  assert.deepEqual(show(yearCover(d('2025-01-01'), null)), { plus: ['y 2025-01-01..'], minus: [] })
})
