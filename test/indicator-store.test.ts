import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import fc from 'fast-check'
import { dayOf, isoDate, parseInstant, parseIsoDate } from '../src/domain/calendar/local-time.ts'
import { contributions, zeroCounters } from '../src/domain/kpi/counters.ts'
import type { DossierFacts } from '../src/domain/kpi/facts.ts'
import { ii06aFigures } from '../src/domain/kpi/ii06a.ts'
import type { OpenDatabase } from '../src/store/database.ts'
import { provinceOverview } from '../src/store/kpi/indicator-report.ts'
import { recordFacts } from '../src/store/kpi/record-facts.ts'
import { windowSums } from '../src/store/kpi/window-sums.ts'
import { facts } from './support/kpi-facts.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

/** The plain computation: each contribution compared with the window, day by day. */
function plainFigures(list: readonly DossierFacts[], from: string, to: string) {
  const s = { all: zeroCounters(), window: zeroCounters(), after: zeroCounters() }
  for (const f of list)
    for (const c of contributions(f)) {
      s.all[c.column] += c.delta
      if (c.day >= from && c.day <= to) s.window[c.column] += c.delta
      if (c.day > to) s.after[c.column] += c.delta
    }
  return ii06aFigures(s)
}

/** 300 dossiers over 2025–2026 with every kind of ending, pending supplements and open ones. */
function history(): DossierFacts[] {
  let seed = 7
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed / 2_147_483_648
  }
  const start = parseInstant('2025-01-02T08:00:00+07:00') ?? 0
  const day = 86_400_000
  return Array.from({ length: 300 }, (_, i) => {
    const received = start + Math.floor(next() * 690) * day + Math.floor(next() * 9) * 3_600_000
    const deadline = received + Math.floor(1 + next() * 20) * day
    const roll = next()
    const endAt = received + Math.floor(next() * 30) * day
    const local = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16)
    const kind = roll < 0.6 ? 'done' : roll < 0.65 ? 'withdrawn' : roll < 0.7 ? 'stopped' : null
    return facts(`H${i}`, {
      received: local(received),
      deadline: roll > 0.95 ? null : local(deadline),
      end: kind && endAt < Date.parse('2026-11-26T00:00:00Z') ? { kind, at: local(endAt) } : undefined,
      online: next() < 0.4,
      supplements: next() < 0.05 ? [local(received + day), local(received + 2 * day)] : [],
      pendingSince: kind === null && next() < 0.1 ? local(received + 2 * day) : undefined,
      agencyId: next() < 0.5 ? 'xa-1' : 'so-2',
      fieldId: next() < 0.5 ? 'ho-tich' : 'dat-dai',
      procedureCode: next() < 0.5 ? 'P1' : 'P2',
    })
  })
}

describe(`indicator counters in the store on ${engineName}`, () => {
  let database: OpenDatabase
  const dossiers = history()
  before(async () => {
    database = await createTestDatabase({ catalogue: false })
    await database.db.transaction().execute((tx) => recordFacts(tx, dossiers))
  })
  after(() => database.close())

  const storeFigures = async (from: string, to: string, agencyId?: string) => {
    const sums = await windowSums(database.db, {
      from: parseIsoDate(from) ?? 0,
      to: parseIsoDate(to) ?? 0,
      groupBy: [],
      agencyIds: agencyId === undefined ? undefined : [agencyId],
    })
    const s = sums.get('')
    assert.ok(s)
    return ii06aFigures(s)
  }

  test('any window read from half-months and edge days equals the plain day-by-day computation', async () => {
    const first = parseIsoDate('2024-12-20') ?? 0
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 720 }), fc.integer({ min: 0, max: 400 }), async (a, length) => {
        const from = isoDate(first + a)
        const to = isoDate(first + a + length)
        assert.deepEqual(await storeFigures(from, to), plainFigures(dossiers, from, to), `${from}..${to}`)
      }),
      { numRuns: 40 },
    )
  })

  test('one agency’s figures are its own dossiers only', async () => {
    const own = dossiers.filter((d) => d.agencyId === 'so-2')
    assert.deepEqual(
      await storeFigures('2025-12-15', '2026-06-14', 'so-2'),
      plainFigures(own, '2025-12-15', '2026-06-14'),
    )
  })

  test('recording the same facts again changes nothing; a changed dossier moves its counts', async () => {
    const before = await storeFigures('2025-01-01', '2026-11-25')
    await database.db.transaction().execute((tx) => recordFacts(tx, dossiers.slice(0, 50)))
    assert.deepEqual(await storeFigures('2025-01-01', '2026-11-25'), before)
    const open = dossiers.find((d) => d.end === null && d.deadlineAt !== null && d.pendingSupplementSince === null)
    assert.ok(open)
    const ended = { ...open, end: { kind: 'done' as const, at: open.receivedAt + 3_600_000 } }
    await database.db.transaction().execute((tx) => recordFacts(tx, [ended]))
    const now = await storeFigures('2025-01-01', '2026-11-25')
    assert.equal(now.resolved, before.resolved + 1)
    assert.equal(now.inProgress, before.inProgress - 1)
    const replaced = dossiers.map((d) => (d.dossierId === ended.dossierId ? ended : d))
    assert.deepEqual(now, plainFigures(replaced, '2025-01-01', '2026-11-25'))
  })

  test('a window that has not ended is measured at the end of today', async () => {
    const o = await provinceOverview(database.db, { from: '2025-12-15', to: '2026-12-14', today: '2026-11-26' })
    assert.deepEqual(o.window, { from: '2025-12-15', to: '2026-12-14', measuredTo: '2026-11-26' })
    assert.equal(o.figures.received, plainFigures(dossiers, '2025-12-15', '2026-11-26').received)
    assert.equal(isoDate(dayOf(Date.parse('2026-11-26T03:00:00Z'))), '2026-11-26')
  })
})
