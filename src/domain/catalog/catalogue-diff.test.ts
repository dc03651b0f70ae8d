import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type CurrentProcedure, diffCatalogue } from './catalogue-diff.ts'
import type { NationalProcedure } from './national-procedure.ts'

const fields = new Map([['hộ tịch', 'ho-tich']])

const national = (over: Partial<NationalProcedure> = {}): NationalProcedure => ({
  code: '1.000001',
  name: 'Thủ tục đăng ký khai sinh',
  level: 'commune',
  fieldName: 'Hộ tịch',
  legalBasis: ['123/2015/NĐ-CP'],
  statutoryTimeLimit: { unit: 'within_day' },
  fees: [],
  requiredDocuments: [],
  publication: {
    decisionNumber: '163/QĐ-BTP',
    decisionDate: '2025-06-20',
    madePublicOn: '2025-06-24',
    legalBasis: [{ number: '123/2015/NĐ-CP', title: 'Nghị định', effectiveFrom: '2016-01-01' }],
    sequence: 'Bước 1',
    method: 'Trực tiếp',
    applicants: 'Công dân',
    channelLimits: { direct: { unit: 'within_day' }, online: null, postal: null },
    forms: [],
  },
  repealedOn: null,
  sourceUrl: null,
  ...over,
})

const current = (n: NationalProcedure, effectiveTo: string | null = null): CurrentProcedure => ({
  code: n.code,
  version: {
    version: 3,
    effectiveTo,
    name: n.name,
    level: n.level,
    fieldId: 'ho-tich',
    legalBasis: n.legalBasis,
    statutoryTimeLimit: n.statutoryTimeLimit,
    fees: n.fees,
    requiredDocuments: n.requiredDocuments,
    publication: n.publication,
  },
})

test('a national procedure the catalogue lacks is new', () => {
  const { changes } = diffCatalogue([], [national()], fields)
  assert.deepEqual(
    changes.map((c) => [c.kind, c.code]),
    [['new', '1.000001']],
  )
})

test('a procedure equal in every national field is omitted', () => {
  assert.deepEqual(diffCatalogue([current(national())], [national()], fields).changes, [])
})

test('a changed procedure lists only the fields that differ, each with before and after', () => {
  const { changes } = diffCatalogue([current(national())], [national({ name: 'Đăng ký khai sinh' })], fields)
  assert.deepEqual(changes[0]?.kind === 'changed' && changes[0].changes, [
    { field: 'name', before: 'Thủ tục đăng ký khai sinh', after: 'Đăng ký khai sinh' },
  ])
})

test('a change is against the latest version, whose number the item keeps', () => {
  const { changes } = diffCatalogue([current(national())], [national({ legalBasis: [] })], fields)
  assert.equal(changes[0]?.kind === 'changed' && changes[0].baseVersion, 3)
})

test('a version without publication data differs in each publication field', () => {
  const mine = current(national())
  const { changes } = diffCatalogue(
    [{ ...mine, version: { ...mine.version, publication: undefined } }],
    [national()],
    fields,
  )
  const changed = changes[0]?.kind === 'changed' ? changes[0].changes.map((c) => c.field) : []
  assert.ok(changed.includes('publication.decision') && changed.includes('publication.applicants'), String(changed))
})

test('key order inside a value does not make a change', () => {
  const mine = current(national())
  const reordered = {
    ...mine,
    version: { ...mine.version, statutoryTimeLimit: { value: 5, unit: 'working_days' as const } },
  }
  const same = national({ statutoryTimeLimit: { unit: 'working_days', value: 5 } })
  assert.deepEqual(diffCatalogue([reordered], [same], fields).changes, [])
})

test('a repealed procedure still open in the catalogue is repealed, with its date', () => {
  const { changes } = diffCatalogue([current(national())], [national({ repealedOn: '2026-12-01' })], fields)
  assert.deepEqual(
    changes.map((c) => c.kind === 'repealed' && [c.code, c.repealedOn]),
    [['1.000001', '2026-12-01']],
  )
})

test('a repealed procedure the catalogue lacks is omitted', () => {
  assert.deepEqual(diffCatalogue([], [national({ repealedOn: '2026-12-01' })], fields).changes, [])
})

test('a repealed procedure whose version already ends is omitted', () => {
  const ended = current(national(), '2026-11-30')
  assert.deepEqual(diffCatalogue([ended], [national({ repealedOn: '2026-12-01' })], fields).changes, [])
})

test('a procedure missing from the national list is left alone', () => {
  assert.deepEqual(diffCatalogue([current(national())], [], fields).changes, [])
})

test('a record whose field the catalogue lacks is reported, not diffed', () => {
  const diff = diffCatalogue([], [national({ fieldName: 'Đất đai' })], fields)
  assert.deepEqual(diff, { changes: [], unknownFields: [{ code: '1.000001', fieldName: 'Đất đai' }] })
})

test('field names match without case or extra spaces', () => {
  assert.equal(diffCatalogue([], [national({ fieldName: '  HỘ  tịch ' })], fields).changes.length, 1)
})
