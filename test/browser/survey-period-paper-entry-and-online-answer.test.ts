import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { requireTools } from '../support/debian-tools.ts'
import { runCommand, submitOnline } from '../support/http-dossier.ts'
import { signedIn } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { finishedInNovember } from '../survey/survey-fixtures.ts'
import { assertAccessible, browserSuite, screenshot, signedInPage } from './support/browser.ts'

describe(`the SIPAS survey screens in Chromium on ${engineName}`, { skip: requireTools('chromium') }, () => {
  const suite = browserSuite(async (t) => {
    const citizen = await signedIn(t, { citizen: { identityNumber: '056090000321', name: 'Phạm Thị Khảo' } })
    const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    const received = await runCommand(t, counter, await submitOnline(t, citizen, '0905123999'), 'reception')
    await finishedInNovember(t, [received.code as string])
  })

  test('the Department of Home Affairs opens a period, types a paper form in, and the applicant answers from the link', async () => {
    const { page } = await signedInPage(suite.browser, suite.baseUrl, 'provincial_admin')
    await page.goto(`${suite.baseUrl}/can-bo/khao-sat`)
    await page.getByLabel('Tên kỳ khảo sát').fill('Khảo sát SIPAS tháng 11/2026')
    await page.getByLabel('Từ ngày').fill('2026-11-01')
    await page.getByLabel('Đến ngày').fill('2026-11-30')
    await page.getByLabel('Sai số e (%)').fill('0.01')
    await page.getByLabel('Hạt giống chọn mẫu (để trống: ngẫu nhiên)').fill('trinh-duyet')
    await page.getByRole('button', { name: 'Mở kỳ và chọn mẫu' }).click()
    await page.getByText('Đã chọn 32 hồ sơ trong 32 hồ sơ đã giải quyết.').waitFor()
    await assertAccessible(page, 'survey periods')
    await page.getByRole('link', { name: 'Khảo sát SIPAS tháng 11/2026' }).click()
    await page.getByLabel('Hồ sơ được chọn mẫu').selectOption('SIPAS-000')
    for (const radio of await page.locator('input[type=radio][value="4"]').all()) await radio.check()
    await page.getByRole('button', { name: 'Ghi nhận phiếu' }).click()
    await page.getByText('Đã ghi nhận phiếu của hồ sơ SIPAS-000.').waitFor()
    await page.getByRole('row', { name: /xa-1 1 \/ 20/ }).waitFor()
    await assertAccessible(page, 'survey period')
    await screenshot(page, 'survey-period')

    const rows = await suite.t.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'survey.invitation')
      .execute()
    assert.equal(rows.length, 1, 'one invitation: the one dossier with a phone')
    const link = (rows[0]?.payload as { link: string } | undefined)?.link ?? ''
    const applicant = await suite.browser.newContext({ locale: 'vi-VN' })
    const form = await applicant.newPage()
    await form.goto(`${suite.baseUrl}${new URL(link).pathname}`)
    await form.getByRole('heading', { name: 'Phiếu khảo sát sự hài lòng' }).waitFor()
    // The heading shows while the link still loads; the questions come with the send button.
    await form.getByRole('button', { name: 'Gửi phiếu' }).waitFor()
    const levels = await form.locator('input[type=radio][value="5"]').all()
    assert.ok(levels.length > 0, 'the questionnaire is on the page')
    for (const radio of levels) await radio.check()
    await assertAccessible(form, 'survey answer form')
    await form.getByRole('button', { name: 'Gửi phiếu' }).click()
    await form.getByText('Đã ghi nhận phiếu khảo sát. Xin cảm ơn ông/bà.').waitFor()
    await form.reload()
    await form.getByText('Phiếu này đã được trả lời hoặc kỳ khảo sát đã đóng. Xin cảm ơn.').waitFor()
    assert.equal(await form.getByRole('button', { name: 'Gửi phiếu' }).count(), 0)
  })
})
