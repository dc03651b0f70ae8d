import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { inboundClient } from '../src/adapters/national-portal/inbound-client.ts'
import { defaultFileOptions } from '../src/http/routes/files.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from './support/fake-national-portal.ts'
import { inboundDossier, pdfOf, pushCredentials, sha256, signedHeaders } from './support/inbound-dossiers.ts'
import { createTestApp, fixedNow, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

const maxFileBytes = 100_000

/**
 * Issue 16 §1: what the platform sends is refused, with a problem+json in Vietnamese and English, and
 * creates no dossier, when the call is not the platform's (API key, HMAC-SHA256 signature, a timestamp
 * outside ±5 minutes against replay) or the dossier cannot be taken (procedure not in the catalogue,
 * an attachment that does not hash to its MaBam, one over the file limit). A refused call is kept as a
 * refusal, a refused dossier as a rejected intake with its reason (rules.md "Inbound dossiers from the national portal").
 */
describe(`bad inbound input is refused and creates nothing on ${engineName}`, () => {
  let portal: FakeNationalPortal
  let t: TestApp
  const filesRoot = join(tmpdir(), `motcua-inbound-${randomUUID()}`)

  before(async () => {
    portal = await startFakeNationalPortal()
    t = await createTestApp({
      files: { ...defaultFileOptions(filesRoot), maxFileBytes },
      portalInbound: {
        credentials: pushCredentials,
        client: inboundClient({ baseUrl: portal.baseUrl, apiKey: portal.apiKey }),
      },
    })
  })
  after(async () => {
    await t.close()
    await portal.close()
    await rm(filesRoot, { recursive: true, force: true })
  })

  const dossierCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('dossiers')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const push = (raw: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/portal/inbound-dossiers', headers, payload: raw })
  const refusalsOf = (nationalId: string) =>
    t.database.db
      .selectFrom('portal_intake_refusals')
      .select('reason')
      .where('claimed_national_id', '=', nationalId)
      .execute()
  const intakeOf = (nationalId: string) =>
    t.database.db
      .selectFrom('portal_intakes')
      .select(['state', 'reason', 'dossier_id'])
      .where('national_id', '=', nationalId)
      .executeTakeFirst()

  async function refusedCall(raw: string, headers: Record<string, string>, reason: string) {
    const before = await dossierCount()
    const res = await push(raw, headers)
    assert.equal(res.statusCode, 401, res.body)
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/)
    const body = res.json<{ type: string; title: string; en: { title: string } }>()
    assert.equal(body.type, 'urn:motcua:problem:inboundUnauthenticated')
    assert.ok(body.title && body.en.title)
    const id = (JSON.parse(raw) as { MaHoSoQuocGia: string }).MaHoSoQuocGia
    assert.deepEqual(await refusalsOf(id), [{ reason }])
    assert.equal(await intakeOf(id), undefined)
    assert.equal(await dossierCount(), before)
  }

  test('a body whose signature does not match is refused (401) and only the refusal is kept', async () => {
    const raw = JSON.stringify(inboundDossier(portal))
    const headers = signedHeaders(raw)
    await refusedCall(raw.replace('Lê Thị', 'Lê Văn'), headers, 'bad-signature')
  })

  test('a signed body replayed more than five minutes later is refused (401)', async () => {
    const raw = JSON.stringify(inboundDossier(portal))
    await refusedCall(raw, signedHeaders(raw, new Date(fixedNow.getTime() - 6 * 60_000)), 'stale-timestamp')
  })

  test('a wrong API key is refused (401) even with a good signature', async () => {
    const raw = JSON.stringify(inboundDossier(portal))
    await refusedCall(raw, { ...signedHeaders(raw), 'x-api-key': 'khoa-sai' }, 'bad-api-key')
  })

  async function rejectedDossier(
    dossier: Record<string, unknown> & { MaHoSoQuocGia: string },
    kind: string,
    reason: string,
  ) {
    const before = await dossierCount()
    const raw = JSON.stringify(dossier)
    for (const attempt of [1, 2]) {
      const res = await push(raw, signedHeaders(raw))
      assert.equal(res.statusCode, 422, `attempt ${attempt}: ${res.body}`)
      const body = res.json<{ type: string; title: string; detail: string; en: { title: string; detail: string } }>()
      assert.equal(body.type, `urn:motcua:problem:${kind}`)
      assert.ok(body.title && body.detail && body.en.title && body.en.detail)
    }
    assert.deepEqual(await intakeOf(dossier.MaHoSoQuocGia), { state: 'rejected', reason, dossier_id: null })
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject', '=', dossier.MaHoSoQuocGia)
      .execute()
    assert.deepEqual(audited, [{ action: 'portal-intake.rejected' }])
    assert.equal(await dossierCount(), before)
  }

  test('a procedure not in the province’s catalogue is refused (422) and recorded as rejected', async () => {
    await rejectedDossier(
      inboundDossier(portal, { MaTTHC: '9.999999' }),
      'inboundUnknownProcedure',
      'unknown-procedure',
    )
  })

  test('an attachment that does not hash to its MaBam is refused (422) and recorded as rejected', async () => {
    const dossier = inboundDossier(portal)
    const [attachment] = dossier.TaiLieuNop as { MaBam: string }[]
    if (attachment) attachment.MaBam = sha256(pdfOf(2_000))
    await rejectedDossier(dossier, 'inboundHashMismatch', 'hash-mismatch')
  })

  test('an attachment declared over the file limit is refused without being fetched', async () => {
    const bytes = pdfOf(maxFileBytes + 1)
    const dossier = inboundDossier(portal, { bytes })
    await rejectedDossier(dossier, 'inboundAttachmentTooLarge', 'attachment-too-large')
    const link = (dossier.TaiLieuNop as { DuongDan: string }[])[0]?.DuongDan as string
    assert.equal(portal.inbound.fetches.get(link.split('/').at(-1) as string) ?? 0, 0)
  })

  test('an attachment served larger than it was declared is cut off and refused', async () => {
    const dossier = inboundDossier(portal, { bytes: pdfOf(maxFileBytes + 50_000) })
    const [attachment] = dossier.TaiLieuNop as { KichThuoc: number }[]
    if (attachment) attachment.KichThuoc = 10_000
    await rejectedDossier(dossier, 'inboundAttachmentTooLarge', 'attachment-too-large')
  })
})
