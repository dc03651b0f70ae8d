import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { requireTools } from '../support/debian-tools.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { act, approvedDocument, sendingOffice } from './document-http.ts'

let t: TestApp
let scratch: string
let pdf: Buffer

async function pdfsig(bytes: Buffer): Promise<string> {
  const file = join(scratch, `${Math.random().toString(36).slice(2)}.pdf`)
  await writeFile(file, bytes)
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8' })
  return `${run.stdout}${run.stderr}`
}

describe('an issued document carries the signer’s and the agency’s signatures (Decree 30/2020 Art. 13(7), 17(2))', {
  skip: requireTools('pdfsig'),
}, () => {
  before(async () => {
    t = await createTestApp()
    scratch = await mkdtemp(join(tmpdir(), 'motcua-docsig-'))
    const office = await sendingOffice(t)
    const id = await approvedDocument(t, office)
    await act(t, office.clerk, id, 'numbering')
    await act(t, office.clerk, id, 'issuance')
    const got = await t.app.inject({ url: `/api/documents/${id}/pdf`, headers: office.clerk.headers })
    pdf = got.rawPayload
  })
  after(async () => {
    await t?.close()
    await rm(scratch, { recursive: true, force: true })
  })

  test('pdfsig lists two signatures and finds both valid', async () => {
    const out = await pdfsig(pdf)
    assert.equal((out.match(/Signature Validation: Signature is Valid\./g) ?? []).length, 2, out)
  })

  test('the first signature is the leader’s personal one, the second the agency’s seal', async () => {
    const out = await pdfsig(pdf)
    const names = [...out.matchAll(/Signer Certificate Common Name: (.+)/g)].map((m) => m[1])
    assert.deepEqual(names, ['Nguyễn Thị Lãnh Đạo', 'Sở Tư pháp'])
  })

  test('one flipped byte inside the signed content makes pdfsig report a signature invalid', async () => {
    const broken = Buffer.from(pdf)
    const at = broken.indexOf('stream') + 20
    broken[at] = (broken[at] ?? 0) ^ 0x01
    const out = await pdfsig(broken)
    assert.match(out, /Signature Validation: Digest Mismatch|Signature is Invalid/)
  })
})
