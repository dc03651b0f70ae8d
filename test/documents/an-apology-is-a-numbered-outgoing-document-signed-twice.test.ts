import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import { dossierDocumentLinks } from '../../src/store/documents/dossier-documents.ts'
import { requireTools } from '../support/debian-tools.ts'
import { declarationFor } from '../support/declaration-samples.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'

const applicantName = 'Nguyễn Thị Lan'
const leaderName = 'Huỳnh Quốc Nam'
const agencyId = 'xa-22333'
const newDossier = {
  procedureCode: '1.001193',
  ...declarationFor('1.001193'),
  receivingAgencyId: 'ttpvhcc-22333',
  channel: 2,
  applicant: {
    id: 'x',
    kind: 'citizen',
    name: applicantName,
    identityNumber: null,
    phone: '0905000001',
    email: 'lan@example.vn',
    address: 'Phường Bắc Nha Trang, tỉnh Khánh Hòa',
  },
  components: [{ name: 'Tờ khai đăng ký khai sinh', fileRef: null }],
}
const apology = { reason: 'Chờ xác minh thông tin hộ tịch', newAppointmentAt: '2026-12-10T16:00:00+07:00' }

describe(`the apology (form 04) is a numbered outgoing document of the agency on ${engineName}`, {
  skip: requireTools('pdfsig', 'pdftotext'),
}, () => {
  let t: TestApp
  let scratch: string
  let citizen: Record<string, string>
  let counter: Record<string, string>
  let specialist: Record<string, string>
  let leader: Record<string, string>

  const post = (url: string, who: Record<string, string>, payload: object, key = randomUUID()) =>
    t.app.inject({ method: 'POST', url, payload, headers: { ...who, 'idempotency-key': key } })
  const receivedDossier = async (): Promise<DossierView> => {
    const submitted = (await post('/api/dossiers', citizen, newDossier)).json<DossierView>()
    const received = await post(`/api/dossiers/${submitted.id}/reception`, counter, {
      expectedVersion: submitted.version,
    })
    assert.equal(received.statusCode, 200, received.body)
    return received.json<DossierView>()
  }
  const outgoingRegister = async () => {
    const res = await t.app.inject({
      url: `/api/documents/registers/outgoing?agencyId=${agencyId}&year=2026`,
      headers: leader,
    })
    assert.equal(res.statusCode, 200, res.body)
    return res.json<{ items: { id: string; notation: string | null; status: string }[] }>().items
  }
  const tool = async (name: string, args: string[], bytes: Buffer) => {
    const file = join(scratch, `${randomUUID()}.pdf`)
    await writeFile(file, bytes)
    return name === 'pdfsig'
      ? (({ stdout, stderr }) => `${stdout}${stderr}`)(spawnSync('pdfsig', [file], { encoding: 'utf8' }))
      : execFileSync(name, [...args, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  }

  before(async () => {
    t = await createTestApp()
    scratch = await mkdtemp(join(tmpdir(), 'motcua-apology-'))
    citizen = await signedIn(t, { citizen: { identityNumber: '056190000011', name: applicantName } })
    counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }], name: 'Lê Thu Hà' })
    specialist = await signedIn(t, { grants: [{ role: 'specialist', agencyId }], name: 'Võ Đức Sơn' })
    leader = await signedIn(t, { grants: [{ role: 'leader', agencyId }], name: leaderName })
  })
  after(async () => {
    await t?.close()
    await rm(scratch, { recursive: true, force: true })
  })

  const notationOf = async (dossierId: string) => {
    const link = (await dossierDocumentLinks(t.database.db, dossierId)).find((l) => l.role === 'apology')
    return (await outgoingRegister()).find((r) => r.id === link?.documentId)?.notation
  }
  const two = (n: number) => String(n).padStart(2, '0')

  test('a refused apology allocates no number: the one accepted next takes the next number', async () => {
    const d = await receivedDossier()
    const before = (await outgoingRegister()).length
    const refused = await post(`/api/dossiers/${d.id}/apologies`, specialist, {
      expectedVersion: d.version,
      ...apology,
    })
    assert.equal(refused.statusCode, 422, refused.body)
    assert.equal((await outgoingRegister()).length, before)
    const done = await post(`/api/dossiers/${d.id}/apologies`, leader, { expectedVersion: d.version, ...apology })
    assert.equal(done.statusCode, 200, done.body)
    assert.equal(await notationOf(d.id), `${two(before + 1)}/UBND-VP`)
  })

  test('the applicant downloads form 04 bearing its number, signed by the leader and sealed by the agency', async () => {
    const d = await receivedDossier()
    const done = await post(`/api/dossiers/${d.id}/apologies`, leader, { expectedVersion: d.version, ...apology })
    assert.equal(done.statusCode, 200, done.body)
    const pdf = await t.app.inject({ url: `/api/dossiers/${d.id}/forms/04`, headers: citizen })
    assert.equal(pdf.statusCode, 200)
    const sig = await tool('pdfsig', [], pdf.rawPayload)
    assert.equal((sig.match(/Signature Validation: Signature is Valid\./g) ?? []).length, 2, sig)
    const names = [...sig.matchAll(/Signer Certificate Common Name: (.+)/g)].map((m) => m[1])
    assert.deepEqual(names, [leaderName, 'Ủy ban nhân dân phường Bắc Nha Trang'], sig)
    const text = await tool('pdftotext', ['-enc', 'UTF-8'], pdf.rawPayload)
    for (const expected of [`Số: ${await notationOf(d.id)}`, 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN', leaderName])
      assert.ok(text.includes(expected), `missing "${expected}" in:\n${text}`)
  })

  test('the dossier lists its apology, and a retried request issues no second document', async () => {
    const d = await receivedDossier()
    const before = (await outgoingRegister()).length
    const key = randomUUID()
    const body = { expectedVersion: d.version, ...apology }
    assert.equal((await post(`/api/dossiers/${d.id}/apologies`, leader, body, key)).statusCode, 200)
    assert.equal((await post(`/api/dossiers/${d.id}/apologies`, leader, body, key)).statusCode, 200)
    const listed = await t.app.inject({ url: `/api/dossiers/${d.id}/documents`, headers: leader })
    assert.equal(listed.statusCode, 200, listed.body)
    const items = listed.json<{ items: { role: string; document: { notation: string | null } }[] }>().items
    assert.deepEqual(
      items.map((i) => [i.role, i.document.notation]),
      [['apology', `${two(before + 1)}/UBND-VP`]],
    )
    assert.equal((await outgoingRegister()).length, before + 1)
  })
})
