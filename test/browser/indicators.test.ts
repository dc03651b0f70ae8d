import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { DossierStatus } from '../../src/domain/dossier/status.ts'
import type { DossierFacts } from '../../src/domain/kpi/facts.ts'
import { recordFacts } from '../../src/store/kpi/record-facts.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { browserMissing, launchChromium, screenshot, serveForBrowser } from './support/browser.ts'

const hour = 3_600_000

type Procedure = { code: string; name: string; fieldId: string; agencyId: string }

/** One procedure in force handled by a named agency, and one a commune committee handles. */
async function twoProcedures(t: TestApp): Promise<[Procedure, Procedure]> {
  const db = t.database.db
  const province = await db
    .selectFrom('procedure_versions')
    .select(['procedure_code as code', 'name', 'field_id as fieldId', 'competent_agency_id as agencyId'])
    .where('effective_to', 'is', null)
    .where('level', '=', 'province')
    .where('competent_agency_id', 'is not', null)
    .orderBy('procedure_code')
    .executeTakeFirstOrThrow()
  const commune = await db
    .selectFrom('procedure_versions')
    .select(['procedure_code as code', 'name', 'field_id as fieldId'])
    .where('effective_to', 'is', null)
    .where('level', '=', 'commune')
    .orderBy('procedure_code')
    .executeTakeFirstOrThrow()
  return [
    { ...province, agencyId: province.agencyId ?? '' },
    { ...commune, agencyId: 'xa-22333' },
  ]
}

const day = 24 * hour
const isoDay = (ms: number) => new Date(ms + 7 * hour).toISOString().slice(0, 10)
/** The last hundred days in Vietnam time: the trend shows the whole half-months inside it. */
const period = `from=${isoDay(Date.now() - 100 * day)}&to=${isoDay(Date.now())}`

/** What the indicators know of a dossier received n × 9 days ago, finished or not. */
function facts(
  p: Procedure,
  n: number,
  shape: { online: boolean; late?: boolean; open?: boolean; overdue?: boolean },
): DossierFacts {
  const receivedAt = Date.now() - n * 9 * day - 3 * hour
  const deadlineAt =
    shape.overdue || shape.late ? receivedAt + hour : shape.open ? Date.now() + 48 * hour : receivedAt + 48 * hour
  const done = !shape.open
  return {
    dossierId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    code: `TEST-${n}`,
    origin: 'seed',
    status: done ? DossierStatus.Returned : DossierStatus.Processing,
    agencyId: p.agencyId,
    fieldId: p.fieldId,
    procedureCode: p.code,
    channel: shape.online ? 2 : 1,
    receivedAt,
    deadlineAt,
    supplementRequests: 0,
    secondSupplementAt: null,
    pendingSupplementSince: null,
    end: done ? { kind: 'done', at: receivedAt + 2 * hour } : null,
    workingMinutes: done ? 120 : null,
    feeVnd: 0,
    paidOnline: false,
    resultIsDocument: true,
    eResult: shape.online,
    digitized: true,
    reused: false,
    citizen: true,
    vneid: shape.online,
    rating: done ? 'very_satisfied' : null,
    complaint: false,
    apology: false,
    steps: [],
  }
}

describe(`reform indicators and the II.06a report in Chromium on ${engineName}`, {
  skip: browserMissing ?? false,
}, () => {
  let t: TestApp
  let server: { baseUrl: string; close(): Promise<void> }
  let browser: Browser
  let province: Procedure
  let commune: Procedure

  before(async () => {
    t = await createTestApp()
    ;[province, commune] = await twoProcedures(t)
    await recordFacts(t.database.db, [
      facts(province, 1, { online: true }),
      facts(province, 2, { online: false }),
      facts(province, 3, { online: true, late: true }),
      facts(province, 4, { online: true, open: true }),
      facts(commune, 5, { online: false }),
      facts(commune, 6, { online: true, open: true, overdue: true }),
    ])
    server = await serveForBrowser(t)
    browser = await launchChromium()
  })
  after(async () => {
    await browser?.close()
    await server?.close()
    await t?.close()
  })

  async function monitorPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })
    const res = await context.request.post(`${server.baseUrl}/api/auth/demo-login`, { data: { as: 'monitor' } })
    assert.equal(res.status(), 200, await res.text())
    return context.newPage()
  }

  async function assertAccessible(page: Page, name: string) {
    const results = await new AxeBuilder({ page }).analyze()
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    assert.deepEqual(
      bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      [],
      `${name} has accessibility violations`,
    )
  }

  test('a monitor ranks the agencies by the 766 index and drills down to an agency, a field and its procedures', async () => {
    const page = await monitorPage()
    await page.goto(`${server.baseUrl}/can-bo`)
    await page
      .getByRole('navigation', { name: 'Khu vực cán bộ' })
      .getByRole('link', { name: 'Chỉ số cải cách' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Chỉ số cải cách thủ tục hành chính' }).waitFor()
    await page.goto(`${server.baseUrl}/can-bo/chi-so?${period}`)
    const ranking = page.getByRole('table', { name: /xếp theo Chỉ số phục vụ/ })
    await ranking.waitFor()
    const rows = ranking.locator('tbody tr')
    assert.equal(await rows.count(), 2, 'the two agencies with dossiers')
    const first = ((await rows.first().locator('td').nth(2).textContent()) ?? '').trim()
    assert.match(first, /^\d{1,3}(,\d{1,2})?$/, `an index out of 100 in vi-VN notation: ${first}`)
    await page.getByText('Hồ sơ tiếp nhận').first().waitFor()
    assert.equal(await page.locator('.tile', { hasText: 'Hồ sơ tiếp nhận' }).locator('.tile-value').textContent(), '6')
    await page.locator('.chart .recharts-wrapper').nth(1).waitFor()
    await page.getByText('Xem số liệu theo tháng dạng bảng').click()
    await page.getByRole('table', { name: /theo tháng/ }).waitFor()
    await screenshot(page, 'indicators-dashboard')
    await assertAccessible(page, 'the indicators dashboard')

    const agencyLink = ranking.getByRole('link').filter({ hasNotText: 'Xã' }).first()
    const agencyName = ((await agencyLink.textContent()) ?? '').trim()
    await agencyLink.click()
    await page.waitForURL((url) => url.pathname.startsWith('/can-bo/chi-so/co-quan/') && url.search === `?${period}`)
    await page.getByRole('heading', { level: 1, name: agencyName }).waitFor()
    const fields = page.getByRole('table', { name: /theo lĩnh vực/ })
    await fields.getByRole('link').first().click()
    await page.waitForURL(/field=/)
    const procedures = page.getByRole('table', { name: /theo thủ tục/ })
    await procedures.waitFor()
    assert.match((await procedures.textContent()) ?? '', new RegExp(province.code.replaceAll('.', '\\.')))
  })

  test('the II.06a report shows the form by level with its grand total and links the Excel and PDF files', async () => {
    const page = await monitorPage()
    await page.goto(`${server.baseUrl}/can-bo/bao-cao-ii06a?${period}`)
    const table = page.getByRole('table', { name: /Tình hình giải quyết thủ tục hành chính/ })
    await table.waitFor()
    const total = table.locator('tfoot tr')
    await total.waitFor()
    const cells = (await total.locator('th, td').allTextContents()).map((c) => c.trim())
    // Lĩnh vực; received total, online, in person, carried over; resolved total, early, on time, late; in progress total, within, overdue
    assert.deepEqual(cells, ['Tổng cộng', '6', '4', '2', '0', '4', '3', '0', '1', '2', '1', '1'])
    assert.ok(await table.getByRole('rowheader', { name: 'Cấp tỉnh', exact: true }).isVisible())
    assert.ok(await table.getByRole('rowheader', { name: 'Cấp xã', exact: true }).isVisible())
    const xlsx = await page.getByRole('link', { name: 'Tải Excel (.xlsx)' }).getAttribute('href')
    const pdf = await page.getByRole('link', { name: 'Tải PDF' }).getAttribute('href')
    assert.equal(xlsx, `/api/reports/ii06a.xlsx?${period}`)
    assert.equal(pdf, `/api/reports/ii06a.pdf?${period}`)
    await screenshot(page, 'indicators-ii06a')
    await assertAccessible(page, 'the II.06a report')

    await page.getByLabel('Kỳ báo cáo').selectOption('q1')
    await page.waitForURL(/from=\d{4}-12-15&to=\d{4}-03-14/)
  })

  test('anyone sees the public statistics with the targets, without signing in', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' })
    const page = await context.newPage()
    await page.goto(`${server.baseUrl}/thong-ke?${period}`)
    const received = page.locator('.tile', { hasText: 'Hồ sơ tiếp nhận' }).locator('.tile-value')
    await received.waitFor()
    assert.equal(await received.textContent(), '6')
    assert.match((await page.locator('.targets').textContent()) ?? '', /Tỷ lệ hồ sơ trễ hạn [\d,]+% — chỉ tiêu/)
    await page.getByRole('table', { name: 'Hồ sơ theo lĩnh vực trong kỳ' }).waitFor()
    await assertAccessible(page, 'the public statistics')
  })
})
