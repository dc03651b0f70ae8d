import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { catalogueClient } from '../../src/adapters/national-portal/catalogue-client.ts'
import { syncCatalogue } from '../../src/app/catalogue/sync-catalogue.ts'
import { requireTools } from '../support/debian-tools.ts'
import { type FakeNationalCatalogue, startFakeNationalCatalogue } from '../support/fake-national-catalogue.ts'
import { fixedNow } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, screenshot, signedInPage } from './support/browser.ts'

describe(`the catalogue sync page in Chromium on ${engineName}`, { skip: requireTools('chromium') }, () => {
  let fake: FakeNationalCatalogue | undefined
  const suite = browserSuite(async (t) => {
    fake = await startFakeNationalCatalogue()
    await syncCatalogue(t.database.db, {
      client: catalogueClient({ baseUrl: fake.baseUrl, apiKey: fake.apiKey }),
      sourceUrl: fake.baseUrl,
      by: 'admin',
      now: fixedNow,
      today: '2026-11-26',
    })
  })
  after(async () => fake?.close())

  test('the provincial administrator sees each difference before → after and approves the change set', async () => {
    const { page } = await signedInPage(suite.browser, suite.baseUrl, 'provincial_admin')
    await page.goto(`${suite.baseUrl}/can-bo`)
    await page
      .getByRole('navigation', { name: 'Khu vực cán bộ' })
      .getByRole('link', { name: 'Đồng bộ danh mục TTHC' })
      .click()
    await page.getByRole('heading', { level: 1, name: /Đồng bộ danh mục thủ tục hành chính/ }).waitFor()
    await page.getByRole('button', { name: 'Xem bộ số 1' }).click()
    const diff = page.getByRole('table', { name: 'Các thông tin khác nhau của thủ tục 1.001193' })
    // The demo's 1.001193 already has its statutory limit, so the publishing decision is what the sync changes.
    await diff.getByRole('rowheader', { name: 'publication.decision' }).waitFor()
    await page.getByText('1.099999').waitFor()
    await screenshot(page, 'office-catalogue-sync')
    await assertAccessible(page, 'the catalogue sync page')
    await page.getByLabel(/Ngày bắt đầu áp dụng/).fill('2026-12-01')
    await page.getByRole('button', { name: 'Phê duyệt toàn bộ' }).click()
    await page.getByRole('status').filter({ hasText: 'Đã phê duyệt bộ thay đổi số 1.' }).waitFor()
    const v2 = await suite.t.database.db
      .selectFrom('procedure_versions')
      .select('effective_from')
      .where('procedure_code', '=', '1.001193')
      .where('version', '=', 2)
      .executeTakeFirst()
    assert.equal(v2?.effective_from, '2026-12-01')
  })
})
