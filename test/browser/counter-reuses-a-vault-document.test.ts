import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import { addVaultItem } from '../../src/store/vault/vault-items.ts'
import { requireTools } from '../support/debian-tools.ts'
import { declarationFor } from '../support/declaration-samples.ts'
import type { TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, runOfficeAction, signedInPage } from './support/browser.ts'

// Dùng lại giấy tờ trong kho dữ liệu điện tử (Decree 45/2020/NĐ-CP; Circular 01/2023/TT-VPCP ch. II): the
// applicant at the counter is not asked again for a document already in their vault; the officer picks
// it for the component on the dossier page.

const birthProof =
  'Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh.'
const identityNumber = '056190004321'
const sha = 'ef'.repeat(32)

describe(`the counter reuses a vault document on the dossier page, in Chromium on ${engineName}`, {
  skip: requireTools('chromium'),
}, () => {
  const suite = browserSuite(async (t: TestApp) => {
    const db = t.database.db
    await db
      .insertInto('files')
      .values({ sha256: sha, size: 10, media_type: 'application/pdf', storage_key: sha, created_at: new Date() })
      .execute()
    await addVaultItem(
      db,
      {
        ownerKey: `citizen:${identityNumber}`,
        sha256: sha,
        kind: 'digitized',
        title: `${birthProof} (bản số hóa)`,
        dossierId: null,
        agencyId: 'ttpvhcc-22333',
      },
      new Date(),
    )
  })

  test('the officer picks the applicant’s signed copy for the component it names, and the component is marked reused', async () => {
    const base = suite.baseUrl
    const counter = await signedInPage(suite.browser, base, 'counter_officer', 'ttpvhcc-22333')
    const res = await counter.context.request.post(`${base}/api/dossiers`, {
      headers: { 'x-csrf-token': counter.csrf, 'idempotency-key': randomUUID() },
      data: {
        procedureCode: '1.001193',
        receivingAgencyId: 'ttpvhcc-22333',
        channel: 1,
        applicant: {
          id: 'x',
          kind: 'citizen',
          name: 'Hồ Thị Kho',
          identityNumber,
          phone: null,
          email: null,
          address: null,
        },
        components: [],
        ...declarationFor('1.001193'),
      },
    })
    assert.equal(res.status(), 201, await res.text())
    const walkIn = (await res.json()) as DossierView

    const page = counter.page
    await page.goto(`${base}/can-bo/ho-so/${walkIn.id}`)
    await page.getByRole('heading', { name: 'Thành phần hồ sơ', exact: true }).waitFor()
    await runOfficeAction(page, 'Dùng lại giấy tờ trong kho', async () => {
      const component = page.getByRole('group', { name: birthProof, exact: true })
      await component.getByRole('radio', { name: /\(bản số hóa\) — Bản sao số hóa/ }).check()
      await assertAccessible(page, 'the vault reuse form')
    })
    const components = page.getByRole('region', { name: 'Thành phần hồ sơ', exact: true })
    await components.getByText(`${birthProof} (dùng lại từ kho)`).waitFor()
    const linked = await suite.t.database.db
      .selectFrom('dossier_files')
      .selectAll()
      .where('dossier_id', '=', walkIn.id)
      .execute()
    assert.deepEqual(
      linked.map((f) => [f.component_name, f.sha256]),
      [[birthProof, sha]],
    )
  })
})
