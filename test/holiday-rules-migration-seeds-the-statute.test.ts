import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { statutoryHolidayRules } from '../src/domain/calendar/statutory-holiday-rules.ts'
import { listHolidayRules } from '../src/store/calendar/holiday-rules.ts'
import type { OpenDatabase } from '../src/store/database.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

// Labour Code 2012 Art. 115(1), Labour Code 2019 Art. 112(1) and Nghị quyết 28/2026/QH16: migration
// 0021 seeds exactly the rules motcua ships (and uses without a database).
let database: OpenDatabase
before(async () => {
  database = await createTestDatabase()
})
after(async () => database.close())

test(`migration 0021 seeds the shipped statutory holiday rules on ${engineName}`, async () => {
  const stored = (await listHolidayRules(database.db)).map((r) => r.rule)
  const byId = (rules: readonly { id: string }[]) => [...rules].sort((a, b) => (a.id < b.id ? -1 : 1))
  assert.deepEqual(byId(stored), byId(statutoryHolidayRules))
})
