import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import { requireTools } from '../support/debian-tools.ts'
import { runCommand } from '../support/http-dossier.ts'
import { submitMarriage } from '../support/marriage-declaration.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { launchChromium, screenshot, serveForBrowser } from './support/browser.ts'

describe(`the officer's view of a declaration in Chromium on ${engineName}`, { skip: requireTools('chromium') }, () => {
  let t: TestApp
  let server: { baseUrl: string; close(): Promise<void> }
  let browser: Browser
  let page: Page
  let d: DossierView

  /**
   * A marriage dossier whose groom's birth date the specialist asked to correct and the counter received
   * corrected, back with the (demo) specialist for appraisal.
   */
  before(async () => {
    t = await createTestApp()
    server = await serveForBrowser(t)
    browser = await launchChromium()
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })
    const login = await context.request.post(`${server.baseUrl}/api/auth/demo-login`, {
      data: { as: 'specialist', agencyId: 'xa-22333' },
    })
    assert.equal(login.status(), 200, await login.text())
    const specialist = (await (await context.request.get(`${server.baseUrl}/api/auth/session`)).json()) as {
      user: { id: string; name: string }
    }
    const citizen = await signedIn(t, { citizen: { identityNumber: '056198001234', name: 'Nguyễn Thị Hồng Nhung' } })
    const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    const leader = await signedIn(t, { grants: [{ role: 'leader', agencyId: 'xa-22333' }] })
    const asSpecialist = await signedIn(t, { grants: [{ role: 'specialist', agencyId: 'xa-22333' }] })
    d = await runCommand(t, counter, await submitMarriage(t, citizen), 'reception')
    d = await runCommand(t, counter, d, 'transfer')
    d = await runCommand(t, leader, d, 'assignment', {
      assigneeId: specialist.user.id,
      assigneeName: specialist.user.name,
    })
    d = await runCommand(t, asSpecialist, d, 'supplement-requests', {
      items: ['Ngày sinh bên nam'],
      reason: 'Ngày sinh bên nam không khớp hộ chiếu',
      fields: ['husband/birthDate'],
    })
    d = await runCommand(t, counter, d, 'supplements', {
      components: [],
      corrections: [{ path: 'husband/birthDate', value: '1995-11-21' }],
    })
    assert.deepEqual(d.declaration?.changedPaths, ['husband/birthDate'])
    page = await context.newPage()
    await page.goto(`${server.baseUrl}/can-bo/ho-so/${d.code}`)
    await page.getByRole('heading', { name: 'Tờ khai', exact: true }).waitFor()
    await page.getByText('Kim Min-jun').waitFor()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
    await t?.close()
  })

  test('the declaration reads by the form’s sections and labels, Vietnamese first, values as on paper', async () => {
    const groom = page.getByRole('region', { name: /Thông tin bên nam/ })
    await groom.getByText('Hàn Quốc').waitFor()
    assert.ok(await groom.getByText('Họ, chữ đệm, tên').first().isVisible())
    assert.ok(await groom.getByText('/ Full name').first().isVisible())
    assert.ok(await groom.getByText('7 Lê Thánh Tôn, Phường Bắc Nha Trang, Tỉnh Khánh Hòa').isVisible())
  })

  test('the corrected field carries a "đã sửa" marker in words, and only that field', async () => {
    const markers = page.locator('mark.corrected-mark')
    assert.equal(await markers.count(), 1)
    assert.equal(await markers.textContent(), 'đã sửa')
    const field = page.locator('.corrected-field')
    assert.match((await field.textContent()) ?? '', /Ngày, tháng, năm sinh.*21\/11\/1995.*đã sửa/)
    await screenshot(page, 'office-declaration')
  })

  test('no serious or critical accessibility violation on the dossier page with its declaration', async () => {
    const results = await new AxeBuilder({ page }).analyze()
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    assert.deepEqual(
      bad.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join('; ')})`,
      ),
      [],
    )
  })

  test('approving the appraisal asks for the result’s decision fields and records them', async () => {
    await page.getByRole('button', { name: 'Thẩm định', exact: true }).click()
    await page.getByLabel('Số / Number').fill('125')
    await page.getByLabel('Quyển số / Book').fill('01/2026')
    await page.getByLabel('Ngày đăng ký / Date of registration').fill('2026-11-26')
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click()
    await page.getByText('Đã thực hiện').first().waitFor({ timeout: 10_000 })
    const row = await t.database.db
      .selectFrom('dossiers')
      .select('state')
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(row.state?.decision, { registrationNumber: '125', book: '01/2026', registeredOn: '2026-11-26' })
  })
})
