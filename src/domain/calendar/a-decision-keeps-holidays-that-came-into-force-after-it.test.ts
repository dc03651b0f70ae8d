import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { HolidayRule } from './holiday-rule.ts'
import { statutoryHolidayRules } from './statutory-holiday-rules.ts'
import { decidedYearWithLaterRules, defaultYearDecision } from './statutory-holidays.ts'
import type { YearDecision } from './year-decision.ts'

const decided = (date: string | null): YearDecision => ({
  ...defaultYearDecision(2027, statutoryHolidayRules),
  decision: { number: '1/TEST', date, issuer: 'Thủ tướng Chính phủ' },
})

const newDay: HolidayRule = {
  ...(statutoryHolidayRules.at(-1) as HolidayRule),
  id: 'ngay-moi',
  day: { kind: 'solar', month: 10, day: 10 },
  effectiveFrom: '2027-03-01',
  reason: 'Ngày mới (10/10)',
}

test('a holiday in force after the decision was issued is added to the decided year; one it could foresee is not', () => {
  const listed = (d: YearDecision) => d.daysOff.some((o) => o.date === '2027-10-10')
  assert.equal(listed(decidedYearWithLaterRules(decided('2026-11-20'), [...statutoryHolidayRules, newDay])), true)
  assert.equal(listed(decidedYearWithLaterRules(decided(null), [...statutoryHolidayRules, newDay])), true)
  assert.equal(listed(decidedYearWithLaterRules(decided('2027-04-01'), [...statutoryHolidayRules, newDay])), false)
})
