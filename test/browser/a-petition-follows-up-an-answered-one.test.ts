import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { answeredPetition } from '../petitions/follow-up-http.ts'
import { petitionBody, submit } from '../petitions/petition-http.ts'
import { requireTools } from '../support/debian-tools.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, signedInPage } from './support/browser.ts'

// rules.md "Petitions", 5.3: a petition may name the earlier, answered petition it comes back about —
// on the portal form ("Mã phản ánh trước đó") or marked so by the handling officer ("Đánh dấu là phản
// ánh lặp lại"); the officer's page shows "Lặp lại phản ánh PAKN.…".

describe(`a petition follows up an answered one, in Chromium on ${engineName}`, {
  skip: requireTools('chromium'),
}, () => {
  const suite = browserSuite()

  test('a visitor names the earlier petition on the portal form and the counter sees the repeat', async () => {
    const earlier = await answeredPetition(suite.t)
    const base = suite.baseUrl
    const visitor = await (await suite.browser.newContext({ locale: 'vi-VN' })).newPage()
    await visitor.goto(`${base}/phan-anh-kien-nghi`)
    await visitor.getByLabel('Cơ quan nhận phản ánh, kiến nghị').selectOption('ttpvhcc-22333')
    await visitor.getByLabel('Tiêu đề').fill('Kết quả trả lời chưa giải quyết được')
    await visitor.getByLabel('Nội dung', { exact: true }).fill('Sau khi được trả lời, hồ sơ vẫn bị hẹn lại.')
    await visitor.getByLabel('Họ và tên').fill('Võ Thị Dung')
    await visitor.getByLabel('Số điện thoại').fill('0905333444')
    await visitor.getByLabel(/^Mã phản ánh trước đó/).fill(earlier.code)
    await assertAccessible(visitor, 'the petition form with an earlier petition code')
    await visitor.getByRole('button', { name: 'Gửi phản ánh, kiến nghị', exact: true }).click()
    const sent = await visitor.getByText(/^Đã gửi\. Mã phản ánh, kiến nghị của bạn: PAKN\.\d{8}\.\d{4}$/).textContent()
    const code = /PAKN\.\d{8}\.\d{4}/.exec(sent ?? '')?.[0] ?? ''

    const counter = await signedInPage(suite.browser, base, 'counter_officer', 'ttpvhcc-22333')
    await counter.page.goto(`${base}/can-bo/phan-anh-kien-nghi/${code}`)
    await counter.page.getByText(`Lặp lại phản ánh ${earlier.code}`, { exact: true }).waitFor({ timeout: 10_000 })
    assert.equal(await counter.page.getByRole('button', { name: 'Đánh dấu lặp lại', exact: true }).count(), 0)
  })

  test('the counter marks a petition as a follow-up of an answered one', async () => {
    const earlier = await answeredPetition(suite.t)
    const { code } = (await submit(suite.t, {})).json<{ code: string }>()
    const counter = await signedInPage(suite.browser, suite.baseUrl, 'counter_officer', 'ttpvhcc-22333')
    await counter.page.goto(`${suite.baseUrl}/can-bo/phan-anh-kien-nghi/${code}`)
    await counter.page.getByRole('heading', { name: 'Đánh dấu là phản ánh lặp lại', exact: true }).waitFor()
    await counter.page.getByLabel(/^Mã phản ánh trước đó/).fill(earlier.code)
    await assertAccessible(counter.page, 'the mark-as-follow-up form')
    await counter.page.getByRole('button', { name: 'Đánh dấu lặp lại', exact: true }).click()
    await counter.page.getByText(`Lặp lại phản ánh ${earlier.code}`, { exact: true }).waitFor({ timeout: 10_000 })
  })

  test('the petitioner sees on "Của tôi" which petition theirs follows up', async () => {
    const earlier = await answeredPetition(suite.t)
    const citizen = await signedInPage(suite.browser, suite.baseUrl, 'citizen')
    const res = await citizen.context.request.post(`${suite.baseUrl}/api/petitions`, {
      data: petitionBody({ title: 'Phản ánh lại về kết quả trả lời', followsUp: earlier.code }),
      headers: { 'x-csrf-token': citizen.csrf },
    })
    assert.equal(res.status(), 201, await res.text())
    await citizen.page.goto(`${suite.baseUrl}/phan-anh-kien-nghi/cua-toi`)
    const item = citizen.page.getByRole('article', { name: 'Phản ánh lại về kết quả trả lời' })
    await item.getByText(`Lặp lại phản ánh ${earlier.code}`, { exact: true }).waitFor({ timeout: 10_000 })
  })
})
