import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type DossierActivity, onlineServiceCounts, type ServiceOffer } from './online-services.ts'

// Mô tả công thức tính chỉ số 766, 3.2 (Update): "Tử: số dvc có hồ sơ tiếp nhận trực tuyến; Mẫu: số dvc;
// tính theo đơn vị áp dụng DVC (đơn vị xử lý)".
const offer = (agencyId: string, procedureCode: string, online = true): ServiceOffer => ({
  agencyId,
  procedureCode,
  online,
  feeBearing: false,
})
const activity = (agencyId: string, procedureCode: string, online: boolean): DossierActivity => ({
  agencyId,
  fieldId: 'f',
  procedureCode,
  online,
  feeData: false,
  motcua: 1,
  synced: 0,
})

test('3.2 counts online services per processing unit: those with at least one online dossier ÷ all offered online', () => {
  const counts = onlineServiceCounts(
    [offer('xa-1', 'P1'), offer('xa-2', 'P1'), offer('xa-1', 'P2'), offer('xa-1', 'P3', false)],
    [activity('xa-1', 'P1', true), activity('xa-2', 'P1', false), activity('xa-1', 'P3', true)],
  )
  // xa-1's P1 had an online dossier; xa-2's P1 only a walk-in; P2 nothing; P3 is not offered online.
  assert.equal(counts.onlineServices, 3)
  assert.equal(counts.withOnlineDossier, 1)
})
