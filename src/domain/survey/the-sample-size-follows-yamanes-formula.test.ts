import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { sampleSize } from './sample-size.ts'

test('the sample size is the smallest n with n ≥ N / (1 + N·e²), for any N and e', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000 }), (N, bp) => {
      const n = BigInt(sampleSize(N, bp))
      const scale = 100_000_000n
      const den = scale + BigInt(N) * BigInt(bp) ** 2n
      const num = BigInt(N) * scale
      return n * den >= num && (n - 1n) * den < num
    }),
  )
})

test('400 dossiers at 5 % give a sample of 200, hand-computed (400 / (1 + 400·0.0025))', () => {
  assert.equal(sampleSize(400, 500), 200)
})

test('1,000 dossiers at 5 % give 286: 1000 / 3.5 = 285.71 rounded up', () => {
  assert.equal(sampleSize(1000, 500), 286)
})

test('an empty period has an empty sample', () => {
  assert.equal(sampleSize(0, 500), 0)
})
