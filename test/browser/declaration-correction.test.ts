import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { requireTools } from '../support/debian-tools.ts'
import { vietnameseCouple } from '../support/marriage-declaration.ts'
import { engineName } from '../support/test-database.ts'
import { assertAccessible, browserSuite, runOfficeAction, signedInPage } from './support/browser.ts'

const declaration = vietnameseCouple()

describe(`a declaration corrected on request and stated by the signed result, in Chromium on ${engineName}`, {
  skip: requireTools('chromium', 'pdfsig', 'pdftotext'),
}, () => {
  const suite = browserSuite()
  const dir = mkdtempSync(join(tmpdir(), 'motcua-correction-'))
  after(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  test('the counter sees the declared data; the specialist asks to correct one field; the applicant corrects only it; the signed certificate states both spouses and the registration', async () => {
    const citizen = await signedInPage(suite.browser, suite.baseUrl, 'citizen')
    const submitted = await citizen.context.request.post(`${suite.baseUrl}/api/dossiers`, {
      headers: { 'x-csrf-token': citizen.csrf, 'idempotency-key': randomUUID() },
      data: {
        procedureCode: '1.000894',
        receivingAgencyId: 'ttpvhcc-22333',
        channel: 2,
        applicant: {
          id: 'x',
          kind: 'citizen',
          name: 'x',
          identityNumber: null,
          phone: null,
          email: null,
          address: null,
        },
        components: [],
        declaration,
        formVersion: 1,
      },
    })
    assert.equal(submitted.status(), 201, await submitted.text())
    const id = (await submitted.json()).id as string

    const counter = await signedInPage(suite.browser, suite.baseUrl, 'counter_officer', 'ttpvhcc-22333')
    await counter.page.goto(`${suite.baseUrl}/can-bo/ho-so/${id}`)
    const declared = counter.page.locator('main')
    await counter.page.getByText('Trần Văn Nam').first().waitFor({ timeout: 15_000 })
    const shown = (await declared.textContent()) ?? ''
    for (const fact of ['Nguyễn Thị Lan', '12/04/1998', 'Trần Văn Nam', '03/11/1996'])
      assert.ok(shown.includes(fact), `the counter sees ${fact}`)
    await runOfficeAction(counter.page, 'Tiếp nhận')
    await runOfficeAction(counter.page, 'Chuyển xử lý')

    const specialist = await signedInPage(suite.browser, suite.baseUrl, 'specialist', 'xa-22333')
    await specialist.page.goto(`${suite.baseUrl}/can-bo/ho-so/${id}`)
    await runOfficeAction(specialist.page, 'Yêu cầu bổ sung', async () => {
      await specialist.page.getByLabel('Giấy tờ cần bổ sung').fill('Ngày sinh bên nam khác giấy tờ tùy thân')
      await specialist.page.getByLabel('Lý do').fill('Sai ngày sinh')
      await specialist.page.getByRole('checkbox', { name: /Thông tin bên nam: Ngày, tháng, năm sinh/ }).check()
    })

    await citizen.page.goto(`${suite.baseUrl}/ho-so-cua-toi/${id}`)
    await citizen.page.getByRole('heading', { name: 'Sửa thông tin tờ khai' }).waitFor({ timeout: 15_000 })
    const declarationPdf = await citizen.page.getByRole('link', { name: 'Tải tờ khai (PDF)' }).getAttribute('href')
    const tokhai = await citizen.context.request.get(new URL(declarationPdf ?? '', suite.baseUrl).toString())
    assert.equal(tokhai.headers()['content-type'], 'application/pdf')
    const field = citizen.page.getByLabel(/Thông tin bên nam: Ngày, tháng, năm sinh/)
    assert.equal(await field.inputValue(), '03/11/1996')
    assert.equal(await citizen.page.locator('form input, form select').count(), 1, 'only the named field is offered')
    await assertAccessible(citizen.page, 'the correction form')
    await field.fill('30/11/1996')
    await citizen.page.getByRole('button', { name: 'Gửi thông tin đã sửa' }).click()
    await citizen.page.getByRole('heading', { name: 'Sửa thông tin tờ khai' }).waitFor({ state: 'detached' })
    const view = await (await citizen.context.request.get(`${suite.baseUrl}/api/dossiers/${id}`)).json()
    assert.deepEqual(view.declaration.changedPaths, ['husband/birthDate'])
    assert.equal(view.declaration.data.husband.birthDate, '1996-11-30')
    assert.equal(view.declaration.data.wife.birthDate, '1998-04-12')

    await specialist.page.reload()
    await specialist.page.getByText('30/11/1996').first().waitFor({ timeout: 15_000 })
    await runOfficeAction(specialist.page, 'Thẩm định', async () => {
      await specialist.page.getByLabel('Kết quả thẩm định').selectOption({ label: 'Đủ điều kiện' })
      await specialist.page.getByLabel('Số / Number', { exact: true }).fill('215')
      await specialist.page.getByLabel('Quyển số / Book', { exact: true }).fill('02/2026')
      await specialist.page.getByLabel('Ngày đăng ký / Date of registration', { exact: true }).fill('2026-11-26')
    })
    const leader = await signedInPage(suite.browser, suite.baseUrl, 'leader', 'xa-22333')
    await leader.page.goto(`${suite.baseUrl}/can-bo/ho-so/${id}`)
    await runOfficeAction(leader.page, 'Phê duyệt')
    const clerk = await signedInPage(suite.browser, suite.baseUrl, 'clerk', 'xa-22333')
    await clerk.page.goto(`${suite.baseUrl}/can-bo/ho-so/${id}`)
    await runOfficeAction(clerk.page, 'Ban hành kết quả', async () => {
      await clerk.page.getByLabel('Số, ký hiệu kết quả').fill('215/GCNKH')
    })

    await citizen.page.goto(`${suite.baseUrl}/ho-so-cua-toi/${id}`)
    const link = citizen.page.getByRole('link', { name: 'Tải kết quả' })
    await link.waitFor({ timeout: 15_000 })
    const download = await citizen.context.request.get(
      new URL((await link.getAttribute('href')) ?? '', suite.baseUrl).toString(),
    )
    assert.equal(download.status(), 200)
    const file = join(dir, 'giay-chung-nhan-ket-hon.pdf')
    writeFileSync(file, await download.body())
    assert.match(execFileSync('pdfsig', [file], { encoding: 'utf8' }), /Signature is Valid/)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    for (const fact of ['Nguyễn Thị Lan', '12/04/1998', 'Trần Văn Nam', '30/11/1996', '215', '02/2026'])
      assert.ok(text.includes(fact), `the certificate states ${fact}:\n${text}`)
  })
})
