import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { inboundClient } from '../src/adapters/national-portal/inbound-client.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { relayOnce } from '../src/jobs/outbox-relay.ts'
import { portalIntakeConsumer } from '../src/jobs/portal-intake-consumer.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from './support/fake-national-portal.ts'
import { inboundDossier, pdfOf, pushCredentials, sha256, signedHeaders } from './support/inbound-dossiers.ts'
import { createTestApp, fixedNow, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

/**
 * Issue 16 §1: a dossier submitted on the national portal becomes an online submission (channel 2) in
 * status 1 "Mới đăng ký" at the receiving unit the applicant chose (its QCVN 102 code), with the
 * applicant as VNeID vouched for them, the declaration and the attachments stored with their SHA-256;
 * the platform is then told it was received (rules.md §1 statuses; "Inbound dossiers from the national portal").
 */
describe(`an inbound dossier lands in status 1 at the chosen unit on ${engineName}`, () => {
  let portal: FakeNationalPortal
  let t: TestApp
  let counter: Record<string, string>
  let dossierId: string
  const bytes = pdfOf(200 * 1024)
  let nationalId: string

  before(async () => {
    portal = await startFakeNationalPortal()
    t = await createTestApp({
      portalInbound: {
        credentials: pushCredentials,
        client: inboundClient({ baseUrl: portal.baseUrl, apiKey: portal.apiKey }),
      },
    })
    counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    const dossier = inboundDossier(portal, { bytes })
    nationalId = dossier.MaHoSoQuocGia
    const raw = JSON.stringify(dossier)
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/portal/inbound-dossiers',
      headers: signedHeaders(raw),
      payload: raw,
    })
    assert.equal(res.statusCode, 201, res.body)
    dossierId = res.json<{ MaHoSoDiaPhuong: string }>().MaHoSoDiaPhuong
  })
  after(async () => {
    await t.close()
    await portal.close()
  })

  test('an online submission in status 1 at Phường Bắc Nha Trang’s one-stop unit, applicant VNeID-verified, with the declaration', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/dossiers/${dossierId}`, headers: counter })
    assert.equal(res.statusCode, 200, res.body)
    const d = res.json<DossierView>()
    assert.equal(d.status, 1)
    assert.equal(d.channel, 2)
    assert.equal(d.receivingAgencyId, 'ttpvhcc-22333')
    assert.equal(d.code, null)
    assert.equal(d.applicant.vneid, true)
    assert.equal(d.applicant.name, 'Lê Thị Cổng Quốc Gia')
    assert.ok(d.declaration, 'the declaration is stored')
    assert.deepEqual(
      d.components.map((c) => ({ name: c.name, fileRef: c.fileRef })),
      [{ name: 'Giấy chứng sinh', fileRef: sha256(bytes) }],
    )
  })

  test('the created intake records the attachment it stored, though it went from received to created in one step', async () => {
    const row = await t.database.db
      .selectFrom('portal_intakes')
      .select(['state', 'attachments'])
      .where('national_id', '=', nationalId)
      .executeTakeFirstOrThrow()
    assert.deepEqual(row, {
      state: 'created',
      attachments: [
        { name: 'Giấy chứng sinh', sha256: sha256(bytes), size: bytes.length, mediaType: 'application/pdf' },
      ],
    })
  })

  test('a field the platform sends as null is stored as absent, not as an empty string', async () => {
    // Fastify's body validation coerces null to "" for a string-or-null field; the intake reads the raw body.
    const { rows } = await sql<{ email: unknown }>`
      select state->'applicant'->'email' as email from dossiers where id = ${dossierId}`.execute(t.database.db)
    assert.equal(rows[0]?.email, null)
  })

  test('it waits in the counter officer’s reception queue of that unit', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/queues/counter_officer', headers: counter })
    assert.equal(res.statusCode, 200, res.body)
    assert.ok(res.json<{ items: { id: string }[] }>().items.some((i) => i.id === dossierId))
  })

  test('the attachment is stored by its SHA-256 and served back byte for byte', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/dossiers/${dossierId}/files/${sha256(bytes)}`,
      headers: counter,
    })
    assert.equal(res.statusCode, 200)
    assert.ok(res.rawPayload.equals(bytes))
  })

  test('the platform is told it was received, once, with motcua’s id and status 1', async () => {
    const consumer = portalIntakeConsumer({
      db: t.database.db,
      client: inboundClient({ baseUrl: portal.baseUrl, apiKey: portal.apiKey }),
      now: () => fixedNow,
    })
    await relayOnce(t.database.db, [consumer])
    await relayOnce(t.database.db, [consumer])
    const acks = portal.inbound.acknowledgements.filter((a) => a.MaHoSoQuocGia === nationalId)
    assert.equal(acks.length, 1)
    assert.equal(acks[0]?.MaHoSoDiaPhuong, dossierId)
    assert.equal(acks[0]?.TrangThaiHoSo, 1)
  })
})
