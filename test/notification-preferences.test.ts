import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Problem } from '../src/http/problem.ts'
import { loadDossier } from '../src/store/dossiers/dossier-queries.ts'
import { vaultOwnerOf } from '../src/store/vault/vault-items.ts'
import { submitOnline } from './support/http-dossier.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

type Preferences = { email: boolean; sms: boolean; chosen: boolean }
const url = '/api/my-notification-preferences'

describe(`a citizen's choice of notice channels over HTTP on ${engineName}`, () => {
  let t: TestApp
  const identityNumber = '056190008888'
  before(async () => {
    t = await createTestApp()
  })
  after(async () => t.close())

  const citizen = (number = identityNumber) => signedIn(t, { citizen: { identityNumber: number, name: 'Lê Văn Chọn' } })
  const put = async (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'PUT', url, headers, payload })

  test('without a choice, both channels are on and the answer says nothing was chosen', async () => {
    const res = await t.app.inject({ method: 'GET', url, headers: await citizen('056190008881') })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(res.json<Preferences>(), { email: true, sms: true, chosen: false })
  })

  test('a saved choice is what the next reading returns', async () => {
    const headers = await citizen()
    const saved = await put(headers, { email: true, sms: false })
    assert.equal(saved.statusCode, 200, saved.body)
    assert.deepEqual(saved.json<Preferences>(), { email: true, sms: false, chosen: true })
    await put(headers, { email: false, sms: true })
    const read = await t.app.inject({ method: 'GET', url, headers })
    assert.deepEqual(read.json<Preferences>(), { email: false, sms: true, chosen: true })
  })

  test('the choice is kept under the key the notifier derives from the citizen’s own dossiers', async () => {
    const headers = await citizen('056190008882')
    await put(headers, { email: false, sms: false })
    const dossier = await submitOnline(t, headers, '0905000111')
    const found = await loadDossier(t.database.db, dossier.id)
    assert.ok(found)
    const row = await t.database.db
      .selectFrom('notification_preferences')
      .selectAll()
      .where('applicant_key', '=', vaultOwnerOf(found.state.applicant))
      .executeTakeFirst()
    assert.deepEqual(row, { applicant_key: 'citizen:056190008882', email: false, sms: false })
  })

  test('an officer has no notice channels to choose: 403 problem', async () => {
    const officer = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    const read = await t.app.inject({ method: 'GET', url, headers: officer })
    assert.equal(read.statusCode, 403)
    const write = await put(officer, { email: true, sms: true })
    assert.equal(write.statusCode, 403)
    assert.equal(write.json<Problem>().type, 'urn:motcua:problem:forbidden')
  })

  test('a choice that is not two booleans is refused with a 400 problem naming the field', async () => {
    const headers = await citizen('056190008883')
    for (const payload of [{ email: 'yes', sms: true }, { email: true }, { email: true, sms: true, fax: true }]) {
      const res = await put(headers, payload)
      assert.equal(res.statusCode, 400, JSON.stringify(payload))
      assert.match(String(res.headers['content-type']), /application\/problem\+json/)
      const body = res.json<Problem>()
      assert.equal(body.type, 'urn:motcua:problem:validation')
      assert.ok(
        body.errors?.some((e) => e.path.startsWith('body')),
        res.body,
      )
    }
    const read = await t.app.inject({ method: 'GET', url, headers })
    assert.equal(read.json<Preferences>().chosen, false)
  })

  test('each choice is audited with what it replaced', async () => {
    const headers = await citizen('056190008884')
    await put(headers, { email: true, sms: false })
    await put(headers, { email: false, sms: false })
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'before', 'after'])
      .where('subject', '=', 'notification-preferences:citizen:056190008884')
      .orderBy('id')
      .execute()
    assert.deepEqual(
      rows.map((r) => [r.action, r.before, r.after]),
      [
        ['notification-preferences.created', null, { email: true, sms: false }],
        ['notification-preferences.replaced', { email: true, sms: false }, { email: false, sms: false }],
      ],
    )
    assert.match(rows[0]?.actor ?? '', /^Lê Văn Chọn \(/)
  })
})
