import assert from 'node:assert/strict'
import { test } from 'node:test'
import { publishedDecisions } from '../../store/seed/published-decisions.ts'
import { buildWorkingDays, yearExceptions } from './working-days.ts'

const days = buildWorkingDays(publishedDecisions())
const exceptions = (year: number) => yearExceptions(days, year).map((e) => `${e.date} ${e.working ? 'work' : 'off'}`)

test('2024 follows 8662/VPCP-KGVX and 2450/VPCP-KGVX: Tết 8–14/2, make-up Saturday 4/5', () => {
  assert.deepEqual(exceptions(2024), [
    '2024-01-01 off',
    '2024-02-08 off',
    '2024-02-09 off',
    '2024-02-12 off',
    '2024-02-13 off',
    '2024-02-14 off',
    '2024-04-18 off',
    '2024-04-29 off',
    '2024-04-30 off',
    '2024-05-01 off',
    '2024-05-04 work',
    '2024-09-02 off',
    '2024-09-03 off',
  ])
})

test('2025 follows 8726/VPCP-KGVX: Tết 27–31/1, make-up Saturday 26/4 for Friday 2/5', () => {
  assert.deepEqual(exceptions(2025), [
    '2025-01-01 off',
    '2025-01-27 off',
    '2025-01-28 off',
    '2025-01-29 off',
    '2025-01-30 off',
    '2025-01-31 off',
    '2025-04-07 off',
    '2025-04-26 work',
    '2025-04-30 off',
    '2025-05-01 off',
    '2025-05-02 off',
    '2025-09-01 off',
    '2025-09-02 off',
  ])
})

test('2026: 1/1 with 2/1 swapped to Saturday 10/1, Tết 16–20/2, Giỗ Tổ compensated on Monday 27/4, 2/9 with 31/8 swapped to 22/8, Culture Day 24/11 (in force after the decision)', () => {
  assert.deepEqual(exceptions(2026), [
    '2026-01-01 off',
    '2026-01-02 off',
    '2026-01-10 work',
    '2026-02-16 off',
    '2026-02-17 off',
    '2026-02-18 off',
    '2026-02-19 off',
    '2026-02-20 off',
    '2026-04-27 off',
    '2026-04-30 off',
    '2026-05-01 off',
    '2026-08-22 work',
    '2026-08-31 off',
    '2026-09-01 off',
    '2026-09-02 off',
    '2026-11-24 off',
  ])
})

test('a decided year replaces the default rule; the years around it keep the default', () => {
  assert.deepEqual([...days.decidedYears].sort(), [2024, 2025, 2026])
  assert.ok(exceptions(2027).includes('2027-02-10 off'))
})
