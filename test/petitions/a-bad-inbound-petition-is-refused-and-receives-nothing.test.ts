import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { pushCredentials, signedHeaders } from '../support/inbound-dossiers.ts'
import { inboundPetition } from '../support/inbound-petitions.ts'
import { type PushSetup, startPushSetup } from '../support/inbound-push.ts'
import { engineName } from '../support/test-database.ts'

/**
 * A pushed petition that cannot be trusted or taken is refused with a problem (vi/en) and receives
 * nothing: no petition, no code number; one that cannot be trusted writes no audit entry either (a
 * trusted one refused on its content is kept and reported: a-refused-national-portal-petition-is-kept-and-reported)
 * (rules.md "Petitions", from the national portal).
 */
describe(`a bad inbound petition is refused and receives nothing on ${engineName}`, () => {
  let setup: PushSetup
  before(async () => {
    setup = await startPushSetup()
  })
  after(() => setup.close())

  const rows = async () => {
    const db = setup.t.database.db
    const count = async (table: 'petitions' | 'audit_log' | 'petition_code_counters') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    return [await count('petitions'), await count('petition_code_counters'), await count('audit_log')]
  }
  const push = (body: object, headers?: Record<string, string>) =>
    setup.push('/api/portal/inbound-petitions', body, headers)
  /** The push answered `status` with a problem, and the counted tables (all, or the first `tables`) are unchanged. */
  const refused = async (send: () => ReturnType<typeof push>, status: number, tables = 3) => {
    const before = (await rows()).slice(0, tables)
    const res = await send()
    assert.equal(res.statusCode, status, res.body)
    assert.match(String(res.headers['content-type']), /application\/problem\+json/)
    assert.ok(res.json<{ en: { title: string } }>().en.title.length > 0)
    assert.deepEqual((await rows()).slice(0, tables), before)
  }

  test('a signature made with another secret is a 401', async () => {
    const body = inboundPetition()
    const headers = signedHeaders(JSON.stringify(body), undefined, {
      apiKey: pushCredentials.apiKey,
      secret: `whsec_${Buffer.from('khong-phai-bi-mat').toString('base64')}`,
    })
    await refused(() => push(body, headers), 401)
  })

  test('a body off the assumed schema is a 400', async () => {
    await refused(() => push(inboundPetition({ PhanLoai: 7 })), 400)
  })

  test('a petitioner with neither a phone nor an e-mail is a 400', async () => {
    const nobody = { HoTen: 'Ẩn danh', SoDienThoai: null, Email: null, DiaChi: null }
    await refused(() => push(inboundPetition({ NguoiPhanAnh: nobody })), 400)
  })

  test('a receiving unit code that names no unit of the province is a 422, no petition received', async () => {
    await refused(() => push(inboundPetition({ MaDonViTiepNhan: '999.99.99.H99' })), 422, 2)
  })

  test('a dossier code motcua does not know is a 422, no petition received', async () => {
    await refused(() => push(inboundPetition({ MaHoSo: '000.00.00.H00-261126-9999' })), 422, 2)
  })

  test('a push that cannot be trusted is kept with what it claims, under no key', async () => {
    const body = inboundPetition({ PhanLoai: 7 })
    await push(body)
    const kept = await setup.t.database.db
      .selectFrom('portal_petition_refusals')
      .select(['portal_id', 'reason', 'received_via'])
      .where('claimed_portal_id', '=', body.MaPAKNQuocGia)
      .execute()
    assert.deepEqual(kept, [{ portal_id: null, reason: 'invalid-body', received_via: 'push' }])
  })
})
