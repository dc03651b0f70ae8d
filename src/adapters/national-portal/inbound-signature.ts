import { timingSafeEqual } from 'node:crypto'
import { webhookSignature } from '../../domain/webhooks/webhook-secret.ts'

/** How far a delivery's timestamp may be from our clock, either way (Standard Webhooks suggests 5 minutes). */
export const signatureToleranceSeconds = 300

/** Why a push was not trusted; `ok` when its key, timestamp and signature all hold. */
export type PushVerdict = 'ok' | 'bad-api-key' | 'unsigned' | 'stale-timestamp' | 'bad-signature'

export type PushCredentials = {
  /** The key the platform sends as `X-API-Key` (PORTAL_INBOUND_API_KEY). */
  readonly apiKey: string
  /** The shared `whsec_…` secret the platform signs with (PORTAL_INBOUND_SECRET). */
  readonly secret: string
}

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Xác thực lời gọi đẩy hồ sơ: the platform's push is authenticated twice (assumed protocol, rules.md
 * "Inbound dossiers from the national portal"): its `X-API-Key`, and a Standard Webhooks signature
 * over the raw body — `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`
 * (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` with the shared secret). A timestamp more than
 * five minutes off is refused, so a captured request cannot be replayed later; a replay within the
 * window only meets the idempotent intake.
 */
export function verifyPush(
  credentials: PushCredentials,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string,
  now: Date,
): PushVerdict {
  const key = header(headers, 'x-api-key')
  if (key === undefined || !same(key, credentials.apiKey)) return 'bad-api-key'
  const id = header(headers, 'webhook-id')
  const timestamp = header(headers, 'webhook-timestamp')
  const signatures = header(headers, 'webhook-signature')
  if (!id || !timestamp || !signatures || !/^\d{1,12}$/.test(timestamp)) return 'unsigned'
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > signatureToleranceSeconds) return 'stale-timestamp'
  const expected = webhookSignature(credentials.secret, id, Number(timestamp), rawBody)
  return signatures.split(' ').some((s) => same(s, expected)) ? 'ok' : 'bad-signature'
}
