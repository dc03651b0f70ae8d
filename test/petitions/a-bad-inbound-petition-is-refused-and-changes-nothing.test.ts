import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { inboundClient } from '../../src/adapters/national-portal/inbound-client.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from '../support/fake-national-portal.ts'
import { pushCredentials, signedHeaders } from '../support/inbound-dossiers.ts'
import { inboundPetition } from '../support/inbound-petitions.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'

/**
 * A pushed petition that cannot be trusted or taken is refused with a problem (vi/en) and writes
 * nothing: no petition, no code, no audit entry (rules.md "Petitions", from the national portal).
 */
describe(`a bad inbound petition is refused and changes nothing on ${engineName}`, () => {
  let portal: FakeNationalPortal
  let t: TestApp
  before(async () => {
    portal = await startFakeNationalPortal()
    t = await createTestApp({
      portalInbound: {
        credentials: pushCredentials,
        client: inboundClient({ baseUrl: portal.baseUrl, apiKey: portal.apiKey, timeoutMs: 2_000 }),
      },
    })
  })
  after(async () => {
    await t.close()
    await portal.close()
  })

  const rows = async () => {
    const db = t.database.db
    const count = async (table: 'petitions' | 'audit_log' | 'petition_code_counters') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    return [await count('petitions'), await count('audit_log'), await count('petition_code_counters')]
  }
  const push = (body: object, headers?: Record<string, string>) => {
    const raw = JSON.stringify(body)
    return t.app.inject({
      method: 'POST',
      url: '/api/portal/inbound-petitions',
      headers: headers ?? signedHeaders(raw),
      payload: raw,
    })
  }
  const refused = async (res: Awaited<ReturnType<typeof push>>, status: number, before: number[]) => {
    assert.equal(res.statusCode, status, res.body)
    assert.match(String(res.headers['content-type']), /application\/problem\+json/)
    assert.ok(res.json<{ en: { title: string } }>().en.title.length > 0)
    assert.deepEqual(await rows(), before)
  }

  test('a signature made with another secret is a 401', async () => {
    const body = inboundPetition()
    const headers = signedHeaders(JSON.stringify(body), undefined, {
      apiKey: pushCredentials.apiKey,
      secret: `whsec_${Buffer.from('khong-phai-bi-mat').toString('base64')}`,
    })
    await refused(await push(body, headers), 401, await rows())
  })

  test('a body off the assumed schema is a 400', async () => {
    await refused(await push(inboundPetition({ PhanLoai: 7 })), 400, await rows())
  })

  test('a petitioner with neither a phone nor an e-mail is a 400', async () => {
    const nobody = { HoTen: 'Ẩn danh', SoDienThoai: null, Email: null, DiaChi: null }
    await refused(await push(inboundPetition({ NguoiPhanAnh: nobody })), 400, await rows())
  })

  test('a receiving unit code that names no unit of the province is a 422', async () => {
    await refused(await push(inboundPetition({ MaDonViTiepNhan: '999.99.99.H99' })), 422, await rows())
  })

  test('a dossier code motcua does not know is a 422', async () => {
    await refused(await push(inboundPetition({ MaHoSo: '000.00.00.H00-261126-9999' })), 422, await rows())
  })
})
