import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { createOfficer, lockout } from '../src/store/identity/users.ts'
import { declarationFor } from './support/declaration-samples.ts'
import { createTestApp, fixedNow, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

const cookieOf = (setCookie: string | string[] | undefined) => {
  const raw = Array.isArray(setCookie) ? setCookie.join('; ') : (setCookie ?? '')
  const match = /motcua_session=([^;]+)/.exec(raw)
  return match ? `motcua_session=${match[1]}` : ''
}

describe(`officer accounts and sessions on ${engineName}`, () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp({ demoLogin: true })
    await createOfficer(
      t.database.db,
      {
        username: 'ha.lt',
        name: 'Lê Thu Hà',
        password: 'mat-khau-dai-du-12',
        grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }],
      },
      fixedNow,
    )
    await createOfficer(
      t.database.db,
      { username: 'lock.me', name: 'Khóa', password: 'mat-khau-dai-du-12', grants: [] },
      fixedNow,
    )
  })
  after(async () => t.close())

  const login = (username: string, password: string, ip = '127.0.0.10') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip })

  test('a password login sets a secure, httpOnly, SameSite session cookie backed by the database', async () => {
    const res = await login('ha.lt', 'mat-khau-dai-du-12')
    assert.equal(res.statusCode, 200, res.body)
    const setCookie = String(res.headers['set-cookie'])
    assert.match(setCookie, /HttpOnly/i)
    assert.match(setCookie, /Secure/i)
    assert.match(setCookie, /SameSite=Lax/i)
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: cookieOf(res.headers['set-cookie']) },
    })
    assert.equal(me.json<{ user: { name: string } }>().user.name, 'Lê Thu Hà')
  })

  test('a wrong password and an unknown user answer alike; the account locks after repeated failures', async () => {
    const wrong = await login('ha.lt', 'sai', '127.0.0.11')
    const unknown = await login('nobody', 'sai', '127.0.0.11')
    assert.equal(wrong.statusCode, 401)
    assert.equal(unknown.statusCode, 401)
    assert.equal(wrong.json<{ type: string }>().type, unknown.json<{ type: string }>().type)
    for (let i = 0; i < lockout.failures - 1; i++)
      assert.equal((await login('lock.me', 'sai', '127.0.0.12')).statusCode, 401)
    assert.equal((await login('lock.me', 'sai', '127.0.0.12')).statusCode, 423)
    assert.equal(
      (await login('lock.me', 'mat-khau-dai-du-12', '127.0.0.13')).statusCode,
      423,
      'locked even with the right password',
    )
  })

  test('logins are rate-limited per address', async () => {
    const statuses = []
    for (let i = 0; i < 12; i++) statuses.push((await login('nobody', 'x', '127.0.0.99')).statusCode)
    assert.ok(statuses.includes(429), String(statuses))
  })

  test('a state-changing request with the session cookie but without the CSRF token is refused', async () => {
    const headers = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: headers.cookie ?? '' },
    })
    assert.equal(res.statusCode, 403)
    assert.equal(res.json<{ type: string }>().type, 'urn:motcua:problem:csrf')
    const lookup = await t.app.inject({
      method: 'POST',
      url: '/api/lookup',
      headers: { cookie: headers.cookie ?? '' },
      payload: { code: 'X-261126-0001', verifier: '0000' },
      remoteAddress: '127.0.0.50',
    })
    assert.equal(lookup.statusCode, 404, 'a public route ignores the session, so needs no CSRF token')
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode, 204)
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers })).statusCode,
      401,
      'the session ended',
    )
  })

  test('logout everywhere ends every session of the account, and a password change ends the others', async () => {
    const first = await login('ha.lt', 'mat-khau-dai-du-12', '127.0.0.20')
    const second = await login('ha.lt', 'mat-khau-dai-du-12', '127.0.0.21')
    const a = {
      cookie: cookieOf(first.headers['set-cookie']),
      'x-csrf-token': first.json<{ csrfToken: string }>().csrfToken,
    }
    const b = { cookie: cookieOf(second.headers['set-cookie']) }
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: a,
      payload: { currentPassword: 'mat-khau-dai-du-12', newPassword: 'mat-khau-moi-rat-dai' },
    })
    assert.equal(changed.statusCode, 200, changed.body)
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: b })).statusCode, 401)
    assert.equal((await login('ha.lt', 'mat-khau-dai-du-12', '127.0.0.22')).statusCode, 401)
    const fresh = await login('ha.lt', 'mat-khau-moi-rat-dai', '127.0.0.23')
    const c = {
      cookie: cookieOf(fresh.headers['set-cookie']),
      'x-csrf-token': fresh.json<{ csrfToken: string }>().csrfToken,
    }
    const ended = await t.app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: c })
    assert.ok(ended.json<{ ended: number }>().ended >= 2)
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: c })).statusCode, 401)
  })

  test('the demo login is labelled and only where enabled', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/demo-login',
      payload: { as: 'citizen' },
      remoteAddress: '127.0.0.30',
    })
    assert.equal(res.statusCode, 200, res.body)
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: cookieOf(res.headers['set-cookie']) },
    })
    assert.equal(me.json<{ demo: boolean; user: { vneid: boolean } }>().demo, true)
    assert.equal(me.json<{ user: { vneid: boolean } }>().user.vneid, false)
  })

  test('public lookup answers status and appointment only with the right last 4 digits', async () => {
    const citizen = await signedIn(t, { citizen: { identityNumber: '056190001234', name: 'Tra Cứu' } })
    const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/api/dossiers',
        headers: { ...citizen, 'idempotency-key': randomUUID() },
        payload: {
          procedureCode: '1.001193',
          ...declarationFor('1.001193'),
          receivingAgencyId: 'ttpvhcc-22333',
          channel: 2,
          applicant: {
            id: 'x',
            kind: 'citizen',
            name: 'x',
            identityNumber: null,
            phone: '0905559876',
            email: null,
            address: null,
          },
          components: [],
        },
      })
    ).json<DossierView>()
    const received = (
      await t.app.inject({
        method: 'POST',
        url: `/api/dossiers/${created.id}/reception`,
        headers: { ...counter, 'idempotency-key': randomUUID() },
        payload: { expectedVersion: created.version },
      })
    ).json<DossierView>()
    const lookup = (verifier: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/lookup',
        payload: { code: received.code, verifier },
        remoteAddress: '127.0.0.40',
      })
    const byPhone = await lookup('9876')
    assert.equal(byPhone.statusCode, 200)
    assert.deepEqual(Object.keys(byPhone.json()).sort(), ['appointmentAt', 'code', 'status'])
    assert.equal((await lookup('1234')).statusCode, 200, 'identity number works too')
    assert.equal((await lookup('0000')).statusCode, 404)
  })
})
