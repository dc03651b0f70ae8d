import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { canonicalJson, eventHash } from './event-hash.ts'

/** The definition every stored chain was hashed with (motcua ≤ 6d6b56e): the text must not change. */
function firstCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(firstCanonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${firstCanonicalJson(v)}`).join(',')}}`
}

const values = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(undefined),
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.string({ unit: 'binary' }),
    fc.array(tie('value')),
    fc.dictionary(fc.string({ unit: 'binary' }), tie('value')),
  ),
})).value

test('canonical JSON is the text every stored event chain was hashed with, for any JSON-like value', () => {
  fc.assert(
    fc.property(values, (value) => {
      assert.equal(canonicalJson(value), firstCanonicalJson(value))
    }),
    { numRuns: 2000 },
  )
})

test('an event’s link is the SHA-256 it was when the chain was written', () => {
  const event = { type: 'received', at: 1796188486422, actor: { role: 'counter', id: 'mc-1', name: 'Lê Thị Hoa' } }
  assert.equal(
    eventHash('96d41fcccb1673391f3b370d6adbe89989cbb2fe3c70fd9963439cab14f15f0f', 'f4173244', 2, event),
    '804474f167b7fe8d9353adecb7f14feed494a3659051545f5ddac6f578aba415',
  )
})
