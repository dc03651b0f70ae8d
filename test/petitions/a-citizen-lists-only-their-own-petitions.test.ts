import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { PetitionView } from '../../src/http/schemas/petition-view.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { submit } from './petition-http.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(async () => t.close())

// rules.md "Petitions": a signed-in citizen's petition is theirs; "Của tôi" lists theirs and nobody else's.
test(`GET /api/petitions/mine lists the signed-in citizen's own petitions, newest first, with their actions on ${engineName}`, async () => {
  const mine = await signedIn(t, { citizen: { identityNumber: '056190007781', name: 'Đỗ Thị Của' } })
  const other = await signedIn(t, { citizen: { identityNumber: '056190007782', name: 'Vũ Văn Khác' } })
  const first = (await submit(t, mine, { title: 'Thứ nhất' })).json<PetitionView>()
  const second = (await submit(t, mine, { title: 'Thứ hai' })).json<PetitionView>()
  await submit(t, other, { title: 'Của người khác' })
  await submit(t, {}, { title: 'Ẩn danh' })
  const res = await t.app.inject({ method: 'GET', url: '/api/petitions/mine', headers: mine })
  assert.equal(res.statusCode, 200, res.body)
  const items = res.json<{ items: PetitionView[] }>().items
  assert.deepEqual(
    items.map((p) => [p.code, p.availableActions.includes('consent-to-publish')]),
    [
      [second.code, true],
      [first.code, true],
    ],
  )
})
