import { inboundClient } from '../../src/adapters/national-portal/inbound-client.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from './fake-national-portal.ts'
import { pushCredentials, signedHeaders } from './inbound-dossiers.ts'
import { createTestApp, type TestApp } from './test-app.ts'

/** The app in push mode beside the fake national portal, and a signed push to one of its inbound routes. */
export type PushSetup = {
  readonly portal: FakeNationalPortal
  readonly t: TestApp
  /** Posts `body` to `url` signed as the platform (Standard Webhooks), or with `headers` instead. */
  push(
    url: string,
    body: object,
    headers?: Record<string, string>,
  ): Promise<Awaited<ReturnType<TestApp['app']['inject']>>>
  close(): Promise<void>
}

/** Starts the fake portal and an app receiving its pushes (PORTAL_INBOUND_MODE=push) with its client. */
export async function startPushSetup(): Promise<PushSetup> {
  const portal = await startFakeNationalPortal()
  const t = await createTestApp({
    portalInbound: {
      credentials: pushCredentials,
      client: inboundClient({ baseUrl: portal.baseUrl, apiKey: portal.apiKey, timeoutMs: 2_000 }),
    },
  })
  return {
    portal,
    t,
    push(url, body, headers) {
      const raw = JSON.stringify(body)
      return t.app.inject({ method: 'POST', url, headers: headers ?? signedHeaders(raw), payload: raw })
    },
    async close() {
      await t.close()
      await portal.close()
    },
  }
}
