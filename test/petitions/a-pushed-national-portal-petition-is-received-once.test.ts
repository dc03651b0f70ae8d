import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { inboundClient } from '../../src/adapters/national-portal/inbound-client.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from '../support/fake-national-portal.ts'
import { pushCredentials, signedHeaders } from '../support/inbound-dossiers.ts'
import { inboundPetition } from '../support/inbound-petitions.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'

/**
 * Issue 16 §3: a petition sent on the national portal and pushed by the platform (authenticated as
 * inbound dossiers are) is one petition in motcua however often and in whatever order it arrives;
 * a repeat answers the same PAKN code (rules.md "Petitions", from the national portal).
 */
describe(`a pushed national-portal petition is received once on ${engineName}`, () => {
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

  const push = (body: object) => {
    const raw = JSON.stringify(body)
    return t.app.inject({
      method: 'POST',
      url: '/api/portal/inbound-petitions',
      headers: signedHeaders(raw),
      payload: raw,
    })
  }
  const petitionsOf = (portalId: string) =>
    t.database.db.selectFrom('petitions').select(['code', 'channel']).where('external_id', '=', portalId).execute()

  test('pushed twice: received the first time, the repeat answers the same PAKN code', async () => {
    const petition = inboundPetition()
    const first = await push(petition)
    assert.equal(first.statusCode, 201, first.body)
    const code = first.json<{ MaPAKN: string }>().MaPAKN
    const again = await push(petition)
    assert.equal(again.statusCode, 200, again.body)
    assert.deepEqual(again.json(), { MaPAKNQuocGia: petition.MaPAKNQuocGia, MaPAKN: code, KetQua: 'da_ton_tai' })
    assert.deepEqual(await petitionsOf(petition.MaPAKNQuocGia), [{ code, channel: 'national-portal' }])
  })

  test('the platform’s queue with duplicates and out of order gives one petition per portal id', async () => {
    const [a, b, c] = [inboundPetition(), inboundPetition(), inboundPetition()] as const
    portal.inbound.petitions.enqueue(c, a, c, b, a)
    const answers: Record<string, string[]> = {}
    for (const delivery of portal.inbound.petitions.drain()) {
      const res = await push(delivery)
      assert.ok(res.statusCode === 200 || res.statusCode === 201, res.body)
      const portalId = delivery.MaPAKNQuocGia as string
      answers[portalId] = [...(answers[portalId] ?? []), res.json<{ MaPAKN: string }>().MaPAKN]
    }
    for (const p of [a, b, c]) {
      const rows = await petitionsOf(p.MaPAKNQuocGia)
      assert.equal(rows.length, 1, p.MaPAKNQuocGia)
      assert.ok(
        answers[p.MaPAKNQuocGia]?.every((code) => code === rows[0]?.code),
        p.MaPAKNQuocGia,
      )
    }
  })
})
