import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import type { BrowserContext, Page } from 'playwright-core'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import { requireTools } from '../support/debian-tools.ts'
import { onlineBirthRegistration } from '../support/http-dossier.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, signedInPage } from './support/browser.ts'

// Issue 17 §4 (rules.md "Consultation letters on dossiers"): during appraisal the commune's specialist
// asks Sở Tư pháp's opinion with a letter drafted from the dossier; issuing it hands the dossier over
// (Decree 118/2025/NĐ-CP time shares); Sở Tư pháp's reply, issued, brings it back with the answer linked.

type Session = { context: BrowserContext; csrf: string }

/** A command through the API as the signed-in session (setting the scene, not under test). */
async function post(base: string, who: Session, path: string, body: object): Promise<DossierView> {
  const res = await who.context.request.post(`${base}${path}`, {
    headers: { 'x-csrf-token': who.csrf, 'idempotency-key': randomUUID() },
    data: body,
  })
  assert.ok(res.ok(), `${path}: ${await res.text()}`)
  return (await res.json()) as DossierView
}

/** Through the ordinary outgoing flow on the document page: submitted, reviewed, approved, numbered, issued. */
async function approveAndIssue(drafter: Page, leader: Page, clerk: Page): Promise<void> {
  await drafter.getByRole('button', { name: 'Trình duyệt', exact: true }).click()
  await drafter.getByText('Đã trình', { exact: true }).first().waitFor({ timeout: 10_000 })
  const url = drafter.url()
  await leader.goto(url)
  await leader.getByRole('button', { name: 'Đã kiểm tra nội dung, thể thức', exact: true }).click()
  await leader.getByLabel('Quyền hạn, chức vụ của người ký').fill('CHỦ TỊCH')
  await leader.getByRole('button', { name: 'Duyệt và ký', exact: true }).click()
  await leader.getByText('Đã duyệt, ký', { exact: true }).first().waitFor({ timeout: 10_000 })
  await clerk.goto(url)
  await clerk.getByRole('button', { name: 'Cấp số, đăng ký văn bản đi', exact: true }).click()
  await clerk.getByText('Đã cấp số', { exact: true }).first().waitFor({ timeout: 10_000 })
  await clerk.getByRole('button', { name: 'Ký số của cơ quan và phát hành', exact: true }).click()
  await clerk.getByRole('link', { name: 'Văn bản điện tử đã ký (PDF)' }).waitFor({ timeout: 20_000 })
}

describe(`a consultation letter out of a dossier and its answer in, in Chromium on ${engineName}`, {
  skip: requireTools('chromium'),
}, () => {
  const suite = browserSuite()

  test('the specialist sends the letter from the dossier, Sở Tư pháp answers, the dossier shows the answer', async () => {
    const base = suite.baseUrl
    const citizen = await signedInPage(suite.browser, base, 'citizen')
    const counter = await signedInPage(suite.browser, base, 'counter_officer', 'ttpvhcc-22333')
    const specialist = await signedInPage(suite.browser, base, 'specialist', 'xa-22333')
    const leader = await signedInPage(suite.browser, base, 'leader', 'xa-22333')
    const clerk = await signedInPage(suite.browser, base, 'clerk', 'xa-22333')
    let d = await post(base, citizen, '/api/dossiers', onlineBirthRegistration())
    d = await post(base, counter, `/api/dossiers/${d.id}/reception`, { expectedVersion: d.version })
    d = await post(base, counter, `/api/dossiers/${d.id}/transfer`, { expectedVersion: d.version })
    const me = await (await specialist.context.request.get(`${base}/api/auth/session`)).json()
    d = await post(base, leader, `/api/dossiers/${d.id}/assignment`, {
      expectedVersion: d.version,
      assigneeId: me.user.id,
      assigneeName: me.user.name,
    })

    const page = specialist.page
    await page.goto(`${base}/can-bo/ho-so/${d.code}`)
    const section = page.getByRole('region', { name: 'Văn bản lấy ý kiến', exact: true })
    await section.getByText('Chưa có văn bản lấy ý kiến.').waitFor({ timeout: 10_000 })
    await section.getByText('Gửi văn bản lấy ý kiến', { exact: true }).click()
    await section.getByLabel('Cơ quan được lấy ý kiến').selectOption('so-tu-phap')
    assert.equal(await section.getByLabel('Trích yếu nội dung').inputValue(), `Lấy ý kiến về hồ sơ ${d.code}`)
    await assertAccessible(page, 'the consultation letter form on the dossier')
    await section.getByRole('button', { name: 'Lưu bản thảo văn bản lấy ý kiến', exact: true }).click()
    await page.getByRole('heading', { name: `Lấy ý kiến về hồ sơ ${d.code}`, exact: true }).waitFor()
    await approveAndIssue(page, leader.page, clerk.page)

    await page.goto(`${base}/can-bo/ho-so/${d.code}`)
    await page.getByText(/— Chuyển liên thông ·/).waitFor({ timeout: 10_000 })

    const consultedSpecialist = await signedInPage(suite.browser, base, 'specialist', 'so-tu-phap')
    const consultedLeader = (await signedInPage(suite.browser, base, 'leader', 'so-tu-phap')).page
    const consultedClerk = (await signedInPage(suite.browser, base, 'clerk', 'so-tu-phap')).page
    await consultedClerk.goto(`${base}/can-bo/van-ban`)
    await consultedClerk.getByRole('link', { name: `Lấy ý kiến về hồ sơ ${d.code}` }).click()
    await consultedClerk.getByRole('button', { name: 'Đăng ký văn bản đến', exact: true }).click()
    await consultedClerk.getByText('Đã đăng ký', { exact: true }).waitFor({ timeout: 10_000 })
    const incomingUrl = consultedClerk.url()
    await consultedLeader.goto(incomingUrl)
    await consultedLeader.getByLabel('Người xử lý').selectOption({ label: 'Cán bộ thử nghiệm — specialist (demo)' })
    await consultedLeader.getByLabel('Ý kiến', { exact: true }).fill('Giao chuyên viên tham mưu trả lời')
    await consultedLeader.getByRole('button', { name: 'Giao xử lý', exact: true }).click()
    await consultedLeader.getByText('Đã giao xử lý', { exact: true }).waitFor({ timeout: 10_000 })

    const answering = consultedSpecialist.page
    await answering.goto(incomingUrl)
    await answering.getByRole('link', { name: 'Soạn văn bản trả lời', exact: true }).click()
    await answering.getByRole('heading', { name: 'Soạn thảo văn bản đi', exact: true }).waitFor()
    await answering.getByText(/^Trả lời văn bản: /).waitFor({ timeout: 10_000 })
    await answering.getByLabel('Nội dung', { exact: true }).fill('Sở Tư pháp thống nhất với hồ sơ.')
    await assertAccessible(answering, 'the reply draft')
    await answering.getByRole('button', { name: 'Lưu bản thảo', exact: true }).click()
    await answering.getByRole('button', { name: 'Trình duyệt', exact: true }).waitFor({ timeout: 10_000 })
    await approveAndIssue(answering, consultedLeader, consultedClerk)

    await page.goto(`${base}/can-bo/ho-so/${d.code}`)
    const back = page.getByRole('region', { name: 'Văn bản lấy ý kiến', exact: true })
    await back.getByText(/^Văn bản trả lời:/).waitFor({ timeout: 10_000 })
    await back.getByText(/trả lời văn bản \d+\//).waitFor()
    await page.getByText(/— Trả hồ sơ liên thông ·/).waitFor()
    await assertAccessible(page, 'the dossier with the consultation letter and its answer')
  })
})
