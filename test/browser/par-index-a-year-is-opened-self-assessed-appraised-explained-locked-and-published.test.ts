import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { openRound } from '../../src/app/par-index/open-round.ts'
import { runRoundCommand } from '../../src/app/par-index/run-round-command.ts'
import { departmentSet2026 } from '../../src/domain/par-index/demo-criteria-sets.ts'
import { createOfficer } from '../../src/store/identity/users.ts'
import { requireTools } from '../support/debian-tools.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, screenshot, signedInPage } from './support/browser.ts'

// Chỉ số CCHC (rules.md "PAR index of departments and communes"): the provincial administrator opens
// 2026 for the departments; the Department of Justice self-assesses with a file; after the deadline
// the council appraises; the unit explains; after the explanation window the council locks, the
// administrator publishes, and the ranking is shown beside 2025's published one.

const minute = 60_000
/** The server's clock, moved by the test past the round's deadlines. */
const clock = { now: new Date() }
/** A moment as a datetime-local value in Vietnam time, to the minute. */
const vietnamLocal = (at: Date) => new Date(at.getTime() + 7 * 60 * minute).toISOString().slice(0, 16)
/** Its hour and minute as the screens show them (vi-VN, Vietnam time). */
const hhmm = (at: Date) => vietnamLocal(at).slice(11, 16)

describe(`the PAR index through a whole year, in Chromium on ${engineName}`, { skip: requireTools('chromium') }, () => {
  const start = clock.now.getTime()
  const suite = browserSuite(
    async (t) => {
      // 2025's round of the departments, published with every unit at 0: last year to compare with.
      const db = t.database.db
      let at = new Date('2025-12-01T03:00:00Z')
      const deps = { db, storage: t.files.storage, now: () => at, maxEvidenceBytes: 1 << 20 }
      const member = await createOfficer(
        db,
        { username: 'hoi-dong-2025', name: 'Thành viên Hội đồng 2025', password: 'x'.repeat(16), grants: [] },
        at,
      )
      const admin = { id: 'seed', grants: [{ role: 'provincial_admin' as const, agencyId: 'ubnd-tinh' }] }
      const opened = await openRound(
        deps,
        {
          criteriaSet: { ...departmentSet2026, year: 2025 },
          council: [member],
          selfAssessmentDeadline: '2025-12-10T10:00:00Z',
          explanationDeadline: '2025-12-20T10:00:00Z',
        },
        admin,
      )
      assert.equal(opened.kind, 'done')
      at = new Date('2025-12-21T03:00:00Z')
      assert.equal((await runRoundCommand(deps, '2025-department', 'lock', admin)).kind, 'done')
      assert.equal((await runRoundCommand(deps, '2025-department', 'publish', admin)).kind, 'done')
    },
    () => ({ now: () => clock.now }),
  )
  const leaf = (page: Page, code: string) =>
    page.getByRole('group', { name: new RegExp(`^${code.replace('.', '\\.')} `) })

  test('open, self-assess with a file, appraise, explain, lock, publish, and the ranking beside last year', async () => {
    const base = suite.baseUrl
    const council = await signedInPage(suite.browser, base, 'specialist', 'so-noi-vu')
    const admin = await signedInPage(suite.browser, base, 'provincial_admin', 'ubnd-tinh')
    const unit = await signedInPage(suite.browser, base, 'leader', 'so-tu-phap')

    await admin.page.goto(`${base}/can-bo/chi-so-cchc`)
    await admin.page.getByRole('heading', { name: 'Mở kỳ đánh giá' }).waitFor()
    await admin.page.getByLabel('Năm đánh giá').fill('2026')
    await admin.page.getByLabel('Loại đơn vị').selectOption('department')
    await admin.page.getByLabel(/demo:specialist@so-noi-vu/).check()
    await admin.page.getByLabel(/^Hạn tự đánh giá/).fill(vietnamLocal(new Date(start + 60 * minute)))
    await admin.page.getByLabel(/^Hạn giải trình/).fill(vietnamLocal(new Date(start + 120 * minute)))
    await assertAccessible(admin.page, 'the PAR rounds with the opening form')
    await admin.page.getByRole('button', { name: 'Mở kỳ đánh giá', exact: true }).click()
    await admin.page.getByRole('heading', { name: 'Chỉ số CCHC năm 2026 — Sở, ban, ngành' }).waitFor()
    await admin.page.getByText('Tiến độ của các đơn vị: 0/').waitFor()
    const moved = admin.page.getByRole('region', { name: 'Gia hạn' })
    await moved.getByLabel(/^Hạn giải trình/).fill(vietnamLocal(new Date(start + 150 * minute)))
    await moved.getByRole('button', { name: 'Lưu thời hạn mới', exact: true }).click()
    await admin.page
      .getByRole('definition')
      .getByText(new RegExp(`^${hhmm(new Date(start + 150 * minute))} `))
      .waitFor()

    await unit.page.goto(`${base}/can-bo/chi-so-cchc`)
    await unit.page
      .getByRole('row', { name: /năm 2026/ })
      .getByRole('link', { name: 'Sở Tư pháp' })
      .click()
    await unit.page.getByRole('heading', { name: /^Tự đánh giá Chỉ số CCHC năm 2026: Sở Tư pháp/ }).waitFor()
    await unit.page.getByLabel('Tệp tài liệu kiểm chứng (PDF, JPEG, PNG)').setInputFiles({
      name: 'ke-hoach-cchc-2026.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% kế hoạch CCHC 2026\n%%EOF\n'),
    })
    await unit.page.getByRole('button', { name: 'Tải lên', exact: true }).click()
    await unit.page.getByRole('link', { name: 'ke-hoach-cchc-2026.pdf' }).waitFor({ timeout: 10_000 })
    const own = leaf(unit.page, '1.1').getByRole('group', { name: 'Đơn vị tự chấm' })
    await own.getByRole('radio', { name: /^Hoàn thành đầy đủ, đúng hạn/ }).check()
    await own.getByRole('checkbox', { name: 'ke-hoach-cchc-2026.pdf' }).check()
    await assertAccessible(unit.page, 'the self-assessment form')
    await screenshot(unit.page, 'par-index-self-assessment')
    await unit.page.getByRole('button', { name: 'Lưu tự đánh giá', exact: true }).click()
    await unit.page.getByText('3/100 điểm', { exact: true }).first().waitFor({ timeout: 10_000 })
    // No survey period of 2026 is closed: the satisfaction criterion says it is not computable, and why.
    await leaf(unit.page, 'XHH.1')
      .getByText(/không tính được: trong năm chưa có đợt khảo sát SIPAS nào đã kết thúc/)
      .waitFor()

    clock.now = new Date(start + 61 * minute)
    await council.page.goto(`${base}/can-bo/chi-so-cchc/2026-department`)
    await council.page
      .getByRole('row', { name: /Sở Tư pháp/ })
      .getByRole('cell', { name: /^1\// })
      .waitFor()
    await council.page.getByRole('link', { name: 'Sở Tư pháp' }).click()
    const appraisal = leaf(council.page, '1.1').getByRole('group', { name: 'Hội đồng thẩm định' })
    await appraisal.getByRole('radio', { name: /^Hoàn thành nhưng chậm hoặc chưa đầy đủ/ }).check()
    await appraisal.getByRole('textbox', { name: 'Ý kiến thẩm định' }).fill('Kế hoạch ban hành chậm so với hướng dẫn')
    await assertAccessible(council.page, 'the appraisal form')
    await screenshot(council.page, 'par-index-appraisal')
    await council.page.getByRole('button', { name: 'Lưu kết quả thẩm định', exact: true }).click()
    await council.page.getByText('1,5/100 điểm', { exact: true }).waitFor({ timeout: 10_000 })

    await unit.page.reload()
    await unit.page.getByLabel('Nội dung giải trình').fill('Kế hoạch ban hành đúng hạn, xem văn bản kèm theo.')
    await unit.page.getByRole('button', { name: 'Gửi giải trình', exact: true }).click()
    await unit.page.getByRole('button', { name: 'Gửi giải trình' }).waitFor({ state: 'detached', timeout: 10_000 })
    await unit.page
      .getByRole('region', { name: 'Giải trình' })
      .locator('p', { hasText: 'Kế hoạch ban hành đúng hạn, xem văn bản kèm theo.' })
      .waitFor()

    clock.now = new Date(start + 151 * minute)
    await council.page.goto(`${base}/can-bo/chi-so-cchc/2026-department`)
    await council.page.getByRole('button', { name: 'Chốt điểm', exact: true }).click()
    await council.page.getByText('Đã chốt điểm', { exact: true }).waitFor({ timeout: 10_000 })
    await admin.page.goto(`${base}/can-bo/chi-so-cchc/2026-department`)
    await admin.page.getByRole('button', { name: 'Công bố kết quả', exact: true }).click()
    await admin.page.getByText('Đã công bố', { exact: true }).waitFor({ timeout: 10_000 })

    await unit.page.goto(`${base}/can-bo/chi-so-cchc/2026-department/xep-hang`)
    await unit.page.getByRole('heading', { name: 'Xếp hạng Chỉ số CCHC năm 2026 — Sở, ban, ngành' }).waitFor()
    await unit.page.getByRole('img', { name: /^Biểu đồ tổng điểm của các đơn vị: 1\. Sở Tư pháp 1,5;/ }).waitFor()
    await unit.page.getByText('So sánh với kết quả đã công bố năm 2025.').waitFor()
    await assertAccessible(unit.page, 'the published ranking')
    await screenshot(unit.page, 'par-index-ranking')
    const cells = await unit.page
      .getByRole('row', { name: /Sở Tư pháp/ })
      .getByRole('cell')
      .allTextContents()
    assert.deepEqual([cells[0], cells[1], cells.at(-1), /^\+\d+$/.test(cells.at(-3) ?? '')], ['1', '1,5', '+1,5', true])
  })
})
