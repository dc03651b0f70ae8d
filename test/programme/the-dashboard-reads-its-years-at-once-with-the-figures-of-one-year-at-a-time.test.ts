import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { loadDashboard, yearMeasures } from '../../src/app/programme/load-dashboard.ts'
import { parseIsoDate } from '../../src/domain/calendar/local-time.ts'
import { programmeDashboard } from '../../src/domain/programme/programme-dashboard.ts'
import { workingDaysFromDatabase } from '../../src/store/calendar/working-days-cache.ts'
import type { OpenDatabase } from '../../src/store/database.ts'
import { seededRandom } from '../../src/store/dossiers/seed-dossiers.ts'
import { generateHistory } from '../../src/store/kpi/generate-history.ts'
import { provinceSummary, yearSummaries } from '../../src/store/kpi/indicator-report.ts'
import { recordFacts } from '../../src/store/kpi/record-facts.ts'
import { yearWindowServices } from '../../src/store/kpi/window-sums.ts'
import { listProgrammeTargets, loadProgramme, reportedFigures } from '../../src/store/programme/programme-store.ts'
import { facts } from '../support/kpi-facts.ts'
import { createTestDatabase, engineName } from '../support/test-database.ts'
import { programmeId } from './programme-http.ts'

// The dashboard's fast path (all its years in one read of the counters) against the slow one it
// replaced (one overview per year, as the reform report still reads a year): the same figures.
const today = '2026-11-25'
const years = [2021, 2022, 2023, 2024, 2025, 2026]
const day = (s: string) => parseIsoDate(s) as number

describe(`the programme dashboard's years read at once on ${engineName}`, () => {
  let open: OpenDatabase
  before(async () => {
    open = await createTestDatabase()
    await generateHistory(open.db, {
      count: 3000,
      from: '2021-01-01',
      to: today,
      random: seededRandom(5),
      workingDays: workingDaysFromDatabase(open.db),
      countBatch: 1000,
    })
    // motcua's own dossiers (1.4's sync counts), one before today and two after it, which the year to
    // today must take away (the year row less the days and half-months after today).
    const motcua = { origin: 'motcua' as const, online: true, feeVnd: 20_000 }
    await recordFacts(open.db, [
      facts('F1', { ...motcua, received: '2026-11-20T08:00', portalSynced: true }),
      facts('F2', { ...motcua, received: '2026-11-27T08:00', procedureCode: 'P8' }),
      facts('F3', { ...motcua, received: '2026-12-03T08:00', procedureCode: 'P9' }),
    ])
  })
  after(() => open.close())

  test('each year summary read together is the summary of that year read alone', async () => {
    const together = await yearSummaries(open.db, years, today)
    const alone = await Promise.all(
      years.map((y) => provinceSummary(open.db, { from: `${y}-01-01`, to: `${y}-12-31`, today })),
    )
    assert.ok(
      alone.every((s) => s.figures.received > 0),
      'every year has dossiers',
    )
    assert.deepEqual(together, alone)
  })

  test('the dashboard shows what the per-year measures give', async () => {
    const dashboard = await loadDashboard(open.db, programmeId, 2026, today)
    const programme = await loadProgramme(open.db, programmeId)
    assert.ok(dashboard && programme)
    const measures = await Promise.all(years.map((y) => yearMeasures(open.db, y, today)))
    const [targets, reported] = await Promise.all([
      listProgrammeTargets(open.db, programmeId),
      reportedFigures(open.db, programmeId),
    ])
    assert.deepEqual(dashboard.rows, programmeDashboard(programme, targets, measures, reported, 2026, today))
  })

  test('the year to today counts none of the dossiers received after today', async () => {
    const windows = years.map((y) => ({ from: day(`${y}-01-01`), to: day(y === 2026 ? today : `${y}-12-31`) }))
    const services = (await yearWindowServices(open.db, windows))[5]
    assert.deepEqual(services?.sync, { received: 1, synced: 1 })
    assert.ok(services?.online.has('xa-1|P1'))
    assert.ok(!services?.online.has('xa-1|P8') && !services?.online.has('xa-1|P9'))
  })

  test('years that are not consecutive calendar years are refused, not misread', async () => {
    await assert.rejects(yearSummaries(open.db, [2023, 2025], today), RangeError)
  })
})
