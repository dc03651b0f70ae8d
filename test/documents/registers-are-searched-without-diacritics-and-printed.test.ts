import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { requireTools } from '../support/debian-tools.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { act, approvedDocument, sender, sendingOffice } from './document-http.ts'

let t: TestApp
let office: Awaited<ReturnType<typeof sendingOffice>>
before(async () => {
  t = await createTestApp()
  office = await sendingOffice(t)
  for (const subject of ['Lấy ý kiến về quản lý đất đai', 'Báo cáo tình hình hộ tịch quý IV']) {
    const id = await approvedDocument(t, office, { subject })
    await act(t, office.clerk, id, 'numbering')
  }
})
after(() => t.close())

const register = (query: string, who = office.clerk) =>
  t.app.inject({ url: `/api/documents/registers/outgoing?agencyId=${sender}&year=2026${query}`, headers: who.headers })

test('the outgoing register lists the year’s numbered documents by number', async () => {
  const items = (await register('')).json().items
  assert.deepEqual(
    items.map((d: { number: number }) => d.number),
    [1, 2],
  )
})

test('"dat dai" without diacritics finds the document about đất đai only', async () => {
  const items = (await register('&q=dat%20dai')).json().items
  assert.deepEqual(
    items.map((d: { subject: string }) => d.subject),
    ['Lấy ý kiến về quản lý đất đai'],
  )
})

test('a notation finds its document', async () => {
  const items = (await register('&q=02%2FSTP')).json().items
  assert.deepEqual(
    items.map((d: { notation: string }) => d.notation),
    ['02/STP-VP'],
  )
})

test('the printed register is a PDF titled Sổ đăng ký văn bản đi with each document', {
  skip: requireTools('pdftotext'),
}, async () => {
  const got = await t.app.inject({
    url: `/api/documents/registers/outgoing/pdf?agencyId=${sender}&year=2026`,
    headers: office.clerk.headers,
  })
  const dir = await mkdtemp(join(tmpdir(), 'motcua-register-'))
  try {
    await writeFile(join(dir, 'r.pdf'), got.rawPayload)
    const text = spawnSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).stdout
    assert.ok(text.includes('SỔ ĐĂNG KÝ VĂN BẢN ĐI') && text.includes('01/STP-VP') && text.includes('02/STP-VP'), text)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
