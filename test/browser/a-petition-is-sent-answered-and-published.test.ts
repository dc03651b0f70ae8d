import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { requireTools } from '../support/debian-tools.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, signedInPage } from './support/browser.ts'

// Decree 20/2008/NĐ-CP (as amended by Decree 92/2017): a petition is received (Art. 9), routed to and
// answered by the responsible agency (Art. 14), and its answer published with the petitioner's
// consent (Art. 19; rules.md, Petitions).

describe(`a petition from the portal to the public list, in Chromium on ${engineName}`, {
  skip: requireTools('chromium'),
}, () => {
  const suite = browserSuite()

  test('a visitor sends a petition, the counter routes it, the commune answers, the answer is listed', async () => {
    const base = suite.baseUrl
    const visitor = await (await suite.browser.newContext({ locale: 'vi-VN' })).newPage()
    await visitor.goto(`${base}/phan-anh-kien-nghi`)
    await visitor.getByRole('heading', { name: 'Gửi phản ánh, kiến nghị', exact: true }).waitFor()
    await visitor.getByLabel('Cơ quan nhận phản ánh, kiến nghị').selectOption('ttpvhcc-22333')
    await visitor.getByRole('radio', { name: 'Về hành vi của cơ quan, cán bộ, công chức' }).check()
    await visitor.getByLabel('Tiêu đề').fill('Hẹn trả kết quả nhiều lần')
    await visitor.getByLabel('Nội dung').fill('Hồ sơ chứng thực của tôi bị hẹn lại ba lần.')
    await visitor.getByLabel('Họ và tên').fill('Võ Thị Dung')
    await visitor.getByLabel('Số điện thoại').fill('0905333444')
    await visitor.getByRole('checkbox', { name: /^Tôi đồng ý công khai/ }).check()
    await assertAccessible(visitor, 'the petition form')
    await visitor.getByRole('button', { name: 'Gửi phản ánh, kiến nghị', exact: true }).click()
    const sent = await visitor.getByText(/^Đã gửi\. Mã phản ánh, kiến nghị của bạn: PAKN\.\d{8}\.\d{4}$/).textContent()
    const code = /PAKN\.\d{8}\.\d{4}/.exec(sent ?? '')?.[0] ?? ''
    assert.notEqual(code, '')

    const counter = await signedInPage(suite.browser, base, 'counter_officer', 'ttpvhcc-22333')
    await counter.page.goto(`${base}/can-bo/phan-anh-kien-nghi`)
    await counter.page.getByRole('link', { name: code, exact: true }).click()
    await counter.page.getByLabel('Cơ quan có thẩm quyền xử lý').selectOption('xa-22333')
    await assertAccessible(counter.page, 'the petition page of the counter')
    await counter.page.getByRole('button', { name: 'Chuyển', exact: true }).click()
    await counter.page.getByText('Đang xử lý tại cơ quan có thẩm quyền').waitFor({ timeout: 10_000 })

    const specialist = await signedInPage(suite.browser, base, 'specialist', 'xa-22333')
    await specialist.page.goto(`${base}/can-bo/phan-anh-kien-nghi/${code}`)
    await specialist.page.getByLabel('Kết quả trả lời').fill('UBND xã đã chấn chỉnh bộ phận một cửa.')
    await specialist.page.getByRole('button', { name: 'Gửi trả lời', exact: true }).click()
    await specialist.page.getByText('Đã trả lời', { exact: true }).waitFor({ timeout: 10_000 })

    await visitor.goto(`${base}/phan-anh-kien-nghi/da-tra-loi`)
    await visitor.getByLabel('Tìm theo nội dung (có thể gõ không dấu)').fill('hen tra ket qua')
    await visitor.getByRole('button', { name: 'Tìm', exact: true }).click()
    const item = visitor.getByRole('article', { name: 'Hẹn trả kết quả nhiều lần' })
    await item.getByText('UBND xã đã chấn chỉnh bộ phận một cửa.').waitFor({ timeout: 10_000 })
    assert.equal(await visitor.getByText('Võ Thị Dung').count(), 0)
    await assertAccessible(visitor, 'the public list of answered petitions')
  })
})
