import assert from 'node:assert/strict'
import { test } from 'node:test'
import { getLunarDate } from '@dqcai/vn-lunar'
import fc from 'fast-check'
import { dateOfDay, dayFromDate, isoDate } from './local-time.ts'
import { formatLunar, lunarToSolar, solarToLunar } from './lunar.ts'

const tet = (year: number, tz?: number) => {
  const day = lunarToSolar({ day: 1, month: 1, year, leap: false }, tz)
  assert.ok(day !== null)
  return isoDate(day)
}

test('Tết falls on the published Vietnamese dates', () => {
  const published: [number, string][] = [
    [1968, '1968-01-29'], // Tết Mậu Thân: the North, on UTC+7, a day before the South
    [1985, '1985-01-21'], // a month before China's 1985-02-20
    [2007, '2007-02-17'], // a day before China's 2007-02-18
    [2020, '2020-01-25'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
  ]
  for (const [year, date] of published) assert.equal(tet(year), date, `Tết ${year}`)
})

test('tet-2030-uses-vietnamese-lunar-calendar: 2 February at UTC+7, not 3 February at UTC+8', () => {
  assert.equal(tet(2030), '2030-02-02')
  assert.equal(tet(2030, 8), '2030-02-03')
})

test('Hùng Kings’ Commemoration (10/3 lunar) is on the days the Government gave off', () => {
  for (const [year, date] of [
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ] as const) {
    const day = lunarToSolar({ day: 10, month: 3, year, leap: false })
    assert.equal(day === null ? null : isoDate(day), date)
  }
})

test('leap months print with L: 6 June 2020 is 15/4L/2020, and a leap month that does not exist is refused', () => {
  assert.equal(formatLunar(solarToLunar(dayFromDate(2020, 6, 6))), '15/4L/2020')
  assert.equal(formatLunar(solarToLunar(dayFromDate(2023, 3, 22))), '1/2L/2023')
  assert.equal(lunarToSolar({ day: 1, month: 5, year: 2020, leap: true }), null)
  assert.equal(lunarToSolar({ day: 1, month: 1, year: 2024, leap: true }), null)
})

test('every day from 1968 to 2100 agrees with an independent table-based Vietnamese calendar, but three months', () => {
  // The three months start on a new moon computed within two minutes of local midnight (2054-05-07
  // 17:01:55Z, 2072-12-09 17:00:14Z, 2077-11-15 17:00:13Z): below the precision of the published
  // method, so the day is uncertain there and the table chose the day before.
  const known = ['2054-05', '2054-06', '2072-12', '2073-01', '2077-11', '2077-12']
  const from = dayFromDate(1968, 1, 1)
  const to = dayFromDate(2100, 12, 31)
  const mismatches: string[] = []
  for (let day = from; day <= to; day++) {
    const d = dateOfDay(day)
    const ours = solarToLunar(day)
    const theirs = getLunarDate(d.day, d.month, d.year)
    const same =
      ours.day === theirs.day && ours.month === theirs.month && ours.year === theirs.year && ours.leap === theirs.leap
    if (!same && !known.includes(isoDate(day).slice(0, 7)))
      mismatches.push(
        `${isoDate(day)}: ${formatLunar(ours)} vs ${theirs.day}/${theirs.month}${theirs.leap ? 'L' : ''}/${theirs.year}`,
      )
  }
  assert.deepEqual(mismatches.slice(0, 10), [])
})

test('no solar day maps to a lunar day 0 (the new moon of the mean lunation can fall after it)', () => {
  assert.equal(formatLunar(solarToLunar(dayFromDate(2054, 5, 7))), '30/3/2054')
  assert.equal(formatLunar(solarToLunar(dayFromDate(2062, 4, 9))), '30/2/2062')
})

test('solar → lunar → solar returns the same day (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: dayFromDate(1900, 1, 1), max: dayFromDate(2100, 12, 31) }), (day) => {
      assert.equal(lunarToSolar(solarToLunar(day)), day)
    }),
    { numRuns: 5000 },
  )
})
