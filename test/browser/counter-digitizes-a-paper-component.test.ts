import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import { requireTools } from '../support/debian-tools.ts'
import { declarationFor } from '../support/declaration-samples.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, runOfficeAction, signedInPage } from './support/browser.ts'

// Số hóa hồ sơ khi tiếp nhận (Decree 107/2021/NĐ-CP amending Decree 61/2018/NĐ-CP; Circular 01/2023/TT-VPCP
// ch. II): the counter scans a paper component the applicant handed in; the digitized copy is signed by
// the unit, attached to the dossier and kept in the applicant's vault.

const birthProof =
  'Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh.'
const identityNumber = '056190004322'
/** A 1×1 PNG: the scanner's image. */
const scan = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

describe(`the counter digitizes a paper component on the dossier page, in Chromium on ${engineName}`, {
  skip: requireTools('chromium'),
}, () => {
  const suite = browserSuite()

  test('the officer scans the paper birth proof: the component is marked digitized and the signed copy joins the vault', async () => {
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
          name: 'Hồ Văn Giấy',
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
    await runOfficeAction(page, 'Số hóa bản giấy', async () => {
      await page.getByRole('combobox', { name: 'Giấy tờ', exact: true }).selectOption(birthProof)
      await page.getByLabel('Bản quét (PDF, JPEG hoặc PNG)').setInputFiles({
        name: 'giay-chung-sinh.png',
        mimeType: 'image/png',
        buffer: scan,
      })
      await assertAccessible(page, 'the digitization form')
    })
    const components = page.getByRole('region', { name: 'Thành phần hồ sơ', exact: true })
    await components.getByText(`${birthProof} (đã số hóa)`).waitFor()
    const vault = await suite.t.database.db
      .selectFrom('vault_items')
      .select(['kind', 'title'])
      .where('owner_key', '=', `citizen:${identityNumber}`)
      .execute()
    assert.deepEqual(vault, [{ kind: 'digitized', title: `${birthProof} (bản số hóa)` }])
  })
})
