import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { requireTools } from '../support/debian-tools.ts'
import { demoFormOf } from '../support/declaration-samples.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, signedInPage } from './support/browser.ts'
import { fillDeclaration } from './support/declaration-filler.ts'

// Decree 118/2025/NĐ-CP (tiếp nhận không phụ thuộc địa giới hành chính): any one-stop unit of the
// province receives a listed procedure; a commune procedure is then decided by the commune chosen, by
// default the receiving unit's own — at the provincial centre, which has none, the counter must choose.

/** Chứng thực bản sao từ bản chính: listed for reception anywhere in the province (anyLocation). */
const procedure = '2.000815'
const example = (demoFormOf(procedure)?.schema.examples as Record<string, unknown>[] | undefined)?.[0] ?? {}
const communeLabel = 'Xã, phường, đặc khu có thẩm quyền giải quyết'

describe(`the competent commune of an any-location dossier at the counter, in Chromium on ${engineName}`, {
  skip: requireTools('chromium'),
}, () => {
  const suite = browserSuite()

  /** The walk-in page at `agencyId` with the procedure chosen and the applicant's declaration typed in. */
  async function walkIn(agencyId: string): Promise<Page> {
    const { page } = await signedInPage(suite.browser, suite.baseUrl, 'counter_officer', agencyId)
    await page.goto(`${suite.baseUrl}/can-bo/tiep-nhan`)
    await page.getByLabel('Thủ tục').fill('chung thuc ban sao')
    await page
      .getByRole('button', { name: /^Chứng thực bản sao từ bản chính/ })
      .first()
      .click()
    await page.getByLabel('Họ và tên').fill('Phạm Văn Khác Xã')
    await fillDeclaration(page, example)
    return page
  }

  async function processingAgencyOf(code: string): Promise<unknown> {
    const row = await suite.t.database.db
      .selectFrom('dossiers')
      .select('state')
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
    return [row.state?.competentAgencyId, row.state?.processingAgencyId]
  }

  test('at a commune’s unit the counter’s own commune is the default, and another of the province may be chosen', async () => {
    const page = await walkIn('ttpvhcc-22333')
    const commune = page.getByLabel(communeLabel)
    assert.equal(await commune.inputValue(), 'xa-22333')
    await commune.selectOption({ label: 'Phường Nha Trang' })
    await assertAccessible(page, 'the walk-in form of an any-location procedure')
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click()
    const heading = page.getByRole('heading', { name: /^Mã hồ sơ: / })
    await heading.waitFor({ timeout: 10_000 })
    const code = ((await heading.textContent()) ?? '').replace('Mã hồ sơ: ', '')
    assert.deepEqual(await processingAgencyOf(code), ['xa-22366', 'xa-22366'])
  })

  test('at the provincial centre a dossier without a commune is refused in Vietnamese, then received once one is chosen', async () => {
    const page = await walkIn('ttpvhcc-tinh')
    const commune = page.getByLabel(communeLabel)
    assert.equal(await commune.inputValue(), '')
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click()
    await page
      .getByRole('alert')
      .getByText(/Hãy chọn xã, phường, đặc khu có thẩm quyền giải quyết hồ sơ/)
      .waitFor({ timeout: 10_000 })
    await commune.selectOption({ label: 'Phường Bắc Nha Trang' })
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click()
    const heading = page.getByRole('heading', { name: /^Mã hồ sơ: / })
    await heading.waitFor({ timeout: 10_000 })
    const code = ((await heading.textContent()) ?? '').replace('Mã hồ sơ: ', '')
    assert.deepEqual(await processingAgencyOf(code), ['xa-22333', 'xa-22333'])
  })
})
