import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { HolidayRule } from './holiday-rule.ts'
import { isoDate } from './local-time.ts'
import { statutoryHolidayRules } from './statutory-holiday-rules.ts'
import { holidaysOf } from './statutory-holidays.ts'

const dates = (year: number, rules: readonly HolidayRule[]) => holidaysOf(year, rules).map((h) => isoDate(h.day))

const rule = (changes: Partial<HolidayRule>): HolidayRule => ({
  id: 'ngay-thu-nghiem',
  day: { kind: 'solar', month: 6, day: 15 },
  effectiveFrom: '2028-06-16',
  effectiveTo: null,
  enabled: true,
  compensated: true,
  reason: 'Ngày thử nghiệm',
  source: { instrument: 'Văn bản thử', article: 'Điều 1', url: null, verified: 'test' },
  ...changes,
})

test('a rule applies only to days inside its effective dates, and not at all when disabled', () => {
  assert.deepEqual(dates(2028, [rule({})]), [])
  assert.deepEqual(dates(2029, [rule({})]), ['2029-06-15'])
  assert.deepEqual(dates(2030, [rule({ effectiveTo: '2029-12-31' })]), [])
  assert.deepEqual(dates(2029, [rule({ enabled: false })]), [])
})

test('Quốc khánh has one day under the 2012 Code (Art. 115(1)) and two from 2021 under the 2019 Code (Art. 112(1))', () => {
  const september = (year: number) => dates(year, statutoryHolidayRules).filter((d) => d.slice(5, 7) === '09')
  assert.deepEqual(september(2020), ['2020-09-02'])
  assert.deepEqual(september(2021), ['2021-09-02', '2021-09-03'])
  assert.equal(dates(2020, statutoryHolidayRules).length, 10)
  assert.equal(dates(2021, statutoryHolidayRules).length, 11)
})
