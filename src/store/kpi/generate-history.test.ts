import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'kysely'
import { createTestDatabase } from '../../../test/support/test-database.ts'
import { dayOf } from '../../domain/calendar/local-time.ts'
import { isWorkingDay } from '../../domain/calendar/working-days.ts'
import { parseDossierCode } from '../../domain/dossier/dossier-code.ts'
import { Channel } from '../../domain/dossier/status.ts'
import type { DossierFacts } from '../../domain/kpi/facts.ts'
import { workingDaysFromDatabase } from '../calendar/working-days-cache.ts'
import type { OpenDatabase } from '../database.ts'
import { seededRandom } from '../dossiers/seed-dossiers.ts'
import { accumulate, type CountDeltas } from './count-rows.ts'
import { factsOfRow } from './facts-rows.ts'
import { generateHistory } from './generate-history.ts'

let open: OpenDatabase
let facts: DossierFacts[]
const count = 2000

before(async () => {
  open = await createTestDatabase()
  await generateHistory(open.db, {
    count,
    from: '2024-01-01',
    to: '2026-11-25',
    random: seededRandom(7),
    workingDays: workingDaysFromDatabase(open.db),
    countBatch: 700,
  })
  facts = (await open.db.selectFrom('kpi_dossiers').selectAll().execute()).map(factsOfRow)
})
after(async () => {
  await open.close()
})

test('generates the asked number of dossiers with unique, well-formed codes', () => {
  assert.equal(facts.length, count)
  assert.equal(new Set(facts.map((f) => f.code)).size, count)
  for (const f of facts) assert.ok(parseDossierCode(f.code), f.code)
  assert.ok(facts.every((f) => f.origin === 'seed' && f.dossierId === `seed:${f.code}`))
})

test('the stored counters are exactly what the stored facts contribute', async () => {
  const expected: CountDeltas = new Map()
  for (const f of facts) accumulate(expected, f, 1)
  const rows = await sql<Record<string, string | number>>`SELECT * FROM kpi_counts`.execute(open.db)
  const stored = new Map(
    rows.rows.map((r) => [
      `${r.depth}|${r.grain}|${r.period}|${r.agency_id}|${r.field_id}|${r.procedure_code}`,
      Object.fromEntries(Object.entries(r).filter(([, v]) => typeof v === 'number' && v !== 0)),
    ]),
  )
  assert.equal(stored.size, expected.size)
  for (const [key, cols] of expected) {
    const want = Object.fromEntries([...cols].filter(([, v]) => v !== 0))
    const got = { ...stored.get(key) }
    delete got.depth
    assert.deepEqual(got, want, key)
  }
})

test('no dossier is received on a day off, so none during the Tết holiday', async () => {
  const days = await workingDaysFromDatabase(open.db).current()
  const offDays = facts.filter((f) => !isWorkingDay(days, dayOf(f.receivedAt)))
  assert.deepEqual(
    offDays.map((f) => f.code),
    [],
  )
})

test('the online share, supplements, lateness and ratings stay in realistic bounds', () => {
  const share = (pick: (f: DossierFacts) => boolean, of = facts) => of.filter(pick).length / of.length
  const online = share((f) => f.channel === Channel.Online)
  assert.ok(online > 0.3 && online < 0.75, `online share ${online}`)
  const supplemented = share((f) => f.supplementRequests > 0)
  assert.ok(supplemented > 0.04 && supplemented < 0.12, `supplement share ${supplemented}`)
  const done = facts.filter((f) => f.end?.kind === 'done')
  const late = share((f) => f.deadlineAt !== null && (f.end?.at ?? 0) > f.deadlineAt, done)
  assert.ok(late > 0.02 && late < 0.1, `late share ${late}`)
  const rated = share((f) => f.rating !== null, done)
  assert.ok(rated > 0.5 && rated < 0.7, `rated share ${rated}`)
  assert.ok(
    facts.some((f) => f.end === null),
    'some dossiers are still open at the end of the span',
  )
})
