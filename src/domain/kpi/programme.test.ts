import assert from 'node:assert/strict'
import { test } from 'node:test'
import { evaluateProgramme, type ProgrammeTarget } from './programme.ts'

const target = (
  measure: ProgrammeTarget['measure'],
  comparator: ProgrammeTarget['comparator'],
  value: number,
  effectiveFrom: string,
) => ({ measure, comparator, value, effectiveFrom, source: 'test' }) satisfies ProgrammeTarget

const values = {
  late_rate: 0.02,
  satisfaction: 0.75,
  online_share: 0.5,
  full_process_share: 'n/a' as const,
  online_payment: 0.1,
  e_result_share: 0.9,
  apology_rate: 1,
  cut_procedures: 0.4,
}

test('each measure is met or not against the target in force at the period end', () => {
  const targets = [
    target('late_rate', 'below', 0.1, '2021-01-01'),
    target('late_rate', 'below', 0.02, '2026-07-01'), // tightened mid-2026
    target('satisfaction', 'at_least', 0.8, '2021-01-01'),
    target('online_share', 'at_least', 0.5, '2021-01-01'),
    target('full_process_share', 'at_least', 0.8, '2021-01-01'),
  ]
  const met = (periodEnd: string) =>
    Object.fromEntries(evaluateProgramme(values, targets, periodEnd).map((r) => [r.measure, r.met]))
  assert.deepEqual(met('2026-06-14'), {
    late_rate: true, // 2% < 10%
    satisfaction: false, // 75% < 80%
    online_share: true, // at least 50%
    full_process_share: null, // nothing to measure
    online_payment: null, // no target
    e_result_share: null,
    apology_rate: null,
    cut_procedures: null,
  })
  assert.equal(met('2026-12-14').late_rate, false, '2% is not below the tightened 2% target')
})
