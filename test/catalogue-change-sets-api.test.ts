import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { catalogueClient } from '../src/adapters/national-portal/catalogue-client.ts'
import { type FakeNationalCatalogue, startFakeNationalCatalogue } from './support/fake-national-catalogue.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

type ChangeSet = { id: number; status: string; items: { kind: string; code: string }[]; effectiveFrom: string | null }

describe(`catalogue change sets over HTTP on ${engineName}`, () => {
  let t: TestApp
  let fake: FakeNationalCatalogue
  let admin: Record<string, string>
  before(async () => {
    fake = await startFakeNationalCatalogue()
    t = await createTestApp({
      catalogueSource: {
        client: catalogueClient({ baseUrl: fake.baseUrl, apiKey: fake.apiKey }),
        sourceUrl: fake.baseUrl,
      },
    })
    admin = await signedIn(t, { grants: [{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }], name: 'Quản Trị' })
  })
  after(async () => {
    await t.close()
    await fake.close()
  })

  const sync = async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/catalogue/change-sets', headers: admin })
    assert.equal(res.statusCode, 201, res.body)
    return res.json<ChangeSet>()
  }
  const approve = (id: number, body: object = {}) =>
    t.app.inject({ method: 'POST', url: `/api/catalogue/change-sets/${id}/approval`, headers: admin, payload: body })

  test('a sync answers the change set with its items, pending', async () => {
    const set = await sync()
    assert.deepEqual([set.status, set.items.map((i) => i.kind)], ['pending', ['repealed', 'changed', 'new']])
  })

  test('approval without a date applies from the day after (Vietnam time)', async () => {
    const set = await sync()
    const res = await approve(set.id)
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual([res.json<ChangeSet>().status, res.json<ChangeSet>().effectiveFrom], ['approved', '2026-11-27'])
  })

  test('approving a change set computed before the last approval is a 409 in Vietnamese and English', async () => {
    const older = await sync()
    const newer = await sync()
    assert.equal((await approve(newer.id, { effectiveFrom: '2026-12-01' })).statusCode, 200)
    const res = await approve(older.id, { effectiveFrom: '2026-12-02' })
    const body = res.json<{ type: string; title: string; en: { title: string } }>()
    assert.deepEqual(
      [res.statusCode, body.type, body.title, body.en.title],
      [409, 'urn:motcua:problem:catalogueChangeSetStale', 'Bộ thay đổi đã cũ', 'Change set is stale'],
    )
  })

  test('an unknown change set is a 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/catalogue/change-sets/9999', headers: admin })
    assert.equal(res.statusCode, 404)
  })
})
