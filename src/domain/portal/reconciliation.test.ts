import assert from 'node:assert/strict'
import { test } from 'node:test'
import { DossierStatus } from '../dossier/status.ts'
import { compareWithPortal, type LocalDossier, type PortalDossier } from './reconciliation.ts'

const local = (overrides: Partial<LocalDossier> = {}): LocalDossier => ({
  dossierId: '00000000-0000-4000-8000-000000000001',
  code: '000.00.22.H34-261126-0001',
  nationalId: null,
  status: DossierStatus.Received,
  version: 3,
  syncedVersion: 3,
  ...overrides,
})

const listed = (overrides: Partial<PortalDossier> = {}): PortalDossier => ({
  code: '000.00.22.H34-261126-0001',
  nationalId: null,
  procedureCode: '1.001193',
  status: DossierStatus.Received,
  updatedAt: '20261126100000',
  ...overrides,
})

test('a dossier both hold with the same status is in step', () => {
  assert.deepEqual(compareWithPortal([local()], [listed()]), {
    portalOnly: [],
    motcuaOnly: [],
    mismatched: [],
    inStep: 1,
  })
})

test('a national dossier the portal lists and motcua never took in is portal-only', () => {
  const national = listed({ code: null, nationalId: 'G22.99-261126-0001', status: DossierStatus.Submitted })
  assert.deepEqual(compareWithPortal([], [national]).portalOnly, [national])
})

test('a received dossier the portal does not list is motcua-only', () => {
  assert.deepEqual(compareWithPortal([local()], []).motcuaOnly, [local()])
})

test('a dossier whose statuses differ is a mismatch carrying both statuses', () => {
  const d = local({ status: DossierStatus.Processing })
  const p = listed({ status: DossierStatus.Received })
  assert.deepEqual(compareWithPortal([d], [p]).mismatched, [{ local: d, portal: p }])
})

test('a dossier taken in from the portal matches its listing by national id before it has a code', () => {
  const d = local({ code: null, nationalId: 'G22.99-261126-0002', status: DossierStatus.Submitted })
  const p = listed({ code: null, nationalId: 'G22.99-261126-0002', status: DossierStatus.Submitted })
  assert.equal(compareWithPortal([d], [p]).inStep, 1)
})

test('a national dossier listed under its national id and its code is one dossier, its newest listing the status', () => {
  const d = local({ nationalId: 'G22.99-261126-0003', status: DossierStatus.Processing })
  const asTakenIn = listed({ code: null, nationalId: 'G22.99-261126-0003', status: DossierStatus.Submitted })
  const asSynced = listed({ status: DossierStatus.Processing, updatedAt: '20261126110000' })
  assert.deepEqual(compareWithPortal([d], [asTakenIn, asSynced]), {
    portalOnly: [],
    motcuaOnly: [],
    mismatched: [],
    inStep: 1,
  })
})

test('a portal-only dossier listed twice (a page boundary moved) is reported once, as its newest listing', () => {
  const older = listed({ code: null, nationalId: 'G22.99-261126-0004', status: DossierStatus.Submitted })
  const newer = { ...older, status: DossierStatus.NotReceived, updatedAt: '20261126120000' }
  assert.deepEqual(compareWithPortal([], [older, newer]).portalOnly, [newer])
})
