import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { inboundClient } from '../../src/adapters/national-portal/inbound-client.ts'
import { relayOnce } from '../../src/jobs/outbox-relay.ts'
import { portalPetitionsConsumer } from '../../src/jobs/portal-petitions-consumer.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from '../support/fake-national-portal.ts'
import { pushCredentials, signedHeaders } from '../support/inbound-dossiers.ts'
import { inboundPetition } from '../support/inbound-petitions.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { command, submit } from './petition-http.ts'

/**
 * Issue 16 §3: once a national-portal petition is answered (or refused), an outbox message written
 * with the answer tells the platform, through the relay, which retries a platform that is down
 * (rules.md "Petitions", from the national portal).
 */
describe(`the national portal is told its petition's answer on ${engineName}`, () => {
  let portal: FakeNationalPortal
  let t: TestApp
  let consumer: ReturnType<typeof portalPetitionsConsumer>
  before(async () => {
    portal = await startFakeNationalPortal()
    const client = inboundClient({ baseUrl: portal.baseUrl, apiKey: portal.apiKey, timeoutMs: 2_000 })
    t = await createTestApp({ portalInbound: { credentials: pushCredentials, client } })
    consumer = portalPetitionsConsumer({ db: t.database.db, client })
  })
  after(async () => {
    await t.close()
    await portal.close()
  })

  const pushed = async () => {
    const body = inboundPetition()
    const raw = JSON.stringify(body)
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/portal/inbound-petitions',
      headers: signedHeaders(raw),
      payload: raw,
    })
    assert.equal(res.statusCode, 201, res.body)
    return { portalId: body.MaPAKNQuocGia, code: res.json<{ MaPAKN: string }>().MaPAKN }
  }
  const answer = async (code: string) => {
    const held = await t.database.db
      .selectFrom('petitions')
      .select('agency_id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
    // Routed to the responsible agency first, whose specialist answers (Art. 14).
    const responsible = held.agency_id === 'xa-22333' ? 'ttpvhcc-22333' : 'xa-22333'
    const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: held.agency_id }] })
    const routed = await command(t, counter, code, 'assignment', { agencyId: responsible })
    assert.equal(routed.statusCode, 200, routed.body)
    const specialist = await signedIn(t, { grants: [{ role: 'specialist', agencyId: responsible }] })
    const res = await command(t, specialist, code, 'answer', { answer: 'Đã chấn chỉnh cán bộ tiếp nhận.' })
    assert.equal(res.statusCode, 200, res.body)
  }
  const outcomesOf = (portalId: string) => portal.inbound.petitions.outcomes.filter((o) => o.MaPAKNQuocGia === portalId)

  test('an answered portal petition is reported with its code, status 3, the answer and that it is public', async () => {
    const { portalId, code } = await pushed()
    await answer(code)
    await relayOnce(t.database.db, [consumer])
    assert.deepEqual(
      outcomesOf(portalId).map(({ NgayXuLy: _at, ...o }) => o),
      [
        {
          MaPAKNQuocGia: portalId,
          MaPAKN: code,
          TrangThai: 3,
          NoiDungTraLoi: 'Đã chấn chỉnh cán bộ tiếp nhận.',
          CongKhai: true,
        },
      ],
    )
  })

  test('a platform that is down gets the answer when the relay retries', async () => {
    const { portalId, code } = await pushed()
    await answer(code)
    portal.failNext(1)
    const first = await relayOnce(t.database.db, [consumer])
    assert.equal(first.failed, 1)
    await relayOnce(t.database.db, [consumer], { clock: () => new Date(Date.now() + 3_600_000) })
    assert.equal(outcomesOf(portalId).length, 1)
  })

  test('a petition sent on motcua’s own portal leaves the national portal nothing to hear', async () => {
    const sent = await submit(t, {})
    assert.equal(sent.statusCode, 201, sent.body)
    const code = sent.json<{ code: string }>().code
    await answer(code)
    const messages = await t.database.db
      .selectFrom('outbox')
      .select('id')
      .where('message_key', '=', `petition:${code}`)
      .execute()
    assert.deepEqual(messages, [])
  })
})
