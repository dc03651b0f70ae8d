import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatPetitionCode, isPetitionCode } from './petition-code.ts'

test('a petition code is PAKN, the local reception date and the day’s number (issue 16 §3)', () => {
  assert.equal(formatPetitionCode('2026-12-03', 7), 'PAKN.20261203.0007')
  assert.equal(formatPetitionCode('2026-12-03', 12345), 'PAKN.20261203.12345')
  assert.equal(isPetitionCode('PAKN.20261203.0007'), true)
  assert.equal(isPetitionCode('000.00.22.H56-261203-0007'), false)
})
