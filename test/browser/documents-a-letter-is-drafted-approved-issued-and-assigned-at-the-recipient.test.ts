import { describe, test } from 'node:test'
import { requireTools } from '../support/debian-tools.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, signedInPage } from './support/browser.ts'

// Decree 30/2020/NĐ-CP: drafted by a specialist (Art. 10), checked and approved by the leader who
// signs (Art. 11–13), numbered and issued by the clerk (Art. 15–18), received, registered with an
// arrival number and assigned by the leader at the recipient (Art. 21–23; rules.md "Electronic documents"),
// each step showing on the sender's delivery trail (rules.md "Delivery trail and axis directory").

describe(`an official letter from Sở Tư pháp to Sở Nội vụ, in Chromium on ${engineName}`, {
  skip: requireTools('chromium'),
}, () => {
  const suite = browserSuite()

  test('the specialist drafts, the leader approves, the clerk numbers and issues, Sở Nội vụ registers and assigns it', async () => {
    const base = suite.baseUrl
    const specialist = await signedInPage(suite.browser, base, 'specialist', 'so-tu-phap')
    const page = specialist.page
    await page.goto(`${base}/can-bo/van-ban/soan-thao`)
    await page.getByRole('heading', { name: 'Soạn thảo văn bản đi', exact: true }).waitFor()
    await page.getByLabel('Tên loại', { exact: true }).selectOption('cong-van')
    await page.getByLabel('Trích yếu nội dung').fill('Lấy ý kiến về hồ sơ đăng ký khai sinh')
    await page.getByLabel('Nội dung', { exact: true }).fill('Sở Tư pháp đề nghị Sở Nội vụ cho ý kiến về hồ sơ.')
    await page.getByLabel('Mức độ khẩn').selectOption('urgent')
    await page.getByLabel('Nơi nhận trong tỉnh').selectOption('so-noi-vu')
    await assertAccessible(page, 'the drafting form')
    await page.getByRole('button', { name: 'Lưu bản thảo', exact: true }).click()
    await page.getByRole('button', { name: 'Trình duyệt', exact: true }).click()
    await page.getByText('Đã trình', { exact: true }).waitFor({ timeout: 10_000 })
    const documentUrl = page.url()

    const leader = (await signedInPage(suite.browser, base, 'leader', 'so-tu-phap')).page
    await leader.goto(documentUrl)
    await leader.getByRole('button', { name: 'Đã kiểm tra nội dung, thể thức', exact: true }).click()
    await leader.getByLabel('Quyền hạn, chức vụ của người ký').fill('KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC')
    await assertAccessible(leader, 'the approval form')
    await leader.getByRole('button', { name: 'Duyệt và ký', exact: true }).click()
    await leader.getByText('Đã duyệt, ký', { exact: true }).waitFor({ timeout: 10_000 })

    const clerk = (await signedInPage(suite.browser, base, 'clerk', 'so-tu-phap')).page
    await clerk.goto(documentUrl)
    await clerk.getByRole('button', { name: 'Cấp số, đăng ký văn bản đi', exact: true }).click()
    await clerk.getByText('01/STP-VP', { exact: true }).waitFor({ timeout: 10_000 })
    await clerk.getByRole('button', { name: 'Ký số của cơ quan và phát hành', exact: true }).click()
    await clerk.getByRole('link', { name: 'Văn bản điện tử đã ký (PDF)' }).waitFor({ timeout: 20_000 })
    await assertAccessible(clerk, 'the issued document with its trail')

    await signedInPage(suite.browser, base, 'specialist', 'so-noi-vu')
    const arrivalClerk = (await signedInPage(suite.browser, base, 'clerk', 'so-noi-vu')).page
    await arrivalClerk.goto(`${base}/can-bo/van-ban`)
    await arrivalClerk.getByRole('link', { name: 'Lấy ý kiến về hồ sơ đăng ký khai sinh' }).click()
    await arrivalClerk.getByText('Mới đến', { exact: true }).waitFor({ timeout: 10_000 })
    await assertAccessible(arrivalClerk, 'the incoming document at the clerk')
    await arrivalClerk.getByRole('button', { name: 'Đăng ký văn bản đến', exact: true }).click()
    await arrivalClerk.getByText('Đã đăng ký', { exact: true }).waitFor({ timeout: 10_000 })
    const incomingUrl = arrivalClerk.url()

    const receivingLeader = (await signedInPage(suite.browser, base, 'leader', 'so-noi-vu')).page
    await receivingLeader.goto(incomingUrl)
    await receivingLeader.getByLabel('Người xử lý').selectOption({ label: 'Cán bộ thử nghiệm — specialist (demo)' })
    await receivingLeader.getByLabel('Thời hạn giải quyết').fill('2026-12-04')
    await receivingLeader.getByLabel('Ý kiến', { exact: true }).fill('Giao chuyên viên tham mưu trả lời')
    await assertAccessible(receivingLeader, 'the assignment form')
    await receivingLeader.getByRole('button', { name: 'Giao xử lý', exact: true }).click()
    await receivingLeader.getByText('Đã giao xử lý', { exact: true }).waitFor({ timeout: 10_000 })

    await clerk.goto(documentUrl)
    const deliveries = clerk.getByRole('region', { name: 'Quá trình gửi nhận' })
    await deliveries.getByText(/04 Phân công xử lý/).waitFor({ timeout: 10_000 })
    await deliveries.getByText(/03 Đã tiếp nhận/).waitFor()
    await assertAccessible(clerk, 'the delivery trail of the issued document')
  })
})
