import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatDossierCode, parseDossierCode } from './dossier-code.ts'

test('codes print as UNITCODE-YYMMDD-XXXX and parse back', () => {
  const code = formatDossierCode('333.00.01.H34', '2026-11-24', 7)
  assert.equal(code, '333.00.01.H34-261124-0007')
  assert.deepEqual(parseDossierCode(code), { unitCode: '333.00.01.H34', date: '2026-11-24', sequence: 7 })
})

test('ministry codes with up to 7 digits parse; 3 or 8 digits, bad dates and zero do not', () => {
  assert.equal(parseDossierCode('000.00.12.H42-250101-1234567')?.sequence, 1_234_567)
  for (const bad of ['X-250101-123', 'X-250101-12345678', 'X-250230-0001', 'X-250101-0000', 'x.lower-250101-0001', ''])
    assert.equal(parseDossierCode(bad), null, bad)
})
