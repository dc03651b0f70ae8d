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

  test('after a client-side navigation focus is on the new page’s h1 (not on the first load)', async () => {
    await page.goto(server.baseUrl)
    await page.getByRole('heading', { level: 1 }).waitFor()
    assert.equal(await page.evaluate('document.activeElement?.tagName'), 'BODY')
    await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Tra cứu hồ sơ' }).click()
    await page.getByRole('heading', { level: 1, name: 'Tra cứu tình trạng hồ sơ' }).waitFor()
    const focused = page.locator('h1:focus')
    await focused.waitFor({ timeout: 10_000 })
    assert.equal(await focused.textContent(), 'Tra cứu tình trạng hồ sơ')
    assert.equal(await focused.getAttribute('tabindex'), '-1')
  })

  test('a bad submission marks each invalid field and lists it in a role=alert summary linked to it', async () => {
    await page.goto(`${server.baseUrl}/tra-cuu`)
    await page.getByLabel('Mã hồ sơ').fill('333.00.01.H34-261126-0001')
    await page.getByLabel('4 số cuối điện thoại hoặc giấy tờ tùy thân').fill('12a')
    await page.getByRole('button', { name: 'Tra cứu' }).click()
    const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi trong biểu mẫu' })
    await summary.waitFor()
    const verifier = page.getByLabel('4 số cuối điện thoại hoặc giấy tờ tùy thân')
    assert.equal(await verifier.getAttribute('aria-invalid'), 'true')
    assert.equal(await page.getByLabel('Mã hồ sơ').getAttribute('aria-invalid'), null)
    const links = summary.getByRole('link')
    assert.equal(await links.count(), 1)
    const target = (await links.first().getAttribute('href'))?.slice(1) ?? ''
    assert.equal(target, await verifier.getAttribute('id'))
    const describedBy = (await verifier.getAttribute('aria-describedby')) ?? ''
    const message = await page.locator(`[id="${describedBy}"]`).textContent()
    assert.match(message ?? '', /không đúng định dạng/)
    await links.first().click()
    assert.equal(await page.locator(':focus').getAttribute('id'), target)
    await assertAccessible('the tracking form with an error')
  })

  test('on a 1280 px screen the search field is full width with its label on one line', async () => {
    const wide = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    try {
      await wide.goto(server.baseUrl)
      const field = wide.getByLabel('Tên thủ tục (có thể gõ không dấu)')
      await field.waitFor()
      const box = await field.boundingBox()
      assert.ok(box && box.width >= 600, `the search field is ${box?.width} px wide`)
      const label = wide.locator('label', { hasText: 'Tên thủ tục (có thể gõ không dấu)' })
      // One line: as tall as the one-word label of the field filter beside it.
      const oneLine = await wide.locator('label', { hasText: /^Lĩnh vực$/ }).boundingBox()
      const height = (await label.boundingBox())?.height
      assert.ok(
        oneLine && height !== undefined && Math.abs(height - oneLine.height) < 2,
        `the label is ${height} px tall`,
      )
    } finally {
      await wide.close()
    }
  })

  test('the procedure page shows each fee line once and its document groups without a doubled colon', async () => {
    await page.goto(`${server.baseUrl}/thu-tuc/1.004837`)
    await page.getByRole('heading', { level: 1, name: /giám hộ/ }).waitFor()
    const fees = await page.locator('h2:has-text("Phí, lệ phí") + ul > li').allTextContents()
    assert.ok(fees.length >= 2, `fee lines: ${fees.join(' | ')}`)
    assert.equal(new Set(fees).size, fees.length, `a fee line is repeated: ${fees.join(' | ')}`)
    const text = (await page.locator('main').textContent()) ?? ''
    assert.doesNotMatch(text, /::/)
    assert.match(text, /Giấy tờ phải xuất trình:/)
    await assertAccessible('the procedure page')
  })
})
