import assert from 'node:assert/strict'
import { test } from 'node:test'
import { facts } from '../../../test/support/kpi-facts.ts'
import { contributions } from './counters.ts'

// Mô tả công thức tính chỉ số 766, 4.4: dossiers with at least one component taken from the personal
// data store, or whose e-result link was synced to the applicant's list on the national portal.
const linked = (o: Parameters<typeof facts>[1]) =>
  contributions(facts('V1', o)).filter((c) => c.column === 'vault_linked').length

test('4.4 counts a dossier once when a component came from the vault or its e-result was kept there', () => {
  const base = { agencyId: 'xa-22333', fieldId: 'ho-tich', procedureCode: '1.001193', received: '2026-11-02T09:00' }
  assert.equal(linked({ ...base }), 0)
  assert.equal(linked({ ...base, reused: true }), 1)
  assert.equal(linked({ ...base, eResult: true }), 1)
  assert.equal(linked({ ...base, reused: true, eResult: true }), 1)
})
