import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import { type Consumer, PermanentFailure } from '../../src/jobs/consumer.ts'
import { relayOnce } from '../../src/jobs/outbox-relay.ts'
import { requireTools } from '../support/debian-tools.ts'
import { submitOnline } from '../support/http-dossier.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, launchChromium, screenshot, serveForBrowser } from './support/browser.ts'

const refusal = 'MaTTHC không hợp lệ'
const webhookId = '5b0e7c1a-2f7d-4a47-9c55-0d3e1f6a8b21'

/** A partner that refuses every message of one dossier as malformed: the relay gives up at once. */
function refusing(name: string, dossierId: string): Consumer {
  return {
    name,
    accepts: (m) => m.key === dossierId,
    async deliver() {
      throw new PermanentFailure(refusal)
    },
  }
}

describe(`the failed partner deliveries page in Chromium on ${engineName}`, { skip: requireTools('chromium') }, () => {
  let t: TestApp
  let server: { baseUrl: string; close(): Promise<void> }
  let browser: Browser
  let dossier: DossierView

  before(async () => {
    t = await createTestApp()
    const citizen = await signedIn(t, { citizen: { identityNumber: '056190007777', name: 'Lê Văn Gửi Lại' } })
    dossier = await submitOnline(t, citizen)
    const stats = await relayOnce(t.database.db, [
      refusing('national-portal', dossier.id),
      refusing(`webhook:${webhookId}`, dossier.id),
    ])
    assert.equal(stats.dead, 2, 'the first message of the dossier dead for both partners')
    server = await serveForBrowser(t)
    browser = await launchChromium()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
    await t?.close()
  })

  async function signedInPage(as: 'provincial_admin' | 'monitor'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })
    const res = await context.request.post(`${server.baseUrl}/api/auth/demo-login`, { data: { as } })
    assert.equal(res.status(), 200, await res.text())
    return context.newPage()
  }

  const deliveryState = async (consumer: string) =>
    (
      await t.database.db
        .selectFrom('outbox_deliveries')
        .select('state')
        .where('consumer', '=', consumer)
        .where('message_key', '=', dossier.id)
        .orderBy('message_id')
        .executeTakeFirstOrThrow()
    ).state

  test('a provincial administrator sees the failed messages and re-sends them', async () => {
    const page = await signedInPage('provincial_admin')
    await page.goto(`${server.baseUrl}/can-bo`)
    await page
      .getByRole('navigation', { name: 'Khu vực cán bộ' })
      .getByRole('link', { name: 'Tin gửi thất bại' })
      .click()
    await page.waitForURL((url) => url.pathname === '/can-bo/tin-that-bai')
    await page.getByRole('heading', { level: 1, name: 'Tin gửi đối tác thất bại' }).waitFor()
    await page.getByText(/giữ lại các tin sau của cùng hồ sơ/).waitFor()

    const table = page.getByRole('table', { name: /Tin gửi đối tác thất bại/ })
    await table.waitFor()
    const rows = table.locator('tbody tr')
    assert.equal(await rows.count(), 2)
    const portalRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Cổng DVCQG' }) })
    const webhookRow = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: `Webhook ${webhookId}` }) })
    const portalText = (await portalRow.textContent()) ?? ''
    assert.ok(portalText.includes(dossier.code ?? `Chưa cấp mã (${dossier.id.slice(0, 8)}…)`), portalText)
    assert.ok(portalText.includes(refusal), portalText)
    assert.ok(portalText.includes('dossier.'), portalText)
    assert.equal(
      await portalRow.getByRole('link').getAttribute('href'),
      `/can-bo/ho-so/${encodeURIComponent(dossier.code ?? dossier.id)}`,
    )
    await webhookRow.waitFor()
    await screenshot(page, 'office-dead-letters')
    await assertAccessible(page, 'the failed deliveries page')

    await portalRow.getByRole('button', { name: 'Gửi lại' }).click()
    await page.getByRole('status').filter({ hasText: 'vào hàng đợi gửi lại' }).waitFor()
    await portalRow.waitFor({ state: 'detached' })
    assert.equal(await rows.count(), 1, 'only the webhook’s message is left')
    assert.equal(await deliveryState('national-portal'), 'pending')
    assert.equal(await deliveryState(`webhook:${webhookId}`), 'dead')
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject', 'like', 'delivery:national-portal:%')
      .execute()
    assert.deepEqual(
      audit.map((a) => a.action),
      ['outbox.redriven'],
    )

    await webhookRow.getByRole('button', { name: 'Gửi lại' }).click()
    await page.getByText('Không có tin nào gửi thất bại').waitFor()
    assert.equal(await deliveryState(`webhook:${webhookId}`), 'pending')
    assert.match((await page.getByRole('status').first().textContent()) ?? '', /Webhook/)
    await assertAccessible(page, 'the failed deliveries page, empty')
  })

  test('only provincial administrators have the page', async () => {
    const page = await signedInPage('monitor')
    await page.goto(`${server.baseUrl}/can-bo/tin-that-bai`)
    await page.getByText('Chức năng này dành cho quản trị viên cấp tỉnh.').waitFor()
    const nav = page.getByRole('navigation', { name: 'Khu vực cán bộ' })
    await nav.waitFor()
    assert.equal(await nav.getByRole('link', { name: 'Tin gửi thất bại' }).count(), 0)
  })
})
