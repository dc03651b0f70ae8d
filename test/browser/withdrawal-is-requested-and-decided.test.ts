import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, test } from 'node:test'
import type { BrowserContext } from 'playwright-core'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import { requireTools } from '../support/debian-tools.ts'
import { onlineBirthRegistration } from '../support/http-dossier.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, runOfficeAction, signedInPage } from './support/browser.ts'

// Circular 03/2025/TT-VPCP (form 05, thông báo dừng giải quyết hồ sơ, also at the applicant's request):
// after reception the applicant asks the agency to stop and its leader decides, with a written answer
// when refusing; before reception the applicant takes the dossier back at once.

type Session = { context: BrowserContext; csrf: string }

/** A command through the API as the signed-in browser session (setting the scene, not under test). */
async function post(base: string, who: Session, path: string, body: object): Promise<DossierView> {
  const res = await who.context.request.post(`${base}${path}`, {
    headers: { 'x-csrf-token': who.csrf, 'idempotency-key': randomUUID() },
    data: body,
  })
  assert.ok(res.ok(), `${path}: ${await res.text()}`)
  return (await res.json()) as DossierView
}

describe(`withdrawal from the citizen's and the leader's pages, in Chromium on ${engineName}`, {
  skip: requireTools('chromium'),
}, () => {
  const suite = browserSuite()

  test('after reception the citizen asks to stop; the leader refuses with a note, then accepts a second request', async () => {
    const base = suite.baseUrl
    const citizen = await signedInPage(suite.browser, base, 'citizen', undefined, { width: 390, height: 844 })
    const counter = await signedInPage(suite.browser, base, 'counter_officer', 'ttpvhcc-22333')
    const submitted = await post(base, citizen, '/api/dossiers', onlineBirthRegistration())
    await post(base, counter, `/api/dossiers/${submitted.id}/reception`, { expectedVersion: submitted.version })

    const mine = citizen.page
    await mine.goto(`${base}/ho-so-cua-toi/${submitted.id}`)
    await mine.getByRole('heading', { name: 'Gửi đề nghị dừng giải quyết hồ sơ', exact: true }).waitFor()
    await mine.getByLabel('Lý do đề nghị dừng giải quyết').fill('Đã nộp nhầm thủ tục')
    await assertAccessible(mine, 'the citizen’s request to stop')
    await mine.getByRole('button', { name: 'Gửi đề nghị', exact: true }).click()
    await mine.getByText('Đã gửi đề nghị dừng giải quyết hồ sơ.').waitFor({ timeout: 10_000 })
    const request = mine.getByRole('region', { name: 'Đề nghị dừng giải quyết hồ sơ', exact: true })
    await request.getByText('Đang chờ cơ quan giải quyết quyết định').waitFor()

    const leader = await signedInPage(suite.browser, base, 'leader', 'xa-22333')
    await leader.page.goto(`${base}/can-bo/ho-so/${submitted.id}`)
    await leader.page.getByText('Đã nộp nhầm thủ tục').waitFor()
    await runOfficeAction(leader.page, 'Quyết định về đề nghị dừng giải quyết', async () => {
      const note = leader.page.getByLabel(/^Ý kiến của cơ quan/)
      await leader.page.getByRole('radio', { name: /^Đồng ý dừng giải quyết/ }).check()
      assert.equal(await note.evaluate((el) => (el as { required: boolean }).required), false)
      await leader.page.getByRole('radio', { name: 'Không đồng ý, tiếp tục giải quyết' }).check()
      assert.equal(await note.evaluate((el) => (el as { required: boolean }).required), true)
      await note.fill('Hồ sơ đúng thủ tục; đề nghị nêu rõ lý do khác nếu vẫn muốn dừng')
      await assertAccessible(leader.page, 'the leader’s decision form')
    })

    await mine.reload()
    await request.getByText('Không đồng ý: hồ sơ tiếp tục được giải quyết').waitFor()
    await request.getByText('Hồ sơ đúng thủ tục; đề nghị nêu rõ lý do khác nếu vẫn muốn dừng').waitFor()
    await mine.getByLabel('Lý do đề nghị dừng giải quyết').fill('Không còn nhu cầu')
    await mine.getByRole('button', { name: 'Gửi đề nghị', exact: true }).click()
    await mine.getByText('Đã gửi đề nghị dừng giải quyết hồ sơ.').waitFor({ timeout: 10_000 })

    await leader.page.reload()
    await runOfficeAction(leader.page, 'Quyết định về đề nghị dừng giải quyết', async () => {
      await leader.page.getByRole('radio', { name: /^Đồng ý dừng giải quyết/ }).check()
    })
    await leader.page.getByText('đã rút', { exact: true }).waitFor()
    const notice = leader.page.getByRole('link', { name: 'In thông báo dừng giải quyết hồ sơ (mẫu 05)' })
    await notice.waitFor()
    const pdf = await leader.context.request.get(new URL((await notice.getAttribute('href')) ?? '', base).toString())
    assert.equal(pdf.status(), 200)
    assert.equal(pdf.headers()['content-type'], 'application/pdf')

    await mine.reload()
    await request.getByText('Đồng ý: hồ sơ dừng giải quyết').waitFor()
    await request.getByText('Không còn nhu cầu').waitFor()
    assert.ok(await mine.getByText('đã rút', { exact: true }).isVisible())
    assert.equal(await mine.getByRole('button', { name: 'Gửi đề nghị', exact: true }).count(), 0)
    await assertAccessible(mine, 'the withdrawn dossier')
  })

  test('before reception the citizen withdraws at once from their page, a reason optional', async () => {
    const base = suite.baseUrl
    const citizen = await signedInPage(suite.browser, base, 'citizen', undefined, { width: 390, height: 844 })
    const submitted = await post(base, citizen, '/api/dossiers', onlineBirthRegistration())
    await citizen.page.goto(`${base}/ho-so-cua-toi/${submitted.id}`)
    await citizen.page.getByRole('heading', { name: 'Rút hồ sơ', exact: true }).waitFor()
    await citizen.page.getByRole('button', { name: 'Rút hồ sơ', exact: true }).click()
    await citizen.page.getByText('Đã rút hồ sơ.').waitFor({ timeout: 10_000 })
    await citizen.page.getByText('đã rút', { exact: true }).waitFor()
  })
})
