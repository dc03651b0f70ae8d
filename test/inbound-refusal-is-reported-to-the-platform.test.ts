import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { inboundClient } from '../src/adapters/national-portal/inbound-client.ts'
import { pullOnce } from '../src/app/portal/intake-pull.ts'
import en from '../src/http/i18n/en.json' with { type: 'json' }
import vi from '../src/http/i18n/vi.json' with { type: 'json' }
import { relayOnce } from '../src/jobs/outbox-relay.ts'
import { portalRefusalConsumer } from '../src/jobs/portal-refusal-consumer.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from './support/fake-national-portal.ts'
import { inboundDossier, intakeDepsOf } from './support/inbound-dossiers.ts'
import { createTestApp, fixedNow, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

/**
 * Issue 16 §1: a national dossier motcua refuses is not only recorded locally; the platform is told,
 * with the reason's code and text in Vietnamese and English, through the outbox, so an unavailable
 * platform is retried by the relay (rules.md "Inbound dossiers from the national portal").
 */
describe(`a refused inbound dossier is reported to the platform on ${engineName}`, () => {
  let portal: FakeNationalPortal
  let t: TestApp

  before(async () => {
    portal = await startFakeNationalPortal()
    t = await createTestApp()
  })
  after(async () => {
    await t.close()
    await portal.close()
  })

  const consumer = () =>
    portalRefusalConsumer({
      db: t.database.db,
      client: inboundClient({ baseUrl: portal.baseUrl, apiKey: portal.apiKey, timeoutMs: 2_000 }),
      now: () => fixedNow,
    })
  /** Pulls `dossiers` (a round of their own) and returns their national ids. */
  const pulled = async (...dossiers: Record<string, unknown>[]) => {
    portal.inbound.enqueue(...dossiers)
    await pullOnce(intakeDepsOf(t, portal), { holder: 'kiem-thu', leaseMs: 30_000, pageSize: 50, maxPages: 10 })
    return dossiers.map((d) => d.MaHoSoQuocGia as string)
  }
  const reportsOf = (nationalId: string) => portal.inbound.refusals.filter((r) => r.MaHoSoQuocGia === nationalId)
  const later = () => new Date(Date.now() + 3_600_000)

  test('a pulled dossier of an unknown procedure is reported with its reason code and the reason in Vietnamese and English', async () => {
    const [id] = await pulled(inboundDossier(portal, { MaTTHC: '1.999999' }))
    await relayOnce(t.database.db, [consumer()])
    assert.deepEqual(
      reportsOf(id as string).map(({ MaLyDo, LyDo, LyDoTiengAnh }) => ({ MaLyDo, LyDo, LyDoTiengAnh })),
      [
        {
          MaLyDo: 'unknown-procedure',
          LyDo: vi['problem.inboundUnknownProcedure.detail'],
          LyDoTiengAnh: en['problem.inboundUnknownProcedure.detail'],
        },
      ],
    )
  })

  test('an unavailable platform gets the report on the relay’s retry, and only once', async () => {
    const [id] = await pulled(inboundDossier(portal, { MaDonViTiepNhan: '999.99.99.H99' }))
    portal.failNext(1)
    await relayOnce(t.database.db, [consumer()])
    assert.equal(reportsOf(id as string).length, 0, 'the 503 was not taken as a report')
    await relayOnce(t.database.db, [consumer()], { clock: later })
    await relayOnce(t.database.db, [consumer()], { clock: later })
    assert.equal(reportsOf(id as string).length, 1)
  })

  test('a dossier that was created is not reported as refused', async () => {
    const [id] = await pulled(inboundDossier(portal))
    await relayOnce(t.database.db, [consumer()], { clock: later })
    assert.equal(reportsOf(id as string).length, 0)
  })
})
