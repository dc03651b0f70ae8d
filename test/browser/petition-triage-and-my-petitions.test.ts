import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { petitionBody } from '../petitions/petition-http.ts'
import { requireTools } from '../support/debian-tools.ts'
import { signedIn } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, type BrowserSuite, browserSuite, signedInPage } from './support/browser.ts'

// rules.md "Petitions": before routing, the agency holding a petition classifies it (Decree 20/2008
// Art. 5), asks for a supplement or refuses it; the petitioner, on "Của tôi", supplements, gives or
// withdraws consent to publication (Art. 19) and rates the answer once.

async function citizenWithPetition(suite: BrowserSuite, title: string) {
  const citizen = await signedInPage(suite.browser, suite.baseUrl, 'citizen')
  const res = await citizen.context.request.post(`${suite.baseUrl}/api/petitions`, {
    data: petitionBody({ title, category: null }),
    headers: { 'x-csrf-token': citizen.csrf },
  })
  assert.equal(res.status(), 201, await res.text())
  return { ...citizen, code: ((await res.json()) as { code: string }).code }
}

const myItem = (page: Page, title: string) => page.getByRole('article', { name: title })

describe(`petition triage and "my petitions", in Chromium on ${engineName}`, { skip: requireTools('chromium') }, () => {
  const suite = browserSuite()

  test('the counter classifies a petition and asks for a supplement; the petitioner supplements it', async () => {
    const title = 'Thiếu hướng dẫn thành phần hồ sơ'
    const citizen = await citizenWithPetition(suite, title)
    const counter = await signedInPage(suite.browser, suite.baseUrl, 'counter_officer', 'ttpvhcc-22333')
    await counter.page.goto(`${suite.baseUrl}/can-bo/phan-anh-kien-nghi/${citizen.code}`)
    await counter.page.getByLabel('Nội dung phản ánh, kiến nghị').selectOption('regulation')
    await assertAccessible(counter.page, 'the triage forms')
    await counter.page.getByRole('button', { name: 'Lưu phân loại', exact: true }).click()
    await counter.page.getByLabel('Nội dung cần người gửi bổ sung').fill('Số hồ sơ và ngày nộp.')
    await counter.page.getByRole('button', { name: 'Gửi đề nghị bổ sung', exact: true }).click()
    await counter.page.getByText('Chờ bổ sung', { exact: true }).waitFor({ timeout: 10_000 })

    await citizen.page.goto(`${suite.baseUrl}/phan-anh-kien-nghi/cua-toi`)
    const item = myItem(citizen.page, title)
    await item.getByText('Chờ bổ sung', { exact: true }).waitFor({ timeout: 10_000 })
    await assertAccessible(citizen.page, 'my petitions with a supplement asked')
    await item.getByLabel('Nội dung bổ sung theo đề nghị của cơ quan').fill('Hồ sơ số 000.00.01.H34-261120-0001.')
    await item.getByRole('button', { name: 'Gửi bổ sung', exact: true }).click()
    await item.getByText('Mới tiếp nhận', { exact: true }).waitFor({ timeout: 10_000 })
  })

  test('the counter refuses a petition it cannot take up', async () => {
    const citizen = await citizenWithPetition(suite, 'Phản ánh không thuộc thẩm quyền')
    const counter = await signedInPage(suite.browser, suite.baseUrl, 'counter_officer', 'ttpvhcc-22333')
    await counter.page.goto(`${suite.baseUrl}/can-bo/phan-anh-kien-nghi/${citizen.code}`)
    await counter.page.getByLabel('Lý do từ chối').fill('Nội dung là khiếu nại, không phải phản ánh, kiến nghị.')
    const refuse = counter.page.getByRole('button', { name: 'Từ chối tiếp nhận', exact: true })
    await refuse.click()
    await refuse.waitFor({ state: 'detached', timeout: 10_000 })
    await counter.page.getByRole('definition').getByText('Từ chối tiếp nhận', { exact: true }).waitFor()
  })

  test('the petitioner withdraws consent to publish and rates the answer once', async () => {
    const title = 'Cán bộ hẹn trả sai ngày'
    const citizen = await citizenWithPetition(suite, title)
    const t = suite.t
    const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    const specialist = await signedIn(t, { grants: [{ role: 'specialist', agencyId: 'xa-22333' }] })
    for (const [headers, path, payload] of [
      [counter, 'assignment', { agencyId: 'xa-22333' }],
      [specialist, 'answer', { answer: 'Đã nhắc nhở cán bộ.' }],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/petitions/${citizen.code}/${path}`,
        headers,
        payload,
      })
      assert.equal(res.statusCode, 200, res.body)
    }
    await citizen.page.goto(`${suite.baseUrl}/phan-anh-kien-nghi/cua-toi`)
    const item = myItem(citizen.page, title)
    const consent = item.getByRole('checkbox', { name: /^Đồng ý công khai kết quả trả lời/ })
    await consent.waitFor({ timeout: 10_000 })
    assert.equal(await consent.isChecked(), true)
    await consent.click()
    // The box follows the server's answer: unchecked once the withdrawal is recorded.
    for (let i = 0; i < 50 && (await consent.isChecked()); i++) await citizen.page.waitForTimeout(200)
    assert.equal(await consent.isChecked(), false)
    await assertAccessible(citizen.page, 'my petitions with an answer to rate')
    await item.getByRole('button', { name: 'Không hài lòng', exact: true }).click()
    await item.getByText('Bạn đã đánh giá: không hài lòng.').waitFor({ timeout: 10_000 })
    assert.equal(await item.getByRole('button', { name: 'Hài lòng', exact: true }).count(), 0)
  })
})
