import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { draft, sendingOffice } from './document-http.ts'

let t: TestApp
let office: Awaited<ReturnType<typeof sendingOffice>>
before(async () => {
  t = await createTestApp()
  office = await sendingOffice(t)
})
after(() => t.close())

test('a draft to an unknown agency answers a Vietnamese and English problem and writes no document', async () => {
  const refused = await draft(t, office.specialist, { recipients: [{ kind: 'agency', agencyId: 'khong-co' }] })
  const count = await t.database.db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  assert.deepEqual(
    [
      refused.statusCode,
      refused.headers['content-type'],
      refused.json().title,
      refused.json().en.title,
      Number(count.n),
    ],
    [400, 'application/problem+json; charset=utf-8', 'Nơi nhận không hợp lệ', 'Invalid recipient', 0],
  )
})

test('a leader may not draft: drafting is a specialist’s (Decree 30/2020 Art. 10)', async () => {
  assert.equal((await draft(t, office.leader)).statusCode, 403)
})
