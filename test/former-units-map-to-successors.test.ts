import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import type { OpenDatabase } from '../src/store/database.ts'
import { importHistory } from '../src/store/kpi/import-history.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

// rules.md §7: dossiers and indicators of abolished or merged units map to their successors. Before
// 1 July 2025 a dossier was processed by a district or by a Ninh Thuận body (Nghị quyết 202/2025/QH15,
// 1667/NQ-UBTVQH15); the history file names that unit by the code it had (illustrative codes of the demo).

let open: OpenDatabase

before(async () => {
  open = await createTestDatabase()
})
after(async () => {
  await open.close()
})

const line = (unitCode: string, procedure: string) =>
  JSON.stringify({
    code: `${unitCode}-250505-0001`,
    procedure,
    agency: unitCode,
    channel: 'counter',
    receivedAt: '2025-05-05T08:00:00+07:00',
    appointmentAt: '2025-05-08T17:00:00+07:00',
    events: [{ type: 'done', at: '2025-05-07T10:00:00+07:00' }],
  })

async function countedAt(unitCode: string, procedure: string): Promise<string | undefined> {
  const summary = await importHistory(open.db, [line(unitCode, procedure)], {
    workingDays: workingDaysFromDatabase(open.db),
  })
  assert.deepEqual(summary.rejected, [])
  const row = await open.db
    .selectFrom('kpi_dossiers')
    .select('agency_id')
    .where('code', '=', `${unitCode}-250505-0001`)
    .executeTakeFirst()
  return row?.agency_id
}

test(`a dossier of Ninh Thuận's Sở Tư pháp counts at Khánh Hòa's Sở Tư pháp (${engineName})`, async () => {
  assert.equal(await countedAt('000.00.02.H58', '2.000635'), 'so-tu-phap')
})

test('a dossier of the former Huyện Trường Sa counts at the special zone that replaced it whole', async () => {
  assert.equal(await countedAt('000.00.76.H34', '1.001193'), 'xa-22736')
})

test('a dossier of the former Huyện Cam Lâm, divided among four communes, counts at the provincial committee', async () => {
  assert.equal(await countedAt('000.00.70.H34', '1.001193'), 'ubnd-tinh')
})
