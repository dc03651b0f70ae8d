import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import type { Catalog } from '../../src/domain/catalog/catalog.ts'
import { limitInWorkingHours, type TimeLimit } from '../../src/domain/catalog/time-limit.ts'
import { defaultDataDir, Note, type ProcedureRecord } from './build-catalog.ts'

const catalog: Catalog = JSON.parse(readFileSync(new URL('./catalog.json', import.meta.url), 'utf8'))
const records: ProcedureRecord[] = JSON.parse(readFileSync(`${defaultDataDir}/procedures.json`, 'utf8'))
const versions = catalog.procedures.map((p, i) => {
  const v = p.versions[0]
  assert.ok(v, `procedure ${p.code} has a version`)
  return { code: p.code, record: records[i], ...v }
})
const withStatute = versions.filter((v) => v.statutoryTimeLimit)
const days = (l: TimeLimit | null | undefined) => (l && 'value' in l ? l.value : null)
const cuts = versions.filter((v) => v.reductionIllustrative)

test('every statutory limit names its source, and no source stands without a limit', () => {
  for (const v of versions) assert.equal(Boolean(v.statutorySource), Boolean(v.statutoryTimeLimit), v.code)
  assert.equal(withStatute.length, 71)
})

test('a statutory limit is cited from the national record of that procedure', () => {
  for (const v of withStatute) {
    assert.ok(v.record, v.code)
    assert.match(v.record.source, /^https:\/\/dichvucong\.gov\.vn\/thu-tuc-hanh-chinh\//, v.code)
    assert.ok(v.statutorySource?.includes(`bản ghi ${v.code} (${v.record.source})`), v.code)
  }
})

test('no local limit is longer than the statutory one', () => {
  for (const v of withStatute) {
    const statute = v.statutoryTimeLimit ? limitInWorkingHours(v.statutoryTimeLimit) : null
    const local = limitInWorkingHours(v.timeLimit)
    assert.ok(statute !== null && local !== null && local <= statute, `${v.code}: ${local} h > ${statute} h`)
  }
})

test('the six illustrative cuts are a third below the statute, marked, and claim no provincial decision', () => {
  assert.deepEqual(
    cuts.map((v) => [v.code, days(v.statutoryTimeLimit), days(v.timeLimit)]),
    [
      ['3.000333', 10, 7],
      ['1.013236', 20, 13],
      ['1.010727', 30, 20],
      ['1.010733', 35, 23],
      ['1.008128', 15, 10],
      ['1.013997', 25, 17],
    ],
  )
  for (const v of cuts) {
    assert.equal(v.reducedBy ?? null, null, v.code)
    assert.ok(v.source.illustrative.includes(Note.statutoryCut), v.code)
  }
})

test('a limit not cut is the statutory one as published', () => {
  for (const v of withStatute.filter((w) => !w.reductionIllustrative))
    assert.deepEqual(v.timeLimit, v.statutoryTimeLimit, v.code)
})
