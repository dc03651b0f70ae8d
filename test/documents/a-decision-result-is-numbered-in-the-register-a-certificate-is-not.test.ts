import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { DossierView } from '../../src/http/schemas/dossier-view.ts'
import { requireTools } from '../support/debian-tools.ts'
import { declarationFor } from '../support/declaration-samples.ts'
import { approved, assigned, onlineBirthRegistration, runCommand } from '../support/http-dossier.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'

const agencyId = 'xa-22333'
const leaderName = 'Huỳnh Quốc Nam'

describe(`a decision result is numbered in the agency's outgoing register, a certificate is not, on ${engineName}`, {
  skip: requireTools('pdfsig', 'pdftotext'),
}, () => {
  let t: TestApp
  let scratch: string
  let citizen: Record<string, string>
  let clerk: Record<string, string>
  let officers: { counter: Record<string, string>; leader: Record<string, string>; specialist: Record<string, string> }

  const issuedDossier = async (procedureCode: string): Promise<DossierView> => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { ...citizen, 'idempotency-key': randomUUID() },
      payload: { ...onlineBirthRegistration(), procedureCode, ...declarationFor(procedureCode) },
    })
    assert.equal(res.statusCode, 201, res.body)
    const d = await approved(t, officers, await assigned(t, officers, res.json<DossierView>()))
    return runCommand(t, clerk, d, 'issuance', { resultNumber: '25/KQ' })
  }
  const documentsOf = async (d: DossierView) => {
    const res = await t.app.inject({ url: `/api/dossiers/${d.id}/documents`, headers: officers.leader })
    assert.equal(res.statusCode, 200, res.body)
    return res.json<{ items: { role: string; document: { id: string; notation: string | null } }[] }>().items
  }

  const eResult = (d: DossierView) => {
    const file = d.files.find((f) => f.component === 'Kết quả giải quyết')
    assert.ok(file, 'the signed e-result is among the dossier’s files')
    return file
  }

  before(async () => {
    t = await createTestApp()
    scratch = await mkdtemp(join(tmpdir(), 'motcua-decision-'))
    citizen = await signedIn(t, { citizen: { identityNumber: '056190007777', name: 'Phạm Văn Quyết' } })
    clerk = await signedIn(t, { grants: [{ role: 'clerk', agencyId }] })
    officers = {
      counter: await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] }),
      leader: await signedIn(t, { grants: [{ role: 'leader', agencyId }], name: leaderName }),
      specialist: await signedIn(t, { grants: [{ role: 'specialist', agencyId }], name: 'Võ Đức Sơn' }),
    }
  })
  after(async () => {
    await t?.close()
    await rm(scratch, { recursive: true, force: true })
  })

  test('a poor-household decision (1.011607) gets a QĐ number, printed on its e-result with both stamps, and is signed by the leader and the seal', async () => {
    const d = await issuedDossier('1.011607')
    const docs = await documentsOf(d)
    assert.deepEqual(
      docs.map((i) => i.role),
      ['result_decision'],
    )
    assert.match(docs[0]?.document.notation ?? '', /^\d{2,}\/QĐ-UBND$/)
    const result = eResult(d)
    const pdf = await t.app.inject({
      url: `/api/dossiers/${d.id}/files/${result.sha256}`,
      headers: citizen,
    })
    assert.equal(pdf.statusCode, 200, pdf.body)
    const file = join(scratch, 'quyet-dinh.pdf')
    await writeFile(file, pdf.rawPayload)
    const run = spawnSync('pdfsig', [file], { encoding: 'utf8' })
    const out = `${run.stdout}${run.stderr}`
    assert.equal((out.match(/Signature Validation: Signature is Valid\./g) ?? []).length, 2, out)
    assert.deepEqual(
      [...out.matchAll(/Signer Certificate Common Name: (.+)/g)].map((m) => m[1]),
      [leaderName, 'Ủy ban nhân dân phường Bắc Nha Trang'],
    )
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    for (const expected of [`Số: ${docs[0]?.document.notation}`, 'THỦ TRƯỞNG CƠ QUAN', 'Đã ký số', leaderName])
      assert.ok(text.includes(expected), `missing "${expected}" in:\n${text}`)
  })

  test('a birth certificate (1.001193) is not registered as a document', async () => {
    const d = await issuedDossier('1.001193')
    assert.ok(eResult(d))
    assert.deepEqual(await documentsOf(d), [])
  })
})
