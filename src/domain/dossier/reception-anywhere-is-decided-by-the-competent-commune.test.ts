import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type AgencyFacts, type CompetenceFacts, competentAgency } from './competence.ts'

// Decree 118/2025/NĐ-CP: the one-stop units of the province receive the procedures listed for
// reception regardless of administrative boundaries (không phụ thuộc địa giới hành chính); the dossier
// is decided, and counted, by the competent commune. An unlisted procedure is filed at its competent unit.

const unit = (
  id: string,
  kind: AgencyFacts['kind'],
  parentId: string | null = null,
  provinceCode = '56',
): AgencyFacts => ({
  id,
  kind,
  parentId,
  provinceCode,
})
const centreOfBacNhaTrang = unit('ttpvhcc-22333', 'commune_service_center', 'xa-22333')
const province = unit('ttpvhcc-tinh', 'provincial_service_center')
const camRanh = unit('xa-22366', 'commune_committee')
const elsewhere = unit('xa-99999', 'commune_committee', null, '01')

const facts = (f: Partial<CompetenceFacts>): CompetenceFacts => ({
  department: null,
  level: 'commune',
  anyLocation: false,
  receiving: centreOfBacNhaTrang,
  ownCommune: 'xa-22333',
  chosen: null,
  ...f,
})
const outcome = (f: Partial<CompetenceFacts>) => {
  const c = competentAgency(facts(f))
  return c.ok ? c.agencyId : c.refusal.code
}

test('a commune procedure is decided by the receiving unit’s own commune by default', () => {
  assert.equal(outcome({}), 'xa-22333')
  assert.equal(outcome({ anyLocation: true }), 'xa-22333')
})

test('listed for reception anywhere: another commune’s unit or the provincial centre receives for the commune chosen', () => {
  assert.equal(outcome({ anyLocation: true, chosen: camRanh }), 'xa-22366')
  assert.equal(outcome({ anyLocation: true, receiving: province, ownCommune: null, chosen: camRanh }), 'xa-22366')
})

test('at the provincial centre a commune procedure needs the commune chosen', () => {
  assert.equal(outcome({ anyLocation: true, receiving: province, ownCommune: null }), 'competentAgencyRequired')
})

test('not listed: received outside its competent commune it is refused', () => {
  assert.equal(outcome({ chosen: camRanh }), 'notCompetentHere')
  assert.equal(outcome({ receiving: province, ownCommune: null }), 'notCompetentHere')
})

test('only a commune of the same province may be chosen', () => {
  assert.equal(outcome({ anyLocation: true, chosen: elsewhere }), 'unknownCompetentAgency')
  assert.equal(outcome({ anyLocation: true, chosen: province }), 'unknownCompetentAgency')
})

test('a province-level procedure is decided by its department: received at the provincial centre, or anywhere when listed', () => {
  const department = 'so-tu-phap'
  const level = 'province'
  assert.equal(outcome({ department, level, receiving: province, ownCommune: null }), department)
  assert.equal(outcome({ department, level }), 'notCompetentHere')
  assert.equal(outcome({ department, level, anyLocation: true }), department)
  assert.equal(outcome({ department, level, anyLocation: true, chosen: camRanh }), 'unknownCompetentAgency')
})

test('a commune procedure the catalogue gives a central branch is received at any commune’s unit, not at the province', () => {
  const department = 'cong-an-tinh'
  assert.equal(outcome({ department }), department)
  assert.equal(outcome({ department, receiving: province, ownCommune: null }), 'notCompetentHere')
})
