import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { PNG } from 'pngjs'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { requireTools } from './support/debian-tools.ts'
import { declarationFor } from './support/declaration-samples.ts'
import { approved, assigned, runCommand, submitOnline } from './support/http-dossier.ts'
import { submitMarriage } from './support/marriage-declaration.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

describe(`the signed e-result on ${engineName}`, { skip: requireTools('pdfsig', 'pdftotext') }, () => {
  let t: TestApp
  let who: Record<string, Record<string, string>>
  const dir = mkdtempSync(join(tmpdir(), 'motcua-eresult-'))
  before(async () => {
    t = await createTestApp()
    who = {
      citizen: await signedIn(t, { citizen: { identityNumber: '056190005555', name: 'Hoàng Thị Kết Quả' } }),
      counter: await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] }),
      leader: await signedIn(t, { grants: [{ role: 'leader', agencyId: 'xa-22333' }] }),
      specialist: await signedIn(t, { grants: [{ role: 'specialist', agencyId: 'xa-22333' }], name: 'Võ Đức Sơn' }),
      clerk: await signedIn(t, { grants: [{ role: 'clerk', agencyId: 'xa-22333' }] }),
    }
  })
  after(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const run = (as: string, d: DossierView, path: string, body: object = {}) =>
    runCommand(t, who[as] ?? {}, d, path, body)
  const officers = () => ({ counter: who.counter ?? {}, leader: who.leader ?? {}, specialist: who.specialist ?? {} })
  const submit = () => submitOnline(t, who.citizen ?? {})

  test('issuing the result produces a signed PDF that pdfsig verifies, /verify names the dossier, and the vault holds it for reuse', async () => {
    let d = await submit()
    d = await approved(t, officers(), await assigned(t, officers(), d))
    d = await run('clerk', d, 'issuance', { resultNumber: '25/GKS' })
    assert.equal(d.status, 9)
    const facts = await t.database.db
      .selectFrom('kpi_dossiers')
      .select(['e_result', 'end_kind'])
      .where('dossier_id', '=', d.id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(facts, { e_result: true, end_kind: 'done' }, 'indicators 4.1 and 3.3 see the e-result')

    const vault = (await t.app.inject({ method: 'GET', url: '/api/vault', headers: who.citizen })).json<{
      items: { id: string; sha256: string; kind: string }[]
    }>()
    const item = vault.items.find((i) => i.kind === 'e_result')
    assert.ok(item, JSON.stringify(vault))
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/dossiers/${d.id}/files/${item.sha256}`,
      headers: who.citizen,
    })
    assert.equal(pdf.statusCode, 200)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    const file = join(dir, 'ket-qua.pdf')
    writeFileSync(file, pdf.rawPayload)
    const sig = execFileSync('pdfsig', [file], { encoding: 'utf8' })
    assert.match(sig, /Signature is Valid/)
    assert.match(sig, /Ủy ban nhân dân phường Bắc Nha Trang/)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    assert.match(text, /GIẤY KHAI SINH/, 'the result states its template’s title')
    assert.ok(text.includes(d.code ?? 'missing'))

    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/verify',
      headers: { 'content-type': 'application/pdf' },
      payload: pdf.rawPayload,
    })
    assert.equal(verified.statusCode, 200, verified.body)
    const result = verified.json<{ valid: boolean; dossier: { code: string } | null }>()
    assert.equal(result.valid, true)
    assert.equal(result.dossier?.code, d.code)

    const next = await submit()
    const reused = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${next.id}/reused-components`,
      headers: { ...who.citizen, 'idempotency-key': randomUUID() },
      payload: { expectedVersion: next.version, component: 'Giấy khai sinh', vaultItemId: item.id },
    })
    assert.equal(reused.statusCode, 200, reused.body)
    assert.ok(reused.json<DossierView>().components.some((c) => c.reused && c.fileRef === item.sha256))
  })

  test('a digitized paper component is signed by the receiving unit and lands in the applicant’s vault', async () => {
    const walkIn = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { ...who.counter, 'idempotency-key': randomUUID() },
      payload: {
        procedureCode: '1.001193',
        ...declarationFor('1.001193'),
        receivingAgencyId: 'ttpvhcc-22333',
        channel: 1,
        applicant: {
          id: 'x',
          kind: 'citizen',
          name: 'Hoàng Thị Kết Quả',
          identityNumber: '056190005555',
          phone: null,
          email: null,
          address: null,
        },
        components: [{ name: 'Tờ khai', fileRef: null }],
      },
    })
    assert.equal(walkIn.statusCode, 201, walkIn.body)
    let d = walkIn.json<DossierView>()
    const image = new PNG({ width: 40, height: 30 })
    image.data.fill(200)
    const scan = PNG.sync.write(image)
    const boundary = `----motcua${randomUUID().replaceAll('-', '')}`
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="component"\r\n\r\nTờ khai\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="to-khai.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      scan,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/files`,
      headers: { ...who.counter, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    })
    assert.equal(upload.statusCode, 201, upload.body)
    const { sha256 } = upload.json<{ sha256: string }>()
    d = await run('counter', d, 'digitized-components', { name: 'Tờ khai', fileRef: sha256 })
    assert.ok(d.components.some((c) => c.name === 'Tờ khai' && c.digitized))
    const vault = (await t.app.inject({ method: 'GET', url: '/api/vault', headers: who.citizen })).json<{
      items: { kind: string; sha256: string; dossierId: string }[]
    }>()
    const copy = vault.items.find((i) => i.kind === 'digitized' && i.dossierId === d.id)
    assert.ok(copy, JSON.stringify(vault))
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/dossiers/${d.id}/files/${copy.sha256}`,
      headers: who.counter,
    })
    const file = join(dir, 'so-hoa.pdf')
    writeFileSync(file, pdf.rawPayload)
    const sig = execFileSync('pdfsig', [file], { encoding: 'utf8' })
    assert.match(sig, /Signature is Valid/)
    assert.match(sig, /Trung tâm Phục vụ hành chính công phường Bắc Nha Trang/)
  })

  test('the marriage certificate states both spouses, their birth dates and the registration number the appraisal recorded, and pdfsig says valid', async () => {
    let d = await assigned(t, officers(), await submitMarriage(t, who.citizen ?? {}))
    d = await run('specialist', d, 'appraisal', {
      outcome: 'approve',
      note: 'Đủ điều kiện kết hôn',
      decision: { registrationNumber: '125', book: '01/2026', registeredOn: '2026-11-26' },
    })
    d = await run('leader', d, 'approval')
    d = await run('clerk', d, 'issuance', { resultNumber: '125/2026' })
    const vault = (await t.app.inject({ method: 'GET', url: '/api/vault', headers: who.citizen })).json<{
      items: { kind: string; sha256: string; dossierId: string }[]
    }>()
    const item = vault.items.find((i) => i.kind === 'e_result' && i.dossierId === d.id)
    assert.ok(item, JSON.stringify(vault))
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/dossiers/${d.id}/files/${item.sha256}`,
      headers: who.citizen,
    })
    const file = join(dir, 'ket-hon.pdf')
    writeFileSync(file, pdf.rawPayload)
    assert.match(execFileSync('pdfsig', [file], { encoding: 'utf8' }), /Signature is Valid/)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    for (const line of [
      'GIẤY CHỨNG NHẬN KẾT HÔN',
      'Họ, chữ đệm, tên bên nữ: Nguyễn Thị Hồng Nhung',
      'Ngày sinh bên nữ: 09/03/1998',
      'Họ, chữ đệm, tên bên nam: Kim Min-jun',
      'Ngày sinh bên nam: 20/11/1995',
      'Số đăng ký: 125',
      'Quyển số: 01/2026',
      'Ngày đăng ký: 26/11/2026',
    ])
      assert.ok(text.includes(line), `${line} in ${text}`)
  })
})
