import { describe, test } from 'node:test'
import { createPlan, insertTask } from '../../src/store/programme/plan-store.ts'
import { requireTools } from '../support/debian-tools.ts'
import { fixedNow } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, screenshot, signedInPage } from './support/browser.ts'

// Kế hoạch CCHC năm (rules.md "Reform programme"): the Department of Justice reports progress on its
// task with a file and hands the output in; the provincial administrator approves it.

const programmeId = 'cchc-2021-2030'

describe(`the reform programme's dashboard and task board, in Chromium on ${engineName}`, {
  skip: requireTools('chromium'),
}, () => {
  const suite = browserSuite(async (t) => {
    const db = t.database.db
    await createPlan(
      db,
      { programmeId, year: 2026, name: 'Kế hoạch CCHC năm 2026', decision: 'QĐ 01/QĐ-UBND (minh họa)' },
      'seed',
      fixedNow,
    )
    await insertTask(
      db,
      programmeId,
      {
        id: '7d1e2f3a-0000-4000-8000-000000000001',
        planYear: 2026,
        area: 'administrative_procedures',
        solutionGroupId: 'g2-tthc',
        title: 'Rà soát, đơn giản hóa thủ tục chứng thực',
        output: 'Báo cáo rà soát',
        agencyId: 'so-tu-phap',
        deadline: '2026-12-15',
        status: 'assigned',
        completedOn: null,
        reports: [],
        version: 1,
      },
      'seed',
      fixedNow,
    )
  })

  test('the dashboard shows the targets; the unit reports with a file and hands in; the province approves', async () => {
    const base = suite.baseUrl
    const admin = await signedInPage(suite.browser, base, 'provincial_admin', 'ubnd-tinh')
    await admin.page.goto(`${base}/can-bo/chuong-trinh-cchc`)
    await admin.page.getByRole('heading', { name: 'Chương trình cải cách hành chính', exact: true }).waitFor()
    await admin.page.getByRole('rowheader', { name: /Tỷ lệ hồ sơ trễ hạn/ }).waitFor({ timeout: 20_000 })
    await assertAccessible(admin.page, 'the programme dashboard')
    await screenshot(admin.page, 'programme-dashboard')

    const unit = await signedInPage(suite.browser, base, 'leader', 'so-tu-phap')
    await unit.page.goto(`${base}/can-bo/chuong-trinh-cchc/nhiem-vu?year=2026`)
    const task = unit.page.getByRole('region', { name: 'Rà soát, đơn giản hóa thủ tục chứng thực' })
    await task.getByLabel('Tiến độ (%)').fill('60')
    await task.getByLabel('Nội dung').fill('Đã rà soát 30 thủ tục')
    await task.getByLabel('Tệp minh chứng (PDF, JPEG, PNG)').setInputFiles({
      name: 'tien-do.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% tiến độ\n%%EOF\n'),
    })
    await assertAccessible(unit.page, 'the task board of a unit')
    await task.getByRole('button', { name: 'Gửi báo cáo tiến độ', exact: true }).click()
    await task.getByRole('link', { name: 'tien-do.pdf' }).waitFor({ timeout: 10_000 })
    await task.getByLabel('Nội dung').fill('Hoàn thành báo cáo rà soát')
    await task.getByLabel('Tệp minh chứng (PDF, JPEG, PNG)').setInputFiles({
      name: 'bao-cao-ra-soat.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% báo cáo\n%%EOF\n'),
    })
    await task.getByRole('button', { name: 'Đề nghị công nhận hoàn thành', exact: true }).click()
    await task.getByText('Chờ công nhận hoàn thành — 100 %').waitFor({ timeout: 10_000 })

    await admin.page.goto(`${base}/can-bo/chuong-trinh-cchc/nhiem-vu?year=2026`)
    const asked = admin.page.getByRole('region', { name: 'Rà soát, đơn giản hóa thủ tục chứng thực' })
    await asked.getByLabel('Nội dung').fill('Đạt yêu cầu')
    await asked.getByRole('button', { name: 'Công nhận hoàn thành', exact: true }).click()
    await asked.getByText('Hoàn thành — 100 %').waitFor({ timeout: 10_000 })
  })
})
