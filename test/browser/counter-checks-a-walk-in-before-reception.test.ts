import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { requireTools } from '../support/debian-tools.ts'
import { demoFormOf } from '../support/declaration-samples.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, runOfficeAction, signedInPage } from './support/browser.ts'
import { fillDeclaration } from './support/declaration-filler.ts'

// Decree 118/2025/NĐ-CP (one-stop mechanism; Decree 61/2018/NĐ-CP Art. 15(2) before it): the counter
// checks a dossier handed in or come by post before receiving it; an incomplete one is guided once,
// fully, in writing (form 02: each missing or wrong item with why), then received when completed.

/** Chứng thực bản sao từ bản chính: a counter procedure with the generic declaration, its example filled in. */
const procedure = '2.000815'
const example = (demoFormOf(procedure)?.schema.examples as Record<string, unknown>[] | undefined)?.[0] ?? {}

describe(`the counter checks a walk-in or postal dossier before reception, in Chromium on ${engineName}`, {
  skip: requireTools('chromium'),
}, () => {
  const suite = browserSuite()

  /** The walk-in page with the procedure and the applicant typed in, registered for the check: the dossier's id. */
  async function registered(page: Page, channel: 'Qua dịch vụ bưu chính công ích' | 'Trực tiếp tại bộ phận một cửa') {
    await page.goto(`${suite.baseUrl}/can-bo/tiep-nhan`)
    await page.getByLabel('Thủ tục').fill('chung thuc ban sao')
    await page
      .getByRole('button', { name: /^Chứng thực bản sao từ bản chính/ })
      .first()
      .click()
    await page.getByRole('radio', { name: channel }).check()
    await page.getByRole('radio', { name: /^Đăng ký để kiểm tra trước/ }).check()
    await page.getByLabel('Họ và tên').fill('Lê Thị Bưu Điện')
    await fillDeclaration(page, example)
    await assertAccessible(page, 'the walk-in form with its reception choices')
    await page.getByRole('button', { name: 'Đăng ký hồ sơ', exact: true }).click()
    await page.getByRole('heading', { name: 'Hồ sơ đã đăng ký, chờ kiểm tra' }).waitFor({ timeout: 10_000 })
    await page.getByRole('link', { name: 'Kiểm tra hồ sơ' }).click()
    await page.waitForURL(/\/can-bo\/ho-so\/[0-9a-f-]{36}$/)
    await page.getByRole('heading', { name: 'Hồ sơ (chưa cấp mã)' }).waitFor()
    assert.ok(await page.getByText('mới đăng ký', { exact: true }).isVisible())
    return page.url().split('/').pop() as string
  }

  test('registered without a code, guided with two itemised reasons, completed by the applicant, then received', async () => {
    const { page } = await signedInPage(suite.browser, suite.baseUrl, 'counter_officer', 'ttpvhcc-22333')
    const id = await registered(page, 'Qua dịch vụ bưu chính công ích')

    await runOfficeAction(page, 'Hướng dẫn bổ sung khi tiếp nhận', async () => {
      const first = page.getByRole('group', { name: 'Giấy tờ 1', exact: true })
      await first.getByLabel(/^Tên giấy tờ/).fill('Bản chính giấy khai sinh')
      await first.getByLabel(/^Lý do/).fill('Chỉ có bản chụp: cần bản chính để đối chiếu')
      await page.getByRole('button', { name: 'Thêm giấy tờ', exact: true }).click()
      const second = page.getByRole('group', { name: 'Giấy tờ 2', exact: true })
      await second.getByLabel(/^Tên giấy tờ/).fill('Bản sao cần chứng thực')
      await second.getByLabel(/^Lý do/).fill('Thiếu trang 2 của bản chính')
      await page.getByLabel(/^Lý do chung/).fill('Hồ sơ chưa đầy đủ, chưa đúng')
      await assertAccessible(page, 'the reception guidance form')
    })
    const guidance = page.getByRole('region', { name: 'Hướng dẫn bổ sung, hoàn thiện hồ sơ khi tiếp nhận' })
    const rows = guidance.getByRole('row')
    assert.deepEqual(await rows.allInnerTexts(), [
      'STT\tNội dung cần bổ sung\tLý do',
      '1\tBản chính giấy khai sinh\tChỉ có bản chụp: cần bản chính để đối chiếu',
      '2\tBản sao cần chứng thực\tThiếu trang 2 của bản chính',
    ])
    const print = guidance.getByRole('link', { name: 'In phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)' })
    assert.equal(await print.getAttribute('href'), `/api/dossiers/${id}/forms/02`)
    const slip = await page.request.get(`${suite.baseUrl}/api/dossiers/${id}/forms/02`)
    assert.equal(slip.status(), 200)
    assert.equal(slip.headers()['content-type'], 'application/pdf')
    await assertAccessible(page, 'the dossier page with the guidance given')

    // The applicant comes back with what was missing: the same record, then received with its code.
    await runOfficeAction(page, 'Nhận bổ sung')
    await runOfficeAction(page, 'Tiếp nhận')
    await page.getByRole('link', { name: 'In giấy tiếp nhận' }).waitFor()
    const row = await suite.t.database.db
      .selectFrom('dossiers')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    assert.equal(row.state?.channel, 3)
    assert.equal(row.state?.status, 2)
    assert.match(row.state?.code ?? '', /-\d{6}-\d{4}$/)
    assert.deepEqual(row.state?.receptionGuidance?.items, [
      { name: 'Bản chính giấy khai sinh', reason: 'Chỉ có bản chụp: cần bản chính để đối chiếu' },
      { name: 'Bản sao cần chứng thực', reason: 'Thiếu trang 2 của bản chính' },
    ])
  })

  test('a registered dossier that is not the unit’s is redirected to the one-stop unit chosen from the list', async () => {
    const { page } = await signedInPage(suite.browser, suite.baseUrl, 'counter_officer', 'ttpvhcc-22333')
    const id = await registered(page, 'Trực tiếp tại bộ phận một cửa')
    await runOfficeAction(page, 'Chuyển bộ phận một cửa có thẩm quyền', async () => {
      await page
        .getByLabel('Bộ phận một cửa có thẩm quyền')
        .selectOption({ label: 'Trung tâm Phục vụ hành chính công phường Nha Trang' })
      await page.getByLabel('Lý do', { exact: true }).fill('Người nộp đề nghị nộp tại phường Nha Trang')
      await assertAccessible(page, 'the redirection form')
    })
    const row = await suite.t.database.db
      .selectFrom('dossiers')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    assert.equal(row.state?.receivingAgencyId, 'ttpvhcc-22366')
    assert.equal(row.state?.status, 1)
    assert.equal(row.state?.channel, 1)
  })
})
