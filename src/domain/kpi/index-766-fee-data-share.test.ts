import assert from 'node:assert/strict'
import { test } from 'node:test'
import { onlineServiceCounts } from './online-services.ts'

// Mô tả công thức tính chỉ số 766, 3.5: X = TTHC with dossiers whose fee data (phí, lệ phí ≠ 0) was
// synced in the period; Y = TTHC with fee information in the catalogue.
test('3.5 counts fee-bearing procedures with a dossier carrying fee data, each procedure once', () => {
  const counts = onlineServiceCounts(
    [
      { agencyId: 'xa-1', procedureCode: 'P1', online: false, feeBearing: true },
      { agencyId: 'xa-2', procedureCode: 'P1', online: false, feeBearing: true },
      { agencyId: 'xa-1', procedureCode: 'P2', online: false, feeBearing: true },
      { agencyId: 'xa-1', procedureCode: 'P3', online: false, feeBearing: false },
    ],
    [
      { agencyId: 'xa-1', fieldId: 'f', procedureCode: 'P1', online: false, feeData: true, motcua: 1, synced: 0 },
      { agencyId: 'xa-2', fieldId: 'f', procedureCode: 'P1', online: false, feeData: true, motcua: 1, synced: 0 },
      { agencyId: 'xa-1', fieldId: 'f', procedureCode: 'P3', online: false, feeData: true, motcua: 1, synced: 0 },
    ],
  )
  assert.equal(counts.feeProcedures, 2)
  assert.equal(counts.withFeeData, 1)
})
