import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { catalogueClient } from '../src/adapters/national-portal/catalogue-client.ts'
import { syncCatalogue } from '../src/app/catalogue/sync-catalogue.ts'
import { approveChangeSet } from '../src/store/catalog/change-sets.ts'
import { type FakeNationalCatalogue, startFakeNationalCatalogue } from './support/fake-national-catalogue.ts'
import { submitOnline } from './support/http-dossier.ts'
import { createTestApp, fixedNow, signedIn, type TestApp } from './support/test-app.ts'

let t: TestApp
let fake: FakeNationalCatalogue
let headers: Record<string, string>
before(async () => {
  t = await createTestApp()
  fake = await startFakeNationalCatalogue()
  headers = await signedIn(t, { citizen: { identityNumber: '079090001234', name: 'Nguyễn Thị Lan' } })
})
after(async () => {
  await fake.close()
  await t.close()
})

const pinned = async (id: string) =>
  (
    await t.database.db
      .selectFrom('dossiers')
      .select('procedure_version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).procedure_version

test('a dossier received before an approved sync keeps its version; one received after gets the new one', async () => {
  const earlier = await submitOnline(t, headers)
  const client = catalogueClient({ baseUrl: fake.baseUrl, apiKey: fake.apiKey })
  const { changeSetId } = await syncCatalogue(t.database.db, {
    client,
    sourceUrl: fake.baseUrl,
    by: 'admin',
    now: fixedNow,
    today: '2026-11-26',
  })
  // From today, so that the next submission (at the fixed "now") falls under the new version.
  const outcome = await approveChangeSet(t.database.db, changeSetId, '2026-11-26', { by: 'admin', at: fixedNow })
  assert.equal(outcome.ok, true, JSON.stringify(outcome))
  const later = await submitOnline(t, headers)
  assert.deepEqual([await pinned(earlier.id), await pinned(later.id)], [1, 2])
})
