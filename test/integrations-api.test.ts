import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { Webhook } from 'standardwebhooks'
import { type Consumer, PermanentFailure } from '../src/jobs/consumer.ts'
import { relayOnce } from '../src/jobs/outbox-relay.ts'
import { createApiToken } from '../src/store/identity/users.ts'
import { submitOnline } from './support/http-dossier.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

type Json = Record<string, any>

describe(`webhook subscriptions and dead letters over HTTP on ${engineName}`, () => {
  let t: TestApp
  let client: Record<string, string>
  let admin: Record<string, string>
  before(async () => {
    t = await createTestApp()
    const id = randomUUID()
    const db = t.database.db
    await db
      .insertInto('users')
      .values({ id, kind: 'integration', display_name: 'LGSP', created_at: new Date() })
      .execute()
    await db.insertInto('role_grants').values({ user_id: id, role: 'integration', agency_id: 'xa-22333' }).execute()
    client = { authorization: `Bearer ${await createApiToken(db, id, 'LGSP', ['dossiers:read'], new Date())}` }
    admin = await signedIn(t, { grants: [{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }] })
  })
  after(() => t.close())

  test('a client subscribes (the secret is shown once), lists its subscriptions and stops one', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/webhook-subscriptions',
      headers: client,
      payload: { url: 'https://lgsp.example/hooks/motcua', topics: ['dossier.received', 'dossier.issued'] },
    })
    assert.equal(created.statusCode, 201, created.body)
    const { id, secret } = created.json<{ id: string; secret: string }>()
    // Standard Webhooks: whsec_ + standard base64 of at least 24 bytes, which the official library loads.
    assert.match(secret, /^whsec_(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/)
    assert.ok(Buffer.from(secret.slice('whsec_'.length), 'base64').length >= 24)
    assert.doesNotThrow(() => new Webhook(secret))
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/webhook-subscriptions', headers: client })
    ).json<Json>()
    assert.deepEqual(
      list.subscriptions.map((s: Json) => [s.id, s.url, s.topics, s.active]),
      [[id, 'https://lgsp.example/hooks/motcua', ['dossier.received', 'dossier.issued'], true]],
    )
    assert.ok(!JSON.stringify(list).includes(secret), 'the secret is never shown again')
    const stop = () => t.app.inject({ method: 'DELETE', url: `/api/webhook-subscriptions/${id}`, headers: client })
    assert.equal((await stop()).statusCode, 204)
    assert.equal((await stop()).statusCode, 404)
  })

  test('a bad subscription is refused with a problem and stores nothing', async () => {
    for (const payload of [
      { url: 'ftp://x', topics: ['dossier.received'] },
      { url: 'https://x', topics: [] },
      { url: 'https://x', topics: ['everything'] },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/webhook-subscriptions', headers: client, payload })
      assert.equal(res.statusCode, 400, JSON.stringify(payload))
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
    }
    const rows = await t.database.db.selectFrom('webhook_subscriptions').select('url').execute()
    assert.deepEqual(
      rows.map((r) => r.url),
      ['https://lgsp.example/hooks/motcua'],
    )
  })

  test('the administrator sees a dead delivery and re-drives it (audited)', async () => {
    const citizen = await signedIn(t, { citizen: { identityNumber: '056190009999', name: 'Lê Thị Thư' } })
    const dossier = await submitOnline(t, citizen)
    const refusing: Consumer = {
      name: 'portal-test',
      accepts: () => true,
      deliver: async () => {
        throw new PermanentFailure('MaTTHC không hợp lệ')
      },
    }
    await relayOnce(t.database.db, [refusing])
    const dead = (await t.app.inject({ method: 'GET', url: '/api/outbox/dead-letters', headers: admin })).json<Json>()
    const letter = dead.deadLetters.find((d: Json) => d.dossierId === dossier.id)
    assert.ok(letter, JSON.stringify(dead))
    assert.deepEqual(
      [letter.consumer, letter.topic, letter.attempts, letter.lastError],
      ['portal-test', 'dossier.submitted', 1, 'MaTTHC không hợp lệ'],
    )
    const url = `/api/outbox/dead-letters/portal-test/${letter.messageId}/redrive`
    assert.equal((await t.app.inject({ method: 'POST', url, headers: admin })).statusCode, 204)
    assert.equal((await t.app.inject({ method: 'POST', url, headers: admin })).statusCode, 404, 'no longer dead')
    const row = await t.database.db
      .selectFrom('outbox_deliveries')
      .select(['state', 'attempts'])
      .where('consumer', '=', 'portal-test')
      .where('message_id', '=', letter.messageId)
      .executeTakeFirstOrThrow()
    assert.deepEqual(row, { state: 'pending', attempts: 0 })
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'outbox.redriven')
      .execute()
    assert.equal(audit.length, 1)
  })
})
