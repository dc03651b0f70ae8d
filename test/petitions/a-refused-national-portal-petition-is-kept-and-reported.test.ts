import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { inboundClient } from '../../src/adapters/national-portal/inbound-client.ts'
import { pullPetitionsOnce } from '../../src/app/petitions/pull-portal-petitions.ts'
import { relayOnce } from '../../src/jobs/outbox-relay.ts'
import { portalPetitionsConsumer } from '../../src/jobs/portal-petitions-consumer.ts'
import { workingDaysFromDatabase } from '../../src/store/calendar/working-days-cache.ts'
import type { OpenDatabase } from '../../src/store/database.ts'
import { agencyCalendars } from '../../src/store/dossiers/agency-calendars.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from '../support/fake-national-portal.ts'
import { inboundPetition } from '../support/inbound-petitions.ts'
import { fixedNow } from '../support/test-app.ts'
import { createTestDatabase, engineName } from '../support/test-database.ts'

/**
 * A trusted national-portal petition motcua cannot take (a unit or a dossier it does not know) is
 * kept, once per MaPAKNQuocGia, and reported back to the platform through the outbox, as refused
 * inbound dossiers are (rules.md "Petitions", from the national portal).
 */
describe(`a refused national-portal petition is kept and reported on ${engineName}`, () => {
  let portal: FakeNationalPortal
  let database: OpenDatabase
  let client: ReturnType<typeof inboundClient>
  before(async () => {
    portal = await startFakeNationalPortal()
    database = await createTestDatabase()
    client = inboundClient({ baseUrl: portal.baseUrl, apiKey: portal.apiKey, timeoutMs: 2_000 })
  })
  after(async () => {
    await database.close()
    await portal.close()
  })

  const pull = () =>
    pullPetitionsOnce(
      {
        db: database.db,
        calendars: agencyCalendars(database.db, workingDaysFromDatabase(database.db)),
        now: () => fixedNow,
        client,
      },
      { holder: 'kiem-thu', leaseMs: 30_000, pageSize: 50, maxPages: 10 },
    )
  const relay = () => relayOnce(database.db, [portalPetitionsConsumer({ db: database.db, client })])
  const keptOf = (portalId: string) =>
    database.db
      .selectFrom('portal_petition_refusals')
      .select(['reason', 'received_via'])
      .where('portal_id', '=', portalId)
      .execute()
  const reportsOf = (portalId: string) => portal.inbound.petitions.refusals.filter((r) => r.MaPAKNQuocGia === portalId)

  test('a petition to a unit code of no unit is kept under its portal id, and no petition exists', async () => {
    const petition = inboundPetition({ MaDonViTiepNhan: '999.99.99.H99' })
    portal.inbound.petitions.enqueue(petition)
    await pull()
    const petitions = await database.db
      .selectFrom('petitions')
      .select('code')
      .where('external_id', '=', petition.MaPAKNQuocGia)
      .execute()
    assert.deepEqual(
      [await keptOf(petition.MaPAKNQuocGia), petitions],
      [[{ reason: 'unknown-unit', received_via: 'pull' }], []],
    )
  })

  test('the platform is told the refusal with its reason code and text in Vietnamese and English', async () => {
    const petition = inboundPetition({ MaHoSo: '000.00.00.H00-261126-9999' })
    portal.inbound.petitions.enqueue(petition)
    await pull()
    await relay()
    assert.deepEqual(
      reportsOf(petition.MaPAKNQuocGia).map(({ NgayTuChoi: _at, ...r }) => r),
      [
        {
          MaPAKNQuocGia: petition.MaPAKNQuocGia,
          MaLyDo: 'unknown-dossier',
          LyDo: 'Mã hồ sơ (MaHoSo) không phải mã hồ sơ của motcua; không tiếp nhận phản ánh, kiến nghị.',
          LyDoTiengAnh: 'The dossier code (MaHoSo) is not a motcua dossier code; the petition was not received.',
        },
      ],
    )
  })

  test('delivered again, it meets the same refusal and the platform hears it once', async () => {
    const petition = inboundPetition({ MaDonViTiepNhan: '999.99.99.H98' })
    portal.inbound.petitions.enqueue(petition)
    await pull()
    await relay()
    portal.inbound.petitions.enqueue(petition)
    await pull()
    await relay()
    assert.deepEqual([(await keptOf(petition.MaPAKNQuocGia)).length, reportsOf(petition.MaPAKNQuocGia).length], [1, 1])
  })

  test('a platform that is down gets the refusal when the relay retries', async () => {
    const petition = inboundPetition({ MaDonViTiepNhan: '999.99.99.H97' })
    portal.inbound.petitions.enqueue(petition)
    await pull()
    portal.failNext(1)
    await relay()
    await relayOnce(database.db, [portalPetitionsConsumer({ db: database.db, client })], {
      clock: () => new Date(Date.now() + 3_600_000),
    })
    assert.equal(reportsOf(petition.MaPAKNQuocGia).length, 1)
  })
})
