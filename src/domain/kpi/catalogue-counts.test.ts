import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ProcedureVersion } from '../catalog/procedure.ts'
import { catalogueCounts } from './catalogue-counts.ts'

const version = (o: Partial<ProcedureVersion>) =>
  ({
    legalBasis: ['123/2020/NĐ-CP'],
    requiredDocuments: [{ name: 'Tờ khai', form: 'original', quantity: 1, group: null }],
    source: { url: 'https://dichvucong.gov.vn/x', title: 'x', illustrative: [] },
    onlineLevel: 'none',
    fullOnlineEligible: false,
    fees: [],
    ...o,
  }) as ProcedureVersion

test('procedure-based indicators count the versions an agency processes (1.1, 3.1, 3.2, 3.5)', () => {
  const fee = (amountVnd: number | null) => [{ name: 'Lệ phí', amountVnd, text: 'x' }]
  const counts = catalogueCounts(
    [
      version({ onlineLevel: 'full', fullOnlineEligible: true, fees: fee(50_000) }),
      version({ onlineLevel: 'partial', fullOnlineEligible: true, fees: fee(null) }), // fee set elsewhere: still fee-bearing
      version({ onlineLevel: 'none', fees: fee(0), legalBasis: [] }), // free, and its legal basis is missing
      version({ onlineLevel: 'full', source: { url: null, title: 'x', illustrative: [] } }),
    ],
    (v) => v.onlineLevel === 'partial',
  )
  assert.deepEqual(counts, {
    procedures: 4,
    completeInfo: 2,
    online: 3,
    fullEligible: 2,
    fullOfEligible: 1,
    feeBearing: 2,
    feeBearingOnlinePayment: 1,
    cut: 1,
  })
})
