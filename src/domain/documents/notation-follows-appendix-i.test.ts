import assert from 'node:assert/strict'
import { test } from 'node:test'
import { defaultAgencyAbbreviation, formatNotation } from './notation.ts'

test('a number below 10 takes a leading 0 (Decree 30/2020 Appendix I, II.3.c)', () => {
  assert.equal(formatNotation(7, 'quyet-dinh', 'UBND', 'VP'), '07/QĐ-UBND')
})

test('a công văn names the agency and the drafting unit: 123/UBND-VP', () => {
  assert.equal(formatNotation(123, 'cong-van', 'UBND', 'VP'), '123/UBND-VP')
})

test('a typed document names its type then the agency: 45/TTr-STP', () => {
  assert.equal(formatNotation(45, 'to-trinh', 'STP', 'VP'), '45/TTr-STP')
})

test('Sở Tư pháp defaults to STP, a people’s committee to UBND', () => {
  assert.deepEqual(
    [
      defaultAgencyAbbreviation('department', 'Sở Tư pháp'),
      defaultAgencyAbbreviation('commune_committee', 'Ủy ban nhân dân xã Cam Lâm'),
    ],
    ['STP', 'UBND'],
  )
})
