import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { requireTools } from '../support/debian-tools.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { launchChromium, screenshot, serveForBrowser } from './support/browser.ts'

describe(`the citizen portal in Chromium on ${engineName}`, { skip: requireTools('chromium') }, () => {
  let t: TestApp
  let server: { baseUrl: string; close(): Promise<void> }
  let browser: Browser
  let page: Page
  before(async () => {
    t = await createTestApp()
    server = await serveForBrowser(t)
    browser = await launchChromium()
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' })
    page = await context.newPage()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
    await t?.close()
  })

  /** No serious or critical accessibility violations (axe-core) on the current page. */
  async function assertAccessible(name: string) {
    const results = await new AxeBuilder({ page }).analyze()
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    assert.deepEqual(
      bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
      [],
      `${name} has accessibility violations`,
    )
  }

  test('a citizen finds the building permit by typing without diacritics, in Vietnamese first', async () => {
    await page.goto(server.baseUrl)
    assert.equal(await page.getAttribute('html', 'lang'), 'vi')
    const search = page.getByLabel('Tên thủ tục (có thể gõ không dấu)')
    await search.fill('giay phep xay dung')
    await search.press('Enter')
    await page
      .getByText(/Cấp giấy phép xây dựng/)
      .first()
      .waitFor({ timeout: 10_000 })
    await screenshot(page, 'portal-search')
    await assertAccessible('the home page')
  })

  test('the tracking page opened from a receipt’s QR code has the code filled in', async () => {
    await page.goto(`${server.baseUrl}/tra-cuu?ma=333.00.01.H34-261126-0001`)
    await page.getByLabel('Mã hồ sơ').waitFor()
    assert.equal(await page.getByLabel('Mã hồ sơ').inputValue(), '333.00.01.H34-261126-0001')
    await assertAccessible('the tracking page')
  })

  test('the verification page is accessible', async () => {
    await page.goto(`${server.baseUrl}/xac-thuc`)
    await page.getByRole('heading', { name: /Xác thực văn bản/ }).waitFor()
    await assertAccessible('the verification page')
  })
})
