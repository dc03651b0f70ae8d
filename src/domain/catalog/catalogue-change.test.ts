import assert from 'node:assert/strict'
import { test } from 'node:test'
import { changedVersion, newProcedureVersion, review } from './catalogue-change.ts'
import type { SyncedProcedure } from './national-procedure.ts'
import type { ProcedureVersion } from './procedure.ts'

const synced: SyncedProcedure = {
  code: '1.000001',
  name: 'Thủ tục mới',
  level: 'commune',
  fieldName: 'Hộ tịch',
  fieldId: 'ho-tich',
  legalBasis: [],
  statutoryTimeLimit: { unit: 'working_days', value: 5 },
  fees: [],
  requiredDocuments: [],
  publication: {
    decisionNumber: '1/QĐ-BTP',
    decisionDate: '2026-01-01',
    madePublicOn: null,
    legalBasis: [],
    sequence: '',
    method: '',
    applicants: '',
    channelLimits: {
      direct: { unit: 'working_days', value: 5 },
      online: { unit: 'working_days', value: 3 },
      postal: null,
    },
    forms: [],
  },
  repealedOn: null,
  sourceUrl: null,
}

const previous: ProcedureVersion = {
  ...newProcedureVersion(synced, '2026-01-10'),
  competentAgencyId: 'xa-22333',
  timeLimit: { unit: 'working_days', value: 3 },
  reducedBy: { decisionNumber: '9/QĐ-UBND', decisionDate: '2026-02-01' },
  localReview: [],
}

test('a changed version keeps the unit, steps and the reduced limit with its decision', () => {
  const next = changedVersion(previous, { ...synced, name: 'Tên mới' }, '2026-12-01')
  assert.deepEqual(
    [next.competentAgencyId, next.steps, next.timeLimit, next.reducedBy],
    [previous.competentAgencyId, previous.steps, previous.timeLimit, previous.reducedBy],
  )
})

test('a changed version takes the next number and starts on the chosen date, open-ended', () => {
  const next = changedVersion(previous, synced, '2026-12-01')
  assert.deepEqual([next.version, next.effectiveFrom, next.effectiveTo], [2, '2026-12-01', null])
})

test('a local limit longer than a new, shorter statute is flagged for review', () => {
  const next = changedVersion(
    previous,
    { ...synced, statutoryTimeLimit: { unit: 'working_days', value: 2 } },
    '2026-12-01',
  )
  assert.deepEqual(next.localReview, [review.limitAboveStatute])
})

test('a new procedure takes the statutory limit, one step with all of it, and flags its local settings', () => {
  const v = newProcedureVersion(synced, '2026-12-01')
  assert.deepEqual(
    [v.timeLimit, v.steps.map((s) => s.budgetHours), v.localReview?.length],
    [{ unit: 'working_days', value: 5 }, [40], 4],
  )
})

test('a new procedure keeps a shorter online limit as its online limit', () => {
  assert.deepEqual(newProcedureVersion(synced, '2026-12-01').onlineTimeLimit, { unit: 'working_days', value: 3 })
})

test('a national record that publishes no limit gives no statutory source', () => {
  const next = changedVersion(previous, { ...synced, statutoryTimeLimit: null }, '2026-12-01')
  assert.deepEqual([next.statutoryTimeLimit, next.statutorySource], [null, null])
})

test('an illustrative cut stays marked across a sync: the mark is local', () => {
  const next = changedVersion({ ...previous, reductionIllustrative: true }, synced, '2026-12-01')
  assert.equal(next.reductionIllustrative, true)
})
