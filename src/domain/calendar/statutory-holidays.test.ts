import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseIsoDate, weekday } from './local-time.ts'
import { defaultYearDecision } from './statutory-holidays.ts'
import { checkYearDecision } from './year-decision.ts'

const offDays = (year: number) => defaultYearDecision(year).daysOff.map((d) => `${d.date} ${d.kind}`)

test('a year with no decision: Tết = last day of the old lunar year + first four, weekend days compensated (2027)', () => {
  assert.deepEqual(offDays(2027), [
    '2027-01-01 holiday',
    '2027-02-05 holiday',
    '2027-02-06 holiday',
    '2027-02-07 holiday',
    '2027-02-08 holiday',
    '2027-02-09 holiday',
    '2027-02-10 compensatory',
    '2027-02-11 compensatory',
    '2027-04-16 holiday',
    '2027-04-30 holiday',
    '2027-05-01 holiday',
    '2027-05-03 compensatory',
    '2027-09-02 holiday',
    '2027-09-03 holiday',
    '2027-11-24 holiday',
  ])
})

test('1 January on a Sunday gives Monday 2 January off (2028 has it on a Saturday: Monday 3rd)', () => {
  assert.ok(offDays(2028).includes('2028-01-03 compensatory'))
  assert.ok(offDays(2034).includes('2034-01-02 compensatory'))
})

test('for every year 2027–2100 the default rule gives 12 holidays (11 of Art. 112(1) and Culture Day), compensation only on weekdays, and passes the checks', () => {
  for (let year = 2027; year <= 2100; year++) {
    const decision = defaultYearDecision(year)
    assert.deepEqual(checkYearDecision(decision), [], String(year))
    const holidays = decision.daysOff.filter((d) => d.kind === 'holiday')
    assert.equal(holidays.length, 12, String(year))
    const weekendHolidays = holidays.filter((d) => [0, 6].includes(weekday(parseIsoDate(d.date) ?? 0))).length
    const compensatory = decision.daysOff.filter((d) => d.kind === 'compensatory')
    assert.equal(compensatory.length, weekendHolidays, String(year))
    for (const c of compensatory) assert.ok(![0, 6].includes(weekday(parseIsoDate(c.date) ?? 0)), c.date)
  }
})

test('a make-up day on a weekday, a duplicate day off and a date outside the year are refused', () => {
  const decision = defaultYearDecision(2027)
  const problems = checkYearDecision({
    ...decision,
    daysOff: [
      ...decision.daysOff,
      { date: '2027-01-01', kind: 'extra', reason: 'x' },
      { date: '2028-01-03', kind: 'extra', reason: 'y' },
    ],
    makeUpWorkdays: [{ date: '2027-02-17', reason: 'Wednesday' }],
  })
  assert.deepEqual(
    problems.map((p) => p.path),
    ['/daysOff/15/date', '/daysOff/16/date', '/makeUpWorkdays/0/date'],
  )
  assert.ok(problems.every((p) => p.vi && p.en))
})
