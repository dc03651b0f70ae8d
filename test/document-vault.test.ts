import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { addVaultItem } from '../src/store/vault/vault-items.ts'
import { submitOnline } from './support/http-dossier.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

const sha = 'ab'.repeat(32)

describe(`the document vault on ${engineName}`, () => {
  let t: TestApp
  let citizen: Record<string, string>
  let other: Record<string, string>
  let counter: Record<string, string>
  let mine: string
  let theirs: string
  before(async () => {
    t = await createTestApp()
    citizen = await signedIn(t, { citizen: { identityNumber: '056190007777', name: 'Phạm Thị Kho' } })
    other = await signedIn(t, { citizen: { identityNumber: '056190008888', name: 'Người Khác' } })
    counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    const db = t.database.db
    await db
      .insertInto('files')
      .values({ sha256: sha, size: 10, media_type: 'application/pdf', storage_key: sha, created_at: new Date() })
      .execute()
    mine = await addVaultItem(
      db,
      {
        ownerKey: 'citizen:056190007777',
        sha256: sha,
        kind: 'e_result',
        title: 'Giấy khai sinh (bản điện tử)',
        dossierId: null,
        agencyId: 'xa-22333',
      },
      new Date(),
    )
    theirs = await addVaultItem(
      db,
      {
        ownerKey: 'citizen:056190008888',
        sha256: sha,
        kind: 'e_result',
        title: 'Của người khác',
        dossierId: null,
        agencyId: null,
      },
      new Date(),
    )
  })
  after(async () => t.close())

  const submit = () => submitOnline(t, citizen)
  const reuse = (who: Record<string, string>, d: DossierView, vaultItemId: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/reused-components`,
      headers: { ...who, 'idempotency-key': randomUUID() },
      payload: { expectedVersion: d.version, component: 'Giấy khai sinh', vaultItemId },
    })

  test('a citizen signed in with VNeID sees their own vault only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/vault', headers: citizen })
    assert.deepEqual(
      res.json<{ items: { id: string }[] }>().items.map((i) => i.id),
      [mine],
    )
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/vault', headers: counter })).statusCode, 403)
  })

  test('reusing a vault document flags the component reused and links the file to the dossier', async () => {
    const d = await submit()
    const res = await reuse(citizen, d, mine)
    assert.equal(res.statusCode, 200, res.body)
    const view = res.json<DossierView>()
    assert.deepEqual(
      view.components.filter((c) => c.reused).map((c) => [c.name, c.fileRef]),
      [['Giấy khai sinh', sha]],
    )
    const linked = await t.database.db.selectFrom('dossier_files').selectAll().where('dossier_id', '=', d.id).execute()
    assert.equal(linked.length, 1)
  })

  test('someone else’s vault document cannot be reused, not even by guessing its id', async () => {
    const d = await submit()
    assert.equal((await reuse(citizen, d, theirs)).statusCode, 404)
    assert.equal((await reuse(other, d, mine)).statusCode, 403)
  })

  test('the counter officer reuses the applicant’s document on their behalf', async () => {
    const d = await submit()
    const res = await reuse(counter, d, mine)
    assert.equal(res.statusCode, 200, res.body)
    assert.ok(res.json<DossierView>().components.some((c) => c.reused))
  })
})
