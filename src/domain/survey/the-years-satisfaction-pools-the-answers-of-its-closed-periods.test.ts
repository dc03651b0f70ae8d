import assert from 'node:assert/strict'
import { test } from 'node:test'
import { questionIds } from './questionnaire.ts'
import { type PeriodAnswer, type PeriodOfYear, satisfactionOfYear } from './satisfaction-of-year.ts'

const all = (level: number) => Object.fromEntries(questionIds.map((id) => [id, level]))
const period = (id: string, fromDay: string, toDay: string, status: 'open' | 'closed' = 'closed'): PeriodOfYear => ({
  id,
  name: `Đợt ${id}`,
  fromDay,
  toDay,
  status,
})
const sheet = (periodId: string, agencyId: string, level: number): PeriodAnswer => ({
  periodId,
  agencyId,
  answers: all(level),
})

// March: xa-1 answers 5, 5, 2 (index 2/3); September: xa-1 answers 3 (index 0), xa-2 answers 4.
const periods = [
  period('sep', '2026-09-01', '2026-09-30'),
  period('mar', '2026-03-01', '2026-03-31'),
  period('nov', '2026-11-01', '2026-11-30', 'open'),
  period('tet', '2025-12-15', '2026-01-15'),
]
const answers = [
  sheet('mar', 'xa-1', 5),
  sheet('mar', 'xa-1', 5),
  sheet('mar', 'xa-1', 2),
  sheet('sep', 'xa-1', 3),
  sheet('sep', 'xa-2', 4),
  ...Array.from({ length: 5 }, () => sheet('nov', 'xa-1', 5)),
  sheet('tet', 'xa-1', 1),
]

test('a unit’s share pools its answers: 2 satisfied of 4 is 0.5, not the mean 1/3 of the periods’ 2/3 and 0', () => {
  const y = satisfactionOfYear(2026, periods, answers)
  assert.equal(y.byAgency.get('xa-1')?.share, 0.5)
  assert.equal(y.byAgency.get('xa-1')?.source.answers, 4)
})

test('the province pools every agency: 3 satisfied of 5 answers is 0.6', () => {
  const y = satisfactionOfYear(2026, periods, answers)
  assert.deepEqual([y.province.share, y.province.source.answers], [0.6, 5])
})

test('only closed periods wholly inside the year count, listed by first day', () => {
  const y = satisfactionOfYear(2026, periods, answers)
  assert.deepEqual(
    y.province.source.periods.map((p) => [p.id, p.from, p.to]),
    [
      ['mar', '2026-03-01', '2026-03-31'],
      ['sep', '2026-09-01', '2026-09-30'],
    ],
  )
})

test('a year without a closed period has no figure and says so by an empty list of periods', () => {
  const y = satisfactionOfYear(2027, periods, answers)
  assert.deepEqual([y.province.share, y.province.source, y.byAgency.size], [null, { periods: [], answers: 0 }, 0])
})
