import assert from 'node:assert/strict'
import { test } from 'node:test'
import { computedMeasures } from './measure.ts'
import { programmeDashboard, type YearMeasures } from './programme-dashboard.ts'
import { programme, target, task } from './programme-fixtures.ts'
import { periodDays, reformReport } from './reform-report.ts'
import { TaskStatus } from './reform-task.ts'

test('the fourth quarter runs from 1 October to 31 December', () => {
  assert.deepEqual(periodDays({ year: 2026, quarter: 4 }), { from: '2026-10-01', to: '2026-12-31' })
})

test("a report's computed figure names the measure, the period and the counters", () => {
  const m: YearMeasures = {
    year: 2026,
    period: { from: '2026-01-01', to: '2026-12-31', measuredTo: '2026-12-31' },
    values: {
      ...Object.fromEntries(computedMeasures.map((k) => [k, 'n/a'])),
      late_rate: 0.04,
    } as YearMeasures['values'],
  }
  const rows = programmeDashboard(programme, [target()], [m], [], 2026, '2027-01-05')
  const report = reformReport('P', { year: 2026, quarter: null }, rows, [], (id) => id, '2027-01-05')
  assert.equal(
    report.targets[0]?.source,
    `motcua: late_rate, 2026-01-01 – 2026-12-31; ${'kpi_counts: (resolved_late + overdue in progress) / (resolved + in progress), II.06a window'}`,
  )
})

test("a task is counted overdue at the period's end, not at today", () => {
  const open = task({ deadline: '2026-11-15' })
  const q3 = reformReport('P', { year: 2026, quarter: 3 }, [], [open], (id) => id, '2026-12-01')
  assert.equal(q3.taskCounts.overdue, 0)
})

test('a task approved after its deadline is counted as done late', () => {
  const late = task({ status: TaskStatus.Done, completedOn: '2026-07-10' })
  const year = reformReport('P', { year: 2026, quarter: null }, [], [late], (id) => id, '2026-12-01')
  assert.deepEqual([year.taskCounts.done, year.taskCounts.doneLate], [1, 1])
})
