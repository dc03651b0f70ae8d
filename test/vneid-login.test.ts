import assert from 'node:assert/strict'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { after, before, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { vneidClient } from '../src/adapters/vneid/oidc-client.ts'
import { buildApp } from '../src/http/app.ts'
import { sessionCookie } from '../src/http/auth/access-control.ts'
import { stateCookie } from '../src/http/routes/vneid.ts'
import type { OpenDatabase } from '../src/store/database.ts'
import { freePort } from './support/free-port.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

/** The parts of oidc-provider (untyped JavaScript) this test uses. */
type Interaction = { params: Record<string, string | undefined> }
type OidcProvider = {
  callback(): (req: IncomingMessage, res: ServerResponse) => void
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>
  Grant: new (input: {
    accountId: string
    clientId: string
  }) => { addOIDCScope(scope: string): void; save(): Promise<string> }
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => OidcProvider
// oidc-provider ships no type declarations; a computed specifier keeps the compiler from looking for them.
const oidcProviderModule: string = 'oidc-provider'
const { default: Provider } = (await import(oidcProviderModule)) as { default: ProviderConstructor }

/** Citizens the test identity provider knows, by subject. */
const accounts: Record<string, { identity_number: string; name: string; phone_number: string; email: string }> = {
  'vneid-sub-an': {
    identity_number: '001099012345',
    name: 'Nguyễn Văn An',
    phone_number: '0912345678',
    email: 'an@example.vn',
    ...{
      birthdate: '1999-05-17',
      gender: 'male',
      address: { region: '56', locality: '22333', street_address: '1 Lê Lợi' },
    },
  },
  'vneid-sub-binh': {
    identity_number: '079188054321',
    name: 'Trần Thị Bình',
    phone_number: '0987654321',
    email: 'binh@example.vn',
  },
}
/** Who "logs in" at the provider's interaction page next. */
let nextAccount = 'vneid-sub-an'
/** Shifts the app's clock, to age a sign-in past its ten minutes. */
let clockOffsetMs = 0

const clientId = 'motcua-test'
const clientSecret = randomBytes(24).toString('base64url')
let providerServer: Server
let providerOrigin: string
let appOrigin: string
let app: FastifyInstance
let database: OpenDatabase

before(async () => {
  const [providerPort, appPort] = [await freePort(), await freePort()]
  providerOrigin = `http://127.0.0.1:${providerPort}`
  appOrigin = `http://127.0.0.1:${appPort}`
  const callbackUrl = `${appOrigin}/api/auth/vneid/callback`
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const provider = new Provider(providerOrigin, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [callbackUrl],
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    claims: {
      openid: ['sub'],
      profile: ['name', 'identity_number', 'birthdate', 'gender', 'address'],
      email: ['email'],
      phone: ['phone_number'],
    },
    findAccount: (_ctx: unknown, id: string) => {
      const account = accounts[id]
      return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined
    },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  })
  const providerCallback = provider.callback()
  // No browser: the interaction page signs `nextAccount` in and grants the requested scopes at once.
  providerServer = createServer((req, res) => {
    if (!req.url?.startsWith('/interaction/')) return providerCallback(req, res)
    void (async () => {
      const details = await provider.interactionDetails(req, res)
      const grant = new provider.Grant({ accountId: nextAccount, clientId: details.params.client_id ?? '' })
      grant.addOIDCScope(details.params.scope ?? 'openid')
      const grantId = await grant.save()
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: nextAccount }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      )
    })().catch((error: unknown) => {
      res.statusCode = 500
      res.end(String(error))
    })
  })
  await new Promise<void>((resolve) => providerServer.listen(providerPort, '127.0.0.1', resolve))

  database = await createTestDatabase({ catalogue: false })
  app = await buildApp({
    db: database.db,
    now: () => new Date(Date.now() + clockOffsetMs),
    secureCookies: false,
    vneid: vneidClient({
      issuer: providerOrigin,
      clientId,
      clientSecret,
      redirectUri: callbackUrl,
      scope: 'openid profile email phone',
      allowInsecureIssuer: true,
    }),
  })
  await app.listen({ port: appPort, host: '127.0.0.1' })
})

after(async () => {
  await app?.close()
  await database?.close()
  providerServer?.closeAllConnections()
  await new Promise((resolve) => providerServer?.close(resolve))
})

/** Cookies by name, for one site (no paths or expiry beyond deletion: enough for this flow). */
class Jar {
  readonly cookies = new Map<string, string>()
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';')
      const at = pair.indexOf('=')
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()]
      const expired = attributes.some(
        (a) =>
          /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1] ?? '') < new Date()),
      )
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
}

async function get(url: string, jar?: Jar): Promise<Response> {
  const cookie = jar?.header()
  const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} })
  jar?.take(response)
  return response
}

/**
 * Starts a sign-in at the app and walks the provider's redirects (authorize → interaction → resume)
 * until it sends the browser back to the app: returns that callback URL and the app's cookies.
 */
async function throughProvider(
  account: string,
  returnTo?: string,
): Promise<{ callback: URL; appJar: Jar; started: Response }> {
  nextAccount = account
  const appJar = new Jar()
  const providerJar = new Jar()
  const started = await get(
    `${appOrigin}/api/auth/vneid/login${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`,
    appJar,
  )
  assert.equal(started.status, 302, await started.clone().text())
  let location = new URL(started.headers.get('location') ?? '')
  assert.equal(location.origin, providerOrigin)
  for (let hop = 0; hop < 10 && location.origin === providerOrigin; hop++) {
    const response = await get(location.href, providerJar)
    assert.ok([302, 303].includes(response.status), `provider answered ${response.status}: ${await response.text()}`)
    location = new URL(response.headers.get('location') ?? '', location)
  }
  assert.equal(`${location.origin}${location.pathname}`, `${appOrigin}/api/auth/vneid/callback`)
  return { callback: location, appJar, started }
}

test(`the birth date, sex and address VNeID vouches for are kept with the account, to prefill declarations (${engineName})`, async () => {
  const { callback, appJar } = await throughProvider('vneid-sub-an', '/')
  assert.equal((await get(callback.href, appJar)).status, 302)
  const user = await database.db
    .selectFrom('users')
    .select(['birth_date', 'sex', 'address'])
    .where('identity_number', '=', '001099012345')
    .executeTakeFirstOrThrow()
  assert.deepEqual(user, {
    birth_date: '1999-05-17',
    sex: 'male',
    address: { region: '56', locality: '22333', street_address: '1 Lê Lợi' },
  })
})

async function counts() {
  const [users, sessions] = await Promise.all([
    database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    database.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { users: Number(users.n), sessions: Number(sessions.n) }
}

async function assertRefused(response: Response): Promise<void> {
  assert.equal(response.status, 401)
  assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/)
  const body = (await response.json()) as { type: string }
  assert.equal(body.type, 'urn:motcua:problem:oidcFailed')
  assert.ok(!response.headers.getSetCookie().some((c) => c.startsWith(`${sessionCookie}=`)))
}

test(`VNeID sign-in over OpenID Connect signs the citizen in with vneid: true (${engineName})`, async () => {
  const { callback, appJar, started } = await throughProvider('vneid-sub-an', '/ho-so/cua-toi?tab=1')
  const authorize = new URL(started.headers.get('location') ?? '')
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256')
  assert.ok(authorize.searchParams.get('code_challenge'))
  assert.ok(authorize.searchParams.get('nonce'))
  assert.equal(authorize.searchParams.get('client_id'), clientId)
  assert.ok(callback.searchParams.get('code'))

  const response = await get(callback.href, appJar)
  assert.equal(response.status, 302, await response.clone().text())
  assert.equal(response.headers.get('location'), '/ho-so/cua-toi?tab=1')
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookie}=`))
  assert.ok(setCookie, 'the callback sets the session cookie')
  assert.match(setCookie, /HttpOnly/i)
  assert.match(setCookie, /SameSite=Lax/i)
  assert.match(setCookie, /Path=\//)
  assert.equal(appJar.cookies.has(stateCookie), false, 'the sign-in state cookie is cleared')

  const session = await get(`${appOrigin}/api/auth/session`, appJar)
  assert.equal(session.status, 200)
  const body = (await session.json()) as { user: { kind: string; name: string; vneid: boolean }; demo: boolean }
  assert.equal(body.user.kind, 'citizen')
  assert.equal(body.user.vneid, true)
  assert.equal(body.user.name, 'Nguyễn Văn An')
  assert.equal(body.demo, false)

  const citizen = await database.db
    .selectFrom('users')
    .select(['kind', 'display_name', 'phone', 'email'])
    .where('identity_number', '=', '001099012345')
    .executeTakeFirst()
  assert.deepEqual(citizen, {
    kind: 'citizen',
    display_name: 'Nguyễn Văn An',
    phone: '0912345678',
    email: 'an@example.vn',
  })
  const left = await database.db.selectFrom('oidc_logins').selectAll().execute()
  assert.equal(left.length, 0, 'the sign-in state is used up')
})

test('a sign-in without returnTo lands on /', async () => {
  const { callback, appJar } = await throughProvider('vneid-sub-an')
  const response = await get(callback.href, appJar)
  assert.equal(response.status, 302)
  assert.equal(response.headers.get('location'), '/')
})

test('a tampered or unknown state is refused and creates nothing', async () => {
  const before = await counts()
  const { callback, appJar } = await throughProvider('vneid-sub-binh')
  const tampered = new URL(callback)
  tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`)
  // The browser's state cookie does not match…
  await assertRefused(await get(tampered.href, appJar))
  // …and a cookie forged to match names no sign-in that was started.
  const forged = new Jar()
  forged.cookies.set(stateCookie, tampered.searchParams.get('state') ?? '')
  await assertRefused(await get(tampered.href, forged))
  // No state at all, or a state nobody started.
  await assertRefused(await get(`${appOrigin}/api/auth/vneid/callback?code=abc`))
  await assertRefused(await get(`${appOrigin}/api/auth/vneid/callback?code=abc&state=nobody-started-this`))
  assert.deepEqual(await counts(), before)
  const binh = await database.db
    .selectFrom('users')
    .select('id')
    .where('identity_number', '=', '079188054321')
    .executeTakeFirst()
  assert.equal(binh, undefined)
})

test('a callback URL works once: replaying it is refused', async () => {
  const { callback, appJar } = await throughProvider('vneid-sub-an')
  const replayJar = new Jar()
  for (const [k, v] of appJar.cookies) replayJar.cookies.set(k, v)
  const first = await get(callback.href, appJar)
  assert.equal(first.status, 302)
  const before = await counts()
  await assertRefused(await get(callback.href, replayJar))
  assert.deepEqual(await counts(), before)
})

test('a callback URL sent to another browser does not sign that browser in (login CSRF)', async () => {
  const { callback } = await throughProvider('vneid-sub-an')
  await assertRefused(await get(callback.href, new Jar()))
})

test('the PKCE verifier is checked: a code redeemed with another verifier is refused', async () => {
  const before = await counts()
  const { callback, appJar } = await throughProvider('vneid-sub-binh')
  await database.db
    .updateTable('oidc_logins')
    .set({ code_verifier: randomBytes(32).toString('base64url') })
    .where('state', '=', callback.searchParams.get('state') ?? '')
    .execute()
  await assertRefused(await get(callback.href, appJar))
  assert.deepEqual(await counts(), before)
})

test('a provider error answer is refused', async () => {
  const { callback, appJar } = await throughProvider('vneid-sub-binh')
  const denied = new URL(callback.pathname, callback)
  denied.searchParams.set('error', 'access_denied')
  denied.searchParams.set('state', callback.searchParams.get('state') ?? '')
  denied.searchParams.set('iss', callback.searchParams.get('iss') ?? '')
  await assertRefused(await get(denied.href, appJar))
})

test('a sign-in older than ten minutes is refused', async (t) => {
  const { callback, appJar } = await throughProvider('vneid-sub-binh')
  clockOffsetMs = 11 * 60_000
  t.after(() => {
    clockOffsetMs = 0
  })
  await assertRefused(await get(callback.href, appJar))
})

test('returnTo must be a local path', async () => {
  for (const returnTo of ['https://evil.example', '//evil.example/x', '/\\evil.example', 'ho-so', '/a b']) {
    const response = await get(`${appOrigin}/api/auth/vneid/login?returnTo=${encodeURIComponent(returnTo)}`)
    assert.equal(response.status, 400, returnTo)
    assert.equal(response.headers.get('location'), null)
    const body = (await response.json()) as { type: string }
    assert.equal(body.type, 'urn:motcua:problem:validation')
  }
})

test('without a configured VNeID client the sign-in answers 503 and the callback 401', async () => {
  const bare = await buildApp({ db: database.db, now: () => new Date(), secureCookies: false })
  try {
    const login = await bare.inject({ method: 'GET', url: '/api/auth/vneid/login' })
    assert.equal(login.statusCode, 503)
    assert.equal(login.json<{ type: string }>().type, 'urn:motcua:problem:vneidUnavailable')
    const callback = await bare.inject({ method: 'GET', url: '/api/auth/vneid/callback?code=a&state=b' })
    assert.equal(callback.statusCode, 401)
  } finally {
    await bare.close()
  }
})
