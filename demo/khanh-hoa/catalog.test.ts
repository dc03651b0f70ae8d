import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { test } from 'node:test'
import { Value } from 'typebox/value'
import { AgencyKind } from '../../src/domain/catalog/agency.ts'
import { Catalog } from '../../src/domain/catalog/catalog.ts'
import { checkCatalog } from '../../src/domain/catalog/check-catalog.ts'
import { limitInWorkingHours } from '../../src/domain/catalog/time-limit.ts'
import {
  buildCatalog,
  defaultDataDir,
  formatCatalog,
  generatedBy,
  limitsInTheLaw,
  Note,
  type ProcedureRecord,
} from './build-catalog.ts'

const text = readFileSync(new URL('./catalog.json', import.meta.url), 'utf8')
const catalog: Catalog = JSON.parse(text)
const versions = catalog.procedures.map((p) => {
  const v = p.versions[0]
  assert.ok(v, `procedure ${p.code} has a version`)
  return { code: p.code, nationalCode: p.nationalCode, ...v }
})
const has = (illustrative: string[], note: string) => illustrative.some((i) => i.startsWith(note))

const unitsFile = resolve(defaultDataDir, 'khanh-hoa-units.json')
const proceduresFile = resolve(defaultDataDir, 'procedures.json')
const formerFile = resolve(defaultDataDir, 'former-units.json')
const records: ProcedureRecord[] = JSON.parse(readFileSync(proceduresFile, 'utf8'))

test('catalog.json matches the Catalog schema', () => {
  const ok = Value.Check(Catalog, catalog)
  assert.ok(ok, JSON.stringify(ok ? [] : Value.Errors(Catalog, catalog).slice(0, 10), null, 2))
  assert.equal(catalog.generatedBy, generatedBy)
  assert.deepEqual(catalog.province, { code: '56', name: 'Tỉnh Khánh Hòa', rootAgencyId: 'ubnd-tinh' })
})

test('checkCatalog finds no problem', () => {
  assert.deepEqual(checkCatalog(catalog), [])
})

test('65 commune committees with their official names and 5-digit codes', () => {
  const communes = catalog.agencies.filter((a) => a.kind === AgencyKind.CommuneCommittee)
  assert.equal(communes.length, 65)
  const codes = new Set(communes.map((a) => a.statisticalCode))
  assert.equal(codes.size, 65)
  for (const a of communes) {
    assert.match(a.statisticalCode ?? '', /^\d{5}$/)
    assert.equal(a.id, `xa-${a.statisticalCode}`)
    assert.equal(a.parentId, 'ubnd-tinh')
    assert.match(a.names[0]?.name ?? '', /^Ủy ban nhân dân (phường|xã|đặc khu) \p{Lu}/u)
  }
  const count = (kind: string) => communes.filter((a) => a.names[0]?.name.startsWith(`Ủy ban nhân dân ${kind} `)).length
  assert.deepEqual([count('xã'), count('phường'), count('đặc khu')], [48, 16, 1])
  const nameOf = (code: string) => communes.find((a) => a.statisticalCode === code)?.names[0]?.name
  assert.equal(nameOf('22333'), 'Ủy ban nhân dân phường Bắc Nha Trang')
  assert.equal(nameOf('22366'), 'Ủy ban nhân dân phường Nha Trang')
  assert.equal(nameOf('22736'), 'Ủy ban nhân dân đặc khu Trường Sa')
})

test('commune names and codes are those of the source data', () => {
  const units: { communes: { name: string; code: string; kind: string }[] } = JSON.parse(
    readFileSync(unitsFile, 'utf8'),
  )
  for (const c of units.communes) {
    const agency = catalog.agencies.find((a) => a.id === `xa-${c.code}`)
    const unitName = c.kind + c.name.slice(c.kind.length)
    assert.equal(agency?.names[0]?.name, `Ủy ban nhân dân ${unitName}`)
    assert.equal(agency?.statisticalCode, c.code)
  }
})

test('every commune has a service centre under it', () => {
  for (const a of catalog.agencies.filter((x) => x.kind === AgencyKind.CommuneCommittee)) {
    const centre = catalog.agencies.find((x) => x.id === `ttpvhcc-${a.statisticalCode}`)
    assert.equal(centre?.kind, AgencyKind.CommuneServiceCenter)
    assert.equal(centre?.parentId, a.id)
    assert.equal(
      centre?.names[0]?.name,
      a.names[0]?.name.replace('Ủy ban nhân dân ', 'Trung tâm Phục vụ hành chính công '),
    )
  }
})

test('every active agency has one unique QCVN 102-shaped code; former units end on 30 June 2025', () => {
  const seen = new Set<string>()
  for (const a of catalog.agencies) {
    if (a.kind === AgencyKind.FormerUnit) {
      assert.ok(a.codes.every((c) => c.validTo === '2025-06-30' && !seen.has(c.code)))
      for (const c of a.codes) seen.add(c.code)
      assert.equal(a.names[0]?.validTo, '2025-06-30')
      assert.ok(a.successors.length > 0, `${a.id} has successors`)
      continue
    }
    assert.equal(a.codes.length, 1, a.id)
    const code = a.codes[0]?.code ?? ''
    assert.match(code, /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.H34$/)
    assert.ok(!seen.has(code), `code ${code} unique`)
    seen.add(code)
  }
})

test('at least 80 procedures and 12 fields', () => {
  assert.ok(catalog.procedures.length >= 80)
  assert.ok(catalog.fields.length >= 12)
  assert.equal(new Set(catalog.fields.map((f) => f.id)).size, catalog.fields.length)
})

test('the demo has full, partial, inter-agency and cut-off procedures', () => {
  assert.ok(versions.some((v) => v.onlineLevel === 'full'))
  assert.ok(versions.some((v) => v.onlineLevel === 'partial'))
  assert.ok(versions.some((v) => v.interAgency))
  assert.ok(versions.some((v) => v.cutoffTime === '15:00'))
  assert.ok(versions.some((v) => v.anyLocation))
})

test('every procedure’s steps add up to its limit', () => {
  for (const v of versions) {
    const total = limitInWorkingHours(v.timeLimit)
    const sum = v.steps.reduce((acc, s) => acc + s.budgetHours, 0)
    if (total === null) assert.equal(sum, 0, v.code)
    else assert.ok(Math.abs(sum - total) < 1e-9, `${v.code}: steps ${sum} h, limit ${total} h`)
  }
})

test('every illustrative addition to an agency is recorded', () => {
  for (const a of catalog.agencies) {
    const ill = a.source.illustrative
    const codeNote = a.kind === AgencyKind.FormerUnit ? Note.formerCode : Note.qcvn
    if (a.codes.some((c) => !c.confirmed)) assert.ok(has(ill, codeNote), `${a.id}: QCVN note`)
    if (a.kind === AgencyKind.CommuneServiceCenter) assert.ok(has(ill, Note.communeCentreName), a.id)
    if (a.kind === AgencyKind.ProvincialServiceCenter) assert.ok(has(ill, Note.provincialCentreName), a.id)
    if (a.kind === AgencyKind.CentralBranch) assert.ok(has(ill, Note.centralBranchName), a.id)
    if (a.kind === AgencyKind.FormerUnit) assert.ok(has(ill, Note.formerFrom), a.id)
  }
})

test('every illustrative addition to a procedure is recorded', () => {
  for (const v of versions) {
    const ill = v.source.illustrative
    assert.ok(has(ill, Note.steps), `${v.code}: steps note`)
    if (v.cutoffTime !== null && v.nationalCode !== '1.001193') assert.ok(has(ill, Note.cutoff), `${v.code}: cut-off`)
    if (v.anyLocation) assert.ok(has(ill, Note.anyLocation), `${v.code}: any-location`)
    if (v.fullOnlineEligible && v.onlineLevel !== 'full') assert.ok(has(ill, Note.fullOnlineEligible), v.code)
    if (v.resultName === 'Kết quả giải quyết') assert.ok(has(ill, Note.resultName), `${v.code}: result`)
    if (v.code.startsWith('KH.DEMO.')) assert.equal(v.nationalCode, null)
  }
})

test('illustrative additions are recorded against the source records', () => {
  assert.equal(records.length, versions.length)
  records.forEach((r, i) => {
    const v = versions[i]
    assert.ok(v)
    assert.equal(v.name, r.name)
    assert.equal(v.nationalCode, r.code)
    const ill = v.source.illustrative
    const where = `${v.code} (${r.name.slice(0, 40)})`
    const law = r.code === null ? undefined : limitsInTheLaw[r.code]
    if (law) assert.ok(v.source.title.endsWith(law.basis), `${where}: the limit names its law`)
    else if (r.timeLimit && r.timeLimit.value !== null && r.timeLimit.unit === null)
      assert.ok(has(ill, Note.assumedUnit), where)
    if (r.onlineLevel === null && v.onlineLevel !== 'none') assert.ok(has(ill, Note.onlineLevel), where)
    if (!r.interAgency && v.interAgency) assert.ok(has(ill, Note.landInterAgency), where)
    if (r.level === null) assert.ok(has(ill, Note.levelPrefix), where)
    if (r.level === 'trung ương') assert.ok(has(ill, Note.centralPrefix), where)
    if (r.field === null) assert.ok(has(ill, Note.fieldPrefix), where)
    if (r.documents.some((d) => d.quantity !== null && typeof d.quantity === 'object'))
      assert.ok(has(ill, Note.documentsBothPrefix), where)
    if (r.documents.some((d) => d.quantity === null || d.quantity === 0))
      assert.ok(has(ill, Note.documentsQuantityPrefix), where)
    if (r.documents.some((d) => d.form === null)) assert.ok(has(ill, Note.documentsFormPrefix), where)
    if (r.interAgency) assert.ok(v.interAgency, where)
  })
})

test('catalog.json is what the generator writes from the source data', () => {
  const units = JSON.parse(readFileSync(unitsFile, 'utf8'))
  const former = JSON.parse(readFileSync(formerFile, 'utf8'))
  assert.equal(formatCatalog(buildCatalog(units, records, former)), text)
})
