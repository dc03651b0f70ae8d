import assert from 'node:assert/strict'
import { test } from 'node:test'
import { computedMeasures } from './measure.ts'
import { programmeDashboard, type ReportedFigure, type YearMeasures } from './programme-dashboard.ts'
import { evidence, programme, target } from './programme-fixtures.ts'

const measures = (year: number, late: number | 'n/a'): YearMeasures => ({
  year,
  period: { from: `${year}-01-01`, to: `${year}-12-31`, measuredTo: `${year}-12-31` },
  values: { ...Object.fromEntries(computedMeasures.map((m) => [m, 'n/a'])), late_rate: late } as YearMeasures['values'],
})
const reportedTarget = target({
  key: 'e_documents_share',
  source: { kind: 'reported', responsibleAgencyId: 'so-nv' },
  comparator: 'at_least',
  value: 0.9,
})
const report: ReportedFigure = {
  id: 'rep-1',
  targetKey: 'e_documents_share',
  year: 2026,
  value: 0.93,
  agencyId: 'so-nv',
  note: '',
  evidence,
  reportedBy: 'u',
  reportedAt: '2026-12-20T00:00:00.000Z',
}

test('a computed figure names its measure, period and counters', () => {
  const [row] = programmeDashboard(programme, [target()], [measures(2026, 0.04)], [], 2026, '2027-01-10')
  assert.equal(row?.current.source?.kind === 'computed' && row.current.source.counters.startsWith('kpi_counts'), true)
})

test('a late share under the target is met', () => {
  const [row] = programmeDashboard(programme, [target()], [measures(2026, 0.04)], [], 2026, '2027-01-10')
  assert.equal(row?.current.met, true)
})

test('a computed measure with nothing to measure is neither met nor not met', () => {
  const [row] = programmeDashboard(programme, [target()], [measures(2026, 'n/a')], [], 2026, '2027-01-10')
  assert.equal(row?.current.met, null)
})

test('a reported target without a report is neither met nor not met', () => {
  const [row] = programmeDashboard(programme, [reportedTarget], [], [], 2026, '2027-01-10')
  assert.equal(row?.current.met, null)
})

test("a reported figure is traced to the unit's report and its evidence file", () => {
  const [row] = programmeDashboard(programme, [reportedTarget], [], [report], 2026, '2027-01-10')
  assert.deepEqual(row?.current.source, {
    kind: 'reported',
    reportId: 'rep-1',
    agencyId: 'so-nv',
    evidence,
    reportedAt: report.reportedAt,
  })
})

test('the trend has one point per programme year up to the year asked for', () => {
  const years = [2026, 2027, 2028].map((y) => measures(y, 0.2))
  const [row] = programmeDashboard(programme, [target()], years, [], 2028, '2029-01-10')
  assert.deepEqual(
    row?.trend.map((p) => p.year),
    [2026, 2027, 2028],
  )
})
