import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { naiveCalendar } from '../../../bench/naive-calendar.ts'
import { publishedDecisions } from '../../store/seed/published-decisions.ts'
import type { TimeLimit } from '../catalog/time-limit.ts'
import { dayFromDate, dayOf, formatInstant, instantAt, minuteOfDay, parseInstant } from './local-time.ts'
import { addWorkingTime, workingCalendar, workingTimeBetween } from './working-calendar.ts'
import { buildWorkingDays, isWorkingDay } from './working-days.ts'

const decisions = publishedDecisions()
const cal = workingCalendar(buildWorkingDays(decisions))
const at = (iso: string) => {
  const ms = parseInstant(iso)
  assert.ok(ms !== null, iso)
  return ms
}
const due = (from: string, limit: TimeLimit, cutoff?: string) => {
  const result = addWorkingTime(cal, at(from), limit, {
    cutoffMinute: cutoff ? Number(cutoff.slice(0, 2)) * 60 + Number(cutoff.slice(3)) : null,
  })
  return result === null ? null : formatInstant(result)
}
const days = (value: number): TimeLimit => ({ unit: 'working_days', value })

describe('appointments in working days (N × 8 office hours, rules.md §4)', () => {
  test('one working day from Monday 09:00 is Tuesday 09:00', () => {
    assert.equal(due('2026-11-02T09:00', days(1)), '2026-11-03T09:00:00+07:00')
  })
  test('half a day from 09:00 skips the lunch break: 15:00', () => {
    assert.equal(due('2026-11-02T09:00', days(0.5)), '2026-11-02T15:00:00+07:00')
  })
  test('one day from opening ends at closing the same day, not at the next opening', () => {
    assert.equal(due('2026-11-02T07:00', days(1)), '2026-11-02T17:00:00+07:00')
  })
  test('a budget ending at the lunch break ends at 11:30, not 13:30', () => {
    assert.equal(due('2026-11-02T07:00', { unit: 'working_hours', value: 4.5 }), '2026-11-02T11:30:00+07:00')
  })
  test('an online submission on Saturday night counts from Monday 07:00', () => {
    assert.equal(due('2026-11-07T22:15', days(1)), '2026-11-09T17:00:00+07:00')
  })
  test('reception after the 15:00 cut-off counts from the next working day', () => {
    assert.equal(due('2026-11-02T15:30', days(1), '15:00'), '2026-11-03T17:00:00+07:00')
    assert.equal(due('2026-11-02T14:59', days(1), '15:00'), '2026-11-03T14:59:00+07:00')
  })
  test('Tết 2026 (14–22 February) is skipped: Friday 13/2 10:00 + 1 day = Monday 23/2 10:00', () => {
    assert.equal(due('2026-02-13T10:00', days(1)), '2026-02-23T10:00:00+07:00')
  })
  test('the make-up Saturday 22/8/2026 is a working day and the swapped Monday 31/8 is not', () => {
    assert.equal(due('2026-08-21T10:00', days(1)), '2026-08-22T10:00:00+07:00')
    assert.equal(due('2026-08-28T10:00', days(1)), '2026-09-03T10:00:00+07:00')
  })
  test('the time zone of the server does not matter: UTC input gives the same appointment', () => {
    assert.equal(due('2026-11-02T02:00:00Z', days(1)), '2026-11-03T09:00:00+07:00')
  })
})

describe('calendar days, within the day, no limit', () => {
  test('calendar days do not count the first day and an end on a day off moves to the next working day', () => {
    assert.equal(due('2026-11-02T09:00', { unit: 'calendar_days', value: 5 }), '2026-11-09T17:00:00+07:00')
    assert.equal(due('2026-11-02T09:00', { unit: 'calendar_days', value: 3 }), '2026-11-05T17:00:00+07:00')
  })
  test('within the day ends at closing; after the cut-off, at the next working day’s closing', () => {
    assert.equal(due('2026-11-02T10:00', { unit: 'within_day' }), '2026-11-02T17:00:00+07:00')
    assert.equal(due('2026-11-02T15:10', { unit: 'within_day' }, '15:00'), '2026-11-03T17:00:00+07:00')
    assert.equal(due('2026-11-07T10:00', { unit: 'within_day' }), '2026-11-09T17:00:00+07:00')
  })
  test('a procedure with no fixed limit has no appointment', () => {
    assert.equal(due('2026-11-02T10:00', { unit: 'none' }), null)
  })
})

describe('office time between two instants', () => {
  test('Friday 16:00 to Monday 08:00 is two office hours', () => {
    assert.equal(workingTimeBetween(cal, at('2026-11-06T16:00'), at('2026-11-09T08:00')), 120)
  })
  test('a pause over the lunch break counts only office minutes', () => {
    assert.equal(workingTimeBetween(cal, at('2026-11-02T11:00'), at('2026-11-02T14:00')), 60)
  })
})

const start = instantAt(dayFromDate(2020, 1, 1), 0)
const end = instantAt(dayFromDate(2035, 12, 31), 0)
const instant = fc.integer({ min: start / 60_000, max: end / 60_000 }).map((m) => m * 60_000)
const officeInstant = instant.filter((t) => {
  const m = minuteOfDay(t)
  return isWorkingDay(cal.days, dayOf(t)) && ((m >= 420 && m < 690) || (m >= 810 && m < 1020))
})

describe('properties of the deadline engine', () => {
  test('the appointment is always inside office hours of a working day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const result = addWorkingTime(cal, from, days(n)) as number
        const m = minuteOfDay(result)
        assert.ok(isWorkingDay(cal.days, dayOf(result)), formatInstant(result))
        assert.ok((m > 420 && m <= 690) || (m > 810 && m <= 1020), formatInstant(result))
      }),
      { numRuns: 3000 },
    )
  })
  test('a later start or a longer limit never gives an earlier appointment', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (a, b, n, m) => {
        const [early, late] = a <= b ? [a, b] : [b, a]
        const [short, long] = n <= m ? [n, m] : [m, n]
        assert.ok(
          (addWorkingTime(cal, early, days(short)) as number) <= (addWorkingTime(cal, late, days(short)) as number),
        )
        assert.ok(
          (addWorkingTime(cal, early, days(short)) as number) <= (addWorkingTime(cal, early, days(long)) as number),
        )
      }),
      { numRuns: 3000 },
    )
  })
  test('from a start in office hours, the office time to the appointment is exactly 8N hours', () => {
    fc.assert(
      fc.property(officeInstant, fc.integer({ min: 1, max: 60 }), (from, n) => {
        assert.equal(workingTimeBetween(cal, from, addWorkingTime(cal, from, days(n)) as number), 480 * n)
      }),
      { numRuns: 3000 },
    )
  })
  test('the fast engine agrees with a naive day-by-day walk', () => {
    const naive = naiveCalendar(decisions)
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), (from, n) => {
        assert.equal(
          formatInstant(addWorkingTime(cal, from, days(n)) as number),
          formatInstant(naive.addWorkingDays(from, n)),
        )
      }),
      { numRuns: 3000 },
    )
  })
})
