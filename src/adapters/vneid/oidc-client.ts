import * as oidc from 'openid-client'

/** How to reach the VNeID identity provider (OpenID Connect, authorization code flow with PKCE). */
export type VneidOptions = {
  /** Issuer URL; its discovery document is fetched on first use. */
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
  /** This server's callback, `https://…/api/auth/vneid/callback`, as registered with the provider. */
  readonly redirectUri: string
  /** Scopes to ask for (default `openid profile`). */
  readonly scope?: string
  /** The claim holding the citizen's identity number (default `identity_number`, else `sub`). */
  readonly identityClaim?: string
  /** How the client authenticates at the token endpoint (default `client_secret_basic`). */
  readonly tokenAuth?: 'client_secret_basic' | 'client_secret_post'
  /** Allow a plain-HTTP issuer: only for tests against a provider on loopback. */
  readonly allowInsecureIssuer?: boolean
}

/** What a sign-in needs to remember between the redirect to the provider and the callback. */
export type VneidLoginStart = {
  readonly url: URL
  readonly state: string
  readonly nonce: string
  readonly codeVerifier: string
}

/** The citizen as the identity provider vouches for them. */
export type VneidIdentity = {
  readonly subject: string
  readonly identityNumber: string
  readonly name: string
  readonly phone: string | null
  readonly email: string | null
  /** `birthdate` (YYYY-MM-DD; a year-less 0000-MM-DD is not kept). */
  readonly birthDate: string | null
  /** `gender`, when it is male or female (Nam / Nữ). */
  readonly sex: 'male' | 'female' | null
  /** `address` as given (an object: OpenID Connect's street_address, locality, region… or the provider's own). */
  readonly address: Record<string, unknown> | null
}

export type VneidClient = {
  /** A fresh state, nonce and PKCE verifier, and the provider URL to send the browser to. */
  start(): Promise<VneidLoginStart>
  /**
   * Completes the sign-in: checks the authorization response against the expected state, redeems the
   * code with the PKCE verifier, validates the ID token (issuer, audience, signature, nonce, expiry),
   * and reads the citizen's claims. Throws on any failure.
   */
  finish(
    callbackQuery: URLSearchParams,
    expected: { readonly state: string; readonly nonce: string; readonly codeVerifier: string },
  ): Promise<VneidIdentity>
}

/** The VNeID client the configuration describes (`VNEID_*`), or null when VNeID sign-in is not configured. */
export function vneidFromEnv(options: VneidOptions | null): VneidClient | null {
  return options ? vneidClient(options) : null
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null)

const birthDateOf = (value: unknown): string | null => {
  const date = text(value)
  return date && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(date) && !date.startsWith('0000') ? date : null
}
const sexOf = (value: unknown): 'male' | 'female' | null => {
  const gender = text(value)?.toLowerCase()
  return gender === 'male' || gender === 'nam' ? 'male' : gender === 'female' || gender === 'nữ' ? 'female' : null
}
// An address claim is kept as given, within reason: it is shown back to its citizen as a suggestion.
const addressOf = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && JSON.stringify(value).length <= 2000
    ? (value as Record<string, unknown>)
    : null

export function vneidClient(options: VneidOptions): VneidClient {
  const issuer = new URL(options.issuer)
  if (issuer.protocol !== 'https:' && !options.allowInsecureIssuer)
    throw new Error(`VNeID issuer must use https: ${options.issuer}`)
  const redirectUri = new URL(options.redirectUri)
  const scope = options.scope ?? 'openid profile'
  const identityClaim = options.identityClaim ?? 'identity_number'
  const auth =
    options.tokenAuth === 'client_secret_post'
      ? oidc.ClientSecretPost(options.clientSecret)
      : oidc.ClientSecretBasic(options.clientSecret)

  // Discovered on first use (and again after a failure), so the server starts while the provider is away.
  let configuration: Promise<oidc.Configuration> | null = null
  function config(): Promise<oidc.Configuration> {
    configuration ??= oidc
      .discovery(
        issuer,
        options.clientId,
        { client_secret: options.clientSecret, redirect_uris: [redirectUri.href], response_types: ['code'] },
        auth,
        options.allowInsecureIssuer ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        configuration = null
        throw error
      })
    return configuration
  }

  return {
    async start() {
      const c = await config()
      const state = oidc.randomState()
      const nonce = oidc.randomNonce()
      const codeVerifier = oidc.randomPKCECodeVerifier()
      const url = oidc.buildAuthorizationUrl(c, {
        redirect_uri: redirectUri.href,
        response_type: 'code',
        scope,
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      })
      return { url, state, nonce, codeVerifier }
    },

    async finish(callbackQuery, expected) {
      const c = await config()
      // The response is read against the registered redirect URI, never the request's Host header.
      const current = new URL(redirectUri.href)
      current.search = callbackQuery.toString()
      const tokens = await oidc.authorizationCodeGrant(c, current, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      })
      const idToken = tokens.claims()
      if (!idToken) throw new Error('no ID token')
      let claims: Record<string, unknown> = { ...idToken }
      // Providers may keep profile claims out of the ID token and answer them at the userinfo endpoint.
      if (c.serverMetadata().userinfo_endpoint && tokens.access_token)
        claims = { ...(await oidc.fetchUserInfo(c, tokens.access_token, idToken.sub)), ...idToken }
      const identityNumber = text(claims[identityClaim]) ?? text(idToken.sub)
      const name = text(claims.name)
      if (!identityNumber || identityNumber.length > 64) throw new Error('no usable identity number claim')
      if (!name || name.length > 200) throw new Error('no usable name claim')
      return {
        subject: idToken.sub,
        identityNumber,
        name,
        phone: text(claims.phone_number),
        email: text(claims.email),
        birthDate: birthDateOf(claims.birthdate),
        sex: sexOf(claims.gender),
        address: addressOf(claims.address),
      }
    },
  }
}
