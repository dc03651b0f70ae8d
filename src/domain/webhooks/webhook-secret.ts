import { createHmac } from 'node:crypto'

/**
 * Standard Webhooks (https://www.standardwebhooks.com, "Signature scheme"): a secret is `whsec_` followed by
 * the standard base64 of 24 to 64 random bytes, and the HMAC-SHA256 key is those bytes, not the text.
 */
const prefix = 'whsec_'
export const webhookKeyBytes = { min: 24, generated: 32, max: 64 } as const

/** The secret shown once to a subscriber, from `key` random bytes (randomness passed in). */
export function webhookSecret(key: Uint8Array): string {
  if (key.length < webhookKeyBytes.min || key.length > webhookKeyBytes.max)
    throw new RangeError(`a webhook key has ${webhookKeyBytes.min}–${webhookKeyBytes.max} bytes, not ${key.length}`)
  return `${prefix}${Buffer.from(key).toString('base64')}`
}

/**
 * The HMAC key of a secret. Node's base64 decoder also reads the url-safe alphabet, so subscriptions created
 * before issue 13 (`whsec_` + base64url) keep the key their bytes always were.
 */
function webhookKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(prefix) ? secret.slice(prefix.length) : secret, 'base64')
}

/** The `webhook-signature` header: `v1,` + base64 HMAC-SHA256 of `id.timestamp.body` (timestamp in seconds). */
export function webhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', webhookKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`
}
