import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { requireTools } from '../support/debian-tools.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, screenshot, signedInPage } from './support/browser.ts'

/** A tiny valid PDF standing for a scanned identity card. */
const samplePdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

/** The citizen applies on a phone. */
const phone = { width: 390, height: 844 }

describe(`the marriage registration e-form (1.000894) in Chromium on ${engineName}`, {
  skip: requireTools('chromium'),
}, () => {
  const suite = browserSuite()

  /** "Tiếp tục", then the draft the move saves (the server's answer to the PUT). */
  async function continueAndSave(page: Page) {
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/declaration-drafts/1.000894'),
    )
    await page.getByRole('button', { name: 'Tiếp tục' }).click()
    assert.equal((await saved).status(), 200)
  }

  test('a citizen makes one mistake, follows the error summary to it, fixes it, leaves halfway, resumes in a new browser and submits', async () => {
    const first = await signedInPage(suite.browser, suite.baseUrl, 'citizen', undefined, phone)
    const page = first.page
    await page.goto(`${suite.baseUrl}/thu-tuc/1.000894/nop`)
    await page.getByRole('heading', { name: 'Bước 1/4: Bên nữ' }).waitFor({ timeout: 15_000 })
    await assertAccessible(page, 'the first step')

    await page.getByLabel('Họ, chữ đệm, tên').fill('Nguyễn Thị Lan')
    await page.getByLabel('Ngày, tháng, năm sinh').fill('15/04/1996')
    await page.getByLabel('Dân tộc').selectOption({ label: 'Kinh' })
    await page.getByLabel('Quốc tịch').selectOption({ label: 'Việt Nam' })
    // A unit merged in 2025, typed without diacritics, finds the commune that succeeded it.
    await page.getByRole('combobox', { name: 'Xã, phường, đặc khu' }).fill('vinh hoa')
    await page.getByRole('option', { name: /^Phường Bắc Nha Trang/ }).waitFor()
    await page.keyboard.press('Enter')
    await page.getByLabel('Số nhà, đường, thôn, tổ dân phố').fill('12 Trần Phú')
    await page.getByLabel('Số định danh cá nhân').fill('056196000123')
    await page.getByLabel('Kết hôn lần thứ mấy').fill('1')
    await screenshot(page, 'declaration-step')
    await continueAndSave(page)

    await page.getByRole('heading', { name: 'Bước 2/4: Bên nam' }).waitFor()
    await page.getByLabel('Họ, chữ đệm, tên').fill('Trần Văn Minh')
    await page.getByLabel('Ngày, tháng, năm sinh').fill('02/09/1994')
    await page.getByLabel('Dân tộc').selectOption({ label: 'Kinh' })
    await page.getByLabel('Quốc tịch').selectOption({ label: 'Việt Nam' })
    await page.getByRole('combobox', { name: 'Xã, phường, đặc khu' }).fill('Bắc Nha Trang')
    await page.getByLabel('Số nhà, đường, thôn, tổ dân phố').fill('40 Yersin')
    // The mistake: a fourth digit of 1 is a woman born in the 1900s (Circular 59/2021/TT-BCA art. 7).
    await page.getByLabel('Số định danh cá nhân').fill('056194000456')
    await page.getByLabel('Kết hôn lần thứ mấy').fill('1')
    await page.getByRole('button', { name: 'Tiếp tục' }).click()

    const summary = page.getByRole('alert').filter({ hasText: 'Có lỗi trong biểu mẫu' })
    await summary.waitFor()
    await page.locator('.error-summary:focus').waitFor()
    assert.equal(await page.getByRole('heading', { name: 'Bước 2/4: Bên nam' }).count(), 1, 'still on the step')
    const links = summary.getByRole('link')
    assert.deepEqual(await links.allTextContents(), ['Số định danh không khớp với năm sinh và giới tính'])
    const identity = page.getByLabel('Số định danh cá nhân')
    assert.equal(await identity.getAttribute('aria-invalid'), 'true')
    const describedBy = ((await identity.getAttribute('aria-describedby')) ?? '').split(' ')
    const messages = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()))
    assert.ok(messages.includes('Số định danh không khớp với năm sinh và giới tính'), messages.join(' | '))
    await assertAccessible(page, 'the step with an error')
    await links.first().click()
    assert.equal(await page.locator(':focus').getAttribute('id'), await identity.getAttribute('id'))
    await page.keyboard.press('Control+A')
    await page.keyboard.type('056094000456')
    await continueAndSave(page)
    await page.getByRole('heading', { name: 'Bước 3/4: Giấy tờ và nơi nộp' }).waitFor()
    await first.context.close()

    // Another device: the draft on the server opens at the step where the citizen left.
    const second = await signedInPage(suite.browser, suite.baseUrl, 'citizen', undefined, phone)
    const again = second.page
    await again.goto(`${suite.baseUrl}/thu-tuc/1.000894/nop`)
    await again.getByRole('heading', { name: 'Bước 3/4: Giấy tờ và nơi nộp' }).waitFor({ timeout: 15_000 })
    await again.getByText('Đã mở lại bản nháp đã lưu.').waitFor()
    await again.getByRole('button', { name: 'Quay lại' }).click()
    await again.getByRole('heading', { name: 'Bước 2/4: Bên nam' }).waitFor()
    assert.equal(await again.getByLabel('Số định danh cá nhân').inputValue(), '056094000456')
    assert.equal(await again.getByLabel('Ngày, tháng, năm sinh').inputValue(), '02/09/1994')
    await continueAndSave(again)

    await again.getByLabel('Số điện thoại').fill('0905123456')
    await again.locator('input[type=file]').first().setInputFiles({
      name: 'can-cuoc.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf,
    })
    await assertAccessible(again, 'the documents step')
    await continueAndSave(again)
    await again.getByRole('heading', { name: 'Bước 4/4: Xem lại và gửi' }).waitFor()
    const review = again.locator('.review')
    for (const shown of [
      'Nguyễn Thị Lan',
      '15/04/1996',
      'Trần Văn Minh',
      '02/09/1994',
      '12 Trần Phú, Phường Bắc Nha Trang',
    ])
      assert.match((await review.textContent()) ?? '', new RegExp(shown), `the review shows ${shown}`)
    await assertAccessible(again, 'the review step')
    await again.getByRole('button', { name: 'Gửi hồ sơ' }).click()
    await again.waitForURL(/\/ho-so-cua-toi\/[0-9a-f-]{36}$/, { timeout: 15_000 })

    const id = again.url().split('/').pop() as string
    const view = await second.context.request.get(`${suite.baseUrl}/api/dossiers/${id}`)
    assert.equal(view.status(), 200)
    const declaration = (await view.json()).declaration
    assert.equal(declaration.formVersion, 1)
    assert.equal(declaration.data.wife.birthDate, '1996-04-15')
    assert.equal(declaration.data.wife.residence.commune, '22333')
    assert.equal(declaration.data.husband.identityNumber, '056094000456')
    assert.equal(declaration.data.husband.passportNumber, undefined)
    await second.context.close()
  })

  test('at the counter the officer copies the paper declaration with the keyboard alone, Enter moving from field to field', async (ctx) => {
    const { page } = await signedInPage(suite.browser, suite.baseUrl, 'counter_officer', 'ttpvhcc-22333', {
      width: 1280,
      height: 900,
    })
    await page.goto(`${suite.baseUrl}/can-bo/tiep-nhan`)
    await page.getByLabel('Thủ tục').fill('đăng ký kết hôn')
    await page.getByRole('button', { name: 'Thủ tục đăng ký kết hôn', exact: true }).click()
    await page.getByRole('heading', { name: 'Tờ khai' }).waitFor({ timeout: 15_000 })
    await assertAccessible(page, 'the walk-in form')

    // What the paper says, in its order; each entry is typed, then Enter moves to the next field.
    const spouse = (name: string, birth: string, commune: string, street: string, identity: string) => [
      name,
      birth,
      'Kinh',
      // A select takes the first letters (type-ahead): "Vi" is Việt Nam, the only one; a space would open the list.
      'Vi',
      '',
      commune,
      street,
      identity,
      '1',
    ]
    const paper = [
      'Nguyễn Thị Lan',
      '',
      '',
      '',
      ...spouse('Nguyễn Thị Lan', '15041996', 'vinh hoa', '12 Trần Phú', '056196000123'),
      ...spouse('Trần Văn Minh', '02091994', 'bac nha', '40 Yersin', '056094000456'),
    ]
    let keystrokes = 0
    await page.getByLabel('Họ và tên').focus()
    for (const entry of paper) {
      await page.keyboard.type(entry)
      await page.keyboard.press('Enter')
      keystrokes += entry.length + 1
    }
    // Each document handed in is ticked (Space) and left (Enter).
    const documents = await page.getByRole('group', { name: 'Giấy tờ đã nhận' }).getByRole('checkbox').count()
    for (let i = 0; i < documents; i++) {
      await page.keyboard.press('Space')
      await page.keyboard.press('Enter')
      keystrokes += 2
    }
    assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Tiếp nhận hồ sơ')
    await page.keyboard.press('Enter')
    keystrokes += 1
    await page.getByRole('heading', { name: /^Mã hồ sơ: / }).waitFor({ timeout: 15_000 })
    ctx.diagnostic(
      `walk-in marriage registration: ${paper.length} fields and ${documents} documents, ${keystrokes} keystrokes, no mouse`,
    )

    const code = ((await page.getByRole('heading', { name: /^Mã hồ sơ: / }).textContent()) ?? '').replace(
      'Mã hồ sơ: ',
      '',
    )
    const view = await page.context().request.get(`${suite.baseUrl}/api/dossiers/${encodeURIComponent(code)}`)
    assert.equal(view.status(), 200)
    const data = (await view.json()).declaration.data
    assert.equal(data.wife.birthDate, '1996-04-15')
    assert.equal(data.wife.ethnicity, '01')
    assert.equal(data.wife.residence.commune, '22333')
    assert.equal(data.husband.residence.commune, '22333')
    assert.equal(data.husband.identityNumber, '056094000456')
    assert.equal(data.husband.marriageCount, 1)
    assert.equal((await view.json()).components.length, documents)
  })
})
