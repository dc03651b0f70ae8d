import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { DossierStatus } from '../../src/domain/dossier/status.ts'
import type { DossierFacts } from '../../src/domain/kpi/facts.ts'
import { recordFacts } from '../../src/store/kpi/record-facts.ts'
import { requireTools } from '../support/debian-tools.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, launchChromium, screenshot, serveForBrowser } from './support/browser.ts'

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

/** A third procedure in force with a limit in working days, for the time-reduction analysis. */
async function timedProcedure(t: TestApp, taken: string[], agencyId: string): Promise<Procedure> {
  const rows = await t.database.db
    .selectFrom('procedure_versions')
    .select(['procedure_code as code', 'name', 'field_id as fieldId', 'time_limit as timeLimit'])
    .where('effective_to', 'is', null)
    .where('procedure_code', 'not in', taken)
    .orderBy('procedure_code')
    .execute()
  const timed = rows.find((r) => r.timeLimit.unit === 'working_days')
  assert.ok(timed, 'a procedure with a limit in working days')
  return { code: timed.code, name: timed.name, fieldId: timed.fieldId, agencyId }
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
    portalSynced: false,
    rating: done ? 'very_satisfied' : null,
    complaint: false,
    apology: false,
    steps: [],
  }
}

/**
 * A dossier done long before the dashboards' period (n × 9 days ago, n ≥ 20) that took `workingMinutes`:
 * it counts only in the time-reduction analysis, whose default window is the past 365 days.
 */
function doneLongAgo(p: Procedure, n: number, workingMinutes: number): DossierFacts {
  return { ...facts(p, n, { online: false }), workingMinutes }
}

/** 0.5, 1.25, 2.5, 3 and 7 working days: median 2.5, mean 2.85, 90th percentile 7; 4 of 5 within 3 days. */
const timedMinutes = [240, 600, 1200, 1440, 3360]

describe(`reform indicators and the II.06a report in Chromium on ${engineName}`, {
  skip: requireTools('chromium'),
}, () => {
  let t: TestApp
  let server: { baseUrl: string; close(): Promise<void> }
  let browser: Browser
  let province: Procedure
  let commune: Procedure
  let timed: Procedure

  before(async () => {
    t = await createTestApp()
    ;[province, commune] = await twoProcedures(t)
    timed = await timedProcedure(t, [province.code, commune.code], province.agencyId)
    await recordFacts(t.database.db, [
      ...timedMinutes.map((minutes, i) => doneLongAgo(timed, 20 + i, minutes)),
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

  test('the dashboard shows the document indicators as a table with the province total, accessible', async () => {
    const page = await monitorPage()
    await page.goto(`${server.baseUrl}/can-bo/chi-so?${period}`)
    const table = page.getByRole('table', { name: /Văn bản đi, đến theo cơ quan/ })
    await table.waitFor()
    assert.ok(await table.getByRole('rowheader', { name: 'Toàn tỉnh', exact: true }).isVisible())
    await assertAccessible(page, 'the document indicators section')
  })

  test('a late figure of a procedure opens the list of its dossiers, the late one among them', async () => {
    const page = await monitorPage()
    const field = encodeURIComponent(province.fieldId)
    await page.goto(
      `${server.baseUrl}/can-bo/chi-so/co-quan/${encodeURIComponent(province.agencyId)}?${period}&field=${field}`,
    )
    const procedures = page.getByRole('table', { name: /theo thủ tục/ })
    const row = procedures.locator('tbody tr', { hasText: province.code })
    await row.waitFor()
    // Thủ tục; received, resolved, resolved late, …
    await row.locator('td').nth(2).getByRole('link', { name: '1' }).click()
    await page.waitForURL((url) => url.pathname.endsWith('/ho-so') && url.searchParams.get('set') === 'late')
    const list = page.getByRole('table', { name: /Hồ sơ giải quyết quá hạn/ })
    await list.waitFor()
    const rows = list.locator('tbody tr')
    assert.equal(await rows.count(), 1, 'only the late dossier')
    const cells = (await rows.first().locator('th, td').allTextContents()).map((c) => c.trim())
    assert.equal(cells[0], 'TEST-3')
    assert.equal(cells[1], province.code)
    assert.equal(cells[5], 'Quá hạn')
    assert.equal(cells[7], 'Dữ liệu mẫu')
    assert.equal(await rows.first().getByRole('link').count(), 0, 'demo history has no officer dossier page')
    await screenshot(page, 'indicators-dossier-list')
    await assertAccessible(page, 'the dossier list of a figure')
  })

  test('the time-reduction page shows a procedure’s median and what share a shorter limit would have met', async () => {
    const page = await monitorPage()
    await page.goto(`${server.baseUrl}/can-bo`)
    await page
      .getByRole('navigation', { name: 'Khu vực cán bộ' })
      .getByRole('link', { name: 'Rút ngắn thời gian' })
      .click()
    const candidates = page.getByRole('table', { name: /Thủ tục nhiều hồ sơ nhất/ })
    const row = candidates.locator('tbody tr', { hasText: `(${timed.code})` })
    await row.waitFor()
    const cells = (await row.locator('td').allTextContents()).map((c) => c.trim())
    assert.equal(cells[0], '5', 'done dossiers')
    assert.equal(cells[3], '2,5 ngày làm việc', 'median')
    assert.equal(cells[4], '7 ngày làm việc', '90th percentile')
    await assertAccessible(page, 'the time-reduction candidates')

    await row.getByRole('link').click()
    await page.waitForURL((url) => url.pathname === `/can-bo/rut-ngan-thoi-gian/${encodeURIComponent(timed.code)}`)
    const median = page.locator('.tile', { hasText: 'Trung vị' }).locator('.tile-value')
    await median.waitFor()
    assert.equal(await median.textContent(), '2,5 ngày làm việc')
    assert.equal(
      await page.locator('.tile', { hasText: 'Thời gian trung bình' }).locator('.tile-value').textContent(),
      '2,85 ngày làm việc',
    )
    await page.locator('.chart .recharts-wrapper').waitFor()
    await page.getByLabel('Nếu rút ngắn còn').fill('3')
    await page.getByRole('button', { name: 'Tính' }).click()
    await page.waitForURL(/cutTo=3/)
    const result = page.locator('.what-if-result')
    await result.getByText('80%').waitFor()
    assert.match((await result.textContent()) ?? '', /^Nếu rút ngắn còn 3 ngày làm việc: 80% hồ sơ/)
    await page.getByText('Xem số hồ sơ theo ngày làm việc dạng bảng').click()
    await page.getByRole('table', { name: 'Số hồ sơ theo ngày làm việc hoàn thành' }).waitFor()
    await screenshot(page, 'indicators-time-reduction')
    await assertAccessible(page, 'the time-reduction analysis of a procedure')
  })

  test('an illustrative cut of the demo reads as an illustration, beside the statute and its source', async () => {
    const page = await monitorPage()
    await page.goto(`${server.baseUrl}/can-bo/rut-ngan-thoi-gian/1.008128`)
    await page.getByRole('heading', { level: 2, name: 'Thời hạn giải quyết' }).waitFor()
    const fact = async (term: string) =>
      (
        (await page
          .locator('dl.facts dt')
          .filter({ hasText: new RegExp(`^${term}$`) })
          .locator('xpath=following-sibling::dd[1]')
          .textContent()) ?? ''
      ).trim()
    assert.equal(await fact('Thời hạn đang áp dụng'), '10 ngày làm việc')
    assert.equal(await fact('Thời hạn theo luật'), '15 ngày làm việc')
    assert.match(
      await fact('Nguồn thời hạn theo luật'),
      /^Cơ sở dữ liệu quốc gia về thủ tục hành chính, bản ghi 1\.008128 /,
    )
    assert.equal(
      await fact('Quyết định rút ngắn thời hạn'),
      'Minh họa trong dữ liệu mẫu: tỉnh chưa có quyết định rút ngắn thời hạn này',
    )
    await assertAccessible(page, 'the time limits of an illustrative cut')
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

  test('the 766 table shows each indicator of the national formula, n/a where it does not apply', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' })
    const page = await context.newPage()
    await page.goto(`${server.baseUrl}/thong-ke?${period}`)
    const table = page.getByRole('table', { name: /Từng chỉ tiêu của Bộ chỉ số 766/ })
    await table.waitFor()
    const row = (id: string) => table.locator(`tr[data-indicator="${id}"]`)
    assert.equal(await table.locator('tbody tr').count(), 21)
    // 1.3: the catalogue has no "đối tượng thực hiện" (Decree 63/2010 Art. 8(2)); 5.2: no petitions in
    // the period, so its points go to 5.4 (METRICS row 23, rules.md "Decision 766 index").
    assert.match(
      (await row('1.3').textContent()) ?? '',
      /n\/a \/ không áp dụng \(chưa có dữ liệu: .*đối tượng thực hiện/,
    )
    assert.match(
      (await row('5.2').textContent()) ?? '',
      /n\/a \/ không áp dụng \(điểm chia đều cho chỉ tiêu 5\.4\).*0\/0/,
    )
    assert.match((await row('5.4').textContent()) ?? '', /\/18$/)
  })
})
