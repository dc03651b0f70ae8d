import assert from 'node:assert/strict'
import { test } from 'node:test'
import { publishedDecisions } from '../../store/seed/published-decisions.ts'
import { dayFromDate } from './local-time.ts'
import { statutoryHolidayRules } from './statutory-holiday-rules.ts'
import { defaultYearDecision } from './statutory-holidays.ts'
import { buildWorkingDays, isWorkingDay } from './working-days.ts'

// Ngày Văn hóa Việt Nam 24/11: Nghị quyết 28/2026/QH16, in force from 1 July 2026.
const days = buildWorkingDays(publishedDecisions(), statutoryHolidayRules, { from: 2025, to: 2031 })

test('24 November is a working day in 2025 and a day off from 2026, though the 2026 decision predates it', () => {
  assert.equal(isWorkingDay(days, dayFromDate(2025, 11, 24)), true)
  assert.equal(isWorkingDay(days, dayFromDate(2026, 11, 24)), false)
  assert.equal(days.exceptions.get(dayFromDate(2026, 11, 24))?.reason, 'Ngày Văn hóa Việt Nam (24/11)')
  assert.equal(isWorkingDay(days, dayFromDate(2027, 11, 24)), false)
})

test('on a Saturday (2029) or Sunday (2030) it is compensated on the next Monday, like the Art. 112(1) days (Art. 111(3))', () => {
  const off = (year: number) => defaultYearDecision(year).daysOff.map((d) => `${d.date} ${d.kind}`)
  assert.ok(off(2029).includes('2029-11-24 holiday'))
  assert.ok(off(2029).includes('2029-11-26 compensatory'))
  assert.ok(off(2030).includes('2030-11-25 compensatory'))
  assert.equal(isWorkingDay(days, dayFromDate(2029, 11, 26)), false)
})
