import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { test } from 'node:test'
import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import { webhookKeyBytes, webhookSecret, webhookSignature } from './webhook-secret.ts'

const body = JSON.stringify({ specversion: '1.0', id: '42', data: { code: '000.00.01.H34-261126-0001' } })
const signed = (secret: string, payload = body) => {
  const timestamp = Math.floor(Date.now() / 1000)
  return {
    'webhook-id': '42',
    'webhook-timestamp': String(timestamp),
    'webhook-signature': webhookSignature(secret, '42', timestamp, payload),
  }
}

test('a new secret is whsec_ and the standard base64 of 32 random bytes', () => {
  const secret = webhookSecret(randomBytes(webhookKeyBytes.generated))
  assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/)
})

test('keys shorter than 24 bytes are refused', () => {
  assert.throws(() => webhookSecret(randomBytes(23)), RangeError)
})

test('the official Standard Webhooks library verifies our signature with our secret', () => {
  const secret = webhookSecret(randomBytes(webhookKeyBytes.generated))
  assert.deepEqual(new Webhook(secret).verify(body, signed(secret)), JSON.parse(body))
})

test('the official library rejects a tampered body and a wrong secret', () => {
  const secret = webhookSecret(randomBytes(webhookKeyBytes.generated))
  const other = webhookSecret(randomBytes(webhookKeyBytes.generated))
  assert.throws(
    () => new Webhook(secret).verify(body.replace('0001', '0002'), signed(secret)),
    WebhookVerificationError,
  )
  assert.throws(() => new Webhook(other).verify(body, signed(secret)), WebhookVerificationError)
})

test('a secret issued before issue 13 (base64url) signs with its bytes: its standard spelling verifies', () => {
  const bytes = Buffer.alloc(24, 0xfb)
  const old = `whsec_${bytes.toString('base64url')}`
  assert.match(old, /[-_]/, 'the old spelling uses the url-safe alphabet')
  const standard = `whsec_${bytes.toString('base64')}`
  assert.deepEqual(new Webhook(standard).verify(body, signed(old)), JSON.parse(body))
})
