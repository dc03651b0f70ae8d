import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { allocateRegisterNumber } from '../../src/store/documents/document-store.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { act, approvedDocument, sender, sendingOffice } from './document-http.ts'

let t: TestApp
let office: Awaited<ReturnType<typeof sendingOffice>>
before(async () => {
  t = await createTestApp()
  office = await sendingOffice(t)
})
after(() => t.close())

test('50 documents numbered at once get the numbers 1 to 50 of the year, each once', async () => {
  const ids: string[] = []
  for (let i = 0; i < 50; i++) ids.push(await approvedDocument(t, office))
  const numbered = await Promise.all(ids.map((id) => act(t, office.clerk, id, 'numbering')))
  const numbers = numbered.map((r) => r.json().number as number).sort((a, b) => a - b)
  assert.deepEqual(
    numbers,
    Array.from({ length: 50 }, (_, i) => i + 1),
  )
})

test('a numbering rolled back gives its number to the next one (no gap)', async () => {
  const db = t.database.db
  const year = 2031
  await db
    .transaction()
    .execute(async (tx) => {
      await allocateRegisterNumber(tx, sender, 'outgoing', year)
      throw new Error('rolled back')
    })
    .catch(() => undefined)
  const next = await db.transaction().execute((tx) => allocateRegisterNumber(tx, sender, 'outgoing', year))
  assert.equal(next, 1)
})

test('the outgoing and incoming registers and each year count on their own', async () => {
  const db = t.database.db
  const take = (register: 'outgoing' | 'incoming', year: number) =>
    db.transaction().execute((tx) => allocateRegisterNumber(tx, sender, register, year))
  await take('outgoing', 2032)
  assert.deepEqual([await take('incoming', 2032), await take('outgoing', 2033)], [1, 1])
})
