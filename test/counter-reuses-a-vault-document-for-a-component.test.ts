import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { addVaultItem } from '../src/store/vault/vault-items.ts'
import { runCommand, submitOnline } from './support/http-dossier.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

// Dùng lại giấy tờ trong kho dữ liệu điện tử (Decree 45/2020/NĐ-CP; Circular 01/2023/TT-VPCP ch. II): at
// the counter the officer sees, for each component, the applicant's stored documents that stand for it
// and reuses one instead of asking for the paper again, while availableActions offers reuse-component.

const birthProof =
  'Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh.'
const sha = 'cd'.repeat(32)

type Reusable = { components: { name: string; form: string | null; items: { id: string; title: string }[] }[] }

describe(`the counter reuses a vault document for a component, on ${engineName}`, () => {
  let t: TestApp
  let citizen: Record<string, string>
  let counter: Record<string, string>
  let scan: string
  let result: string
  before(async () => {
    t = await createTestApp()
    citizen = await signedIn(t, { citizen: { identityNumber: '056190006666', name: 'Đặng Thị Kho' } })
    counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    const db = t.database.db
    await db
      .insertInto('files')
      .values({ sha256: sha, size: 10, media_type: 'application/pdf', storage_key: sha, created_at: new Date() })
      .execute()
    const owned = { ownerKey: 'citizen:056190006666', sha256: sha, dossierId: null, agencyId: 'ttpvhcc-22333' }
    scan = await addVaultItem(db, { ...owned, kind: 'digitized', title: `${birthProof} (bản số hóa)` }, new Date())
    result = await addVaultItem(
      db,
      { ...owned, kind: 'e_result', title: 'Giấy khai sinh — 22333-2601-0001' },
      new Date(),
    )
  })
  after(async () => t.close())

  const reusable = (d: DossierView) =>
    t.app.inject({ method: 'GET', url: `/api/dossiers/${d.id}/reusable-documents`, headers: counter })
  const reuse = (d: DossierView, component: string, vaultItemId: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/reused-components`,
      headers: { ...counter, 'idempotency-key': randomUUID() },
      payload: { expectedVersion: d.version, component, vaultItemId },
    })

  test('each component lists the applicant’s documents that stand for it, and the officer reuses one', async () => {
    const d = await submitOnline(t, citizen)
    const res = await reusable(d)
    assert.equal(res.statusCode, 200, res.body)
    const components = res.json<Reusable>().components
    assert.deepEqual(
      components.find((c) => c.name === birthProof)?.items.map((i) => i.id),
      [scan],
    )
    assert.ok(
      components.every((c) => c.form !== 'presented'),
      'documents to present are not kept, so not listed',
    )
    assert.ok(
      components.every((c) => !c.items.some((i) => i.id === result)),
      'no component names the birth certificate',
    )
    const reused = await reuse(d, birthProof, scan)
    assert.equal(reused.statusCode, 200, reused.body)
    assert.deepEqual(
      reused.json<DossierView>().components.map((c) => [c.name, c.reused, c.fileRef]),
      [[birthProof, true, sha]],
    )
  })

  test('a document that does not stand for the component is refused (vaultItemDoesNotFit)', async () => {
    const d = await submitOnline(t, citizen)
    const res = await reuse(d, birthProof, result)
    assert.equal(res.statusCode, 422, res.body)
    assert.equal(res.json<{ type: string }>().type, 'urn:motcua:problem:vaultItemDoesNotFit')
  })

  test('once the dossier has gone to the deciding agency, reuse is not offered (409 reuseNotOffered, vi/en)', async () => {
    const received = await runCommand(t, counter, await submitOnline(t, citizen), 'reception')
    const processing = await runCommand(t, counter, received, 'transfer')
    const res = await reusable(processing)
    assert.equal(res.statusCode, 409, res.body)
    const body = res.json<{ type: string; title: string; en: { title: string } }>()
    assert.equal(body.type, 'urn:motcua:problem:reuseNotOffered')
    assert.equal(body.title, 'Không thể dùng lại giấy tờ trong kho')
    assert.equal(body.en.title, 'Vault documents cannot be reused here')
  })
})
