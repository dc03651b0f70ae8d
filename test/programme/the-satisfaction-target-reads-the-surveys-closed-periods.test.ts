import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, test } from 'node:test'
import { closePeriod } from '../../src/store/survey/survey-store.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { answeredPeriod } from '../survey/survey-fixtures.ts'
import { get, programmeId } from './programme-http.ts'

type Row = {
  key: string
  current: { value: number | null; met: boolean | null; source: { kind: string; counters?: string } | null }
}

let t: TestApp
let admin: Record<string, string>
const rowOf = async (year: number) =>
  (await get(t, admin, `/api/programme/${programmeId}/dashboard?year=${year}`))
    .json<{ rows: Row[] }>()
    .rows.find((r) => r.key === 'satisfaction')

before(async () => {
  t = await createTestApp()
  admin = await signedIn(t, { grants: [{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }] })
  const db = t.database.db
  const of = (agencyId: string, name: string, fromDay: string, toDay: string) => ({
    id: randomUUID(),
    name,
    fromDay,
    toDay,
    agencyId,
    enteredBy: 'admin',
  })
  // 2025: satisfied 3 of 5 over two agencies' closed periods (0.6); an open period of all 1s is left out.
  const march = of('so-tu-phap', 'Tháng 3/2025', '2025-03-01', '2025-03-31')
  const september = of('xa-22333', 'Tháng 9/2025', '2025-09-01', '2025-09-30')
  const november = of('so-tu-phap', 'Tháng 11/2025', '2025-11-01', '2025-11-30')
  await answeredPeriod(db, march, [5, 2])
  await answeredPeriod(db, september, [4, 5, 3])
  await answeredPeriod(db, november, [1, 1, 1])
  await closePeriod(db, march.id)
  await closePeriod(db, september.id)
})
after(async () => t.close())

test(`the satisfaction target is the survey's answers pooled over the year's closed periods, naming them, on ${engineName}`, async () => {
  const row = await rowOf(2025)
  assert.deepEqual([row?.current.value, row?.current.met], [0.6, false])
  assert.equal(
    row?.current.source?.counters,
    'SIPAS survey: 5 answer sheets pooled over the closed periods Tháng 3/2025 (2025-03-01 – 2025-03-31); Tháng 9/2025 (2025-09-01 – 2025-09-30)',
  )
})

test('a year without a closed survey period has no satisfaction figure, neither met nor not met', async () => {
  const row = await rowOf(2026)
  assert.deepEqual([row?.current.value, row?.current.met], [null, null])
})
