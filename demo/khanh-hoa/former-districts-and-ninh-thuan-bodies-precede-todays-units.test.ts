import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { AgencyKind } from '../../src/domain/catalog/agency.ts'
import type { Catalog } from '../../src/domain/catalog/catalog.ts'
import type { FormerUnitsFile } from './build-former-units.ts'

// Nghị quyết 202/2025/QH15 merged Ninh Thuận into Khánh Hòa and Nghị quyết 1667/NQ-UBTVQH15 arranged the
// communes from 1 July 2025, ending the district level; their units are predecessors of today's (rules.md §7).
const catalog: Catalog = JSON.parse(readFileSync(new URL('./catalog.json', import.meta.url), 'utf8'))
const former: FormerUnitsFile = JSON.parse(
  readFileSync(new URL('./sources/former-units.json', import.meta.url), 'utf8'),
)
const byId = new Map(catalog.agencies.map((a) => [a.id, a]))
const inForce = (id: string) => byId.get(id)?.names.some((n) => n.validTo === null) ?? false
const named = (name: string) => catalog.agencies.find((a) => a.names.some((n) => n.name === name))

test('each former district of both provinces ends on 30 June 2025 and is succeeded by the communes formed from it', () => {
  assert.equal(former.districts.length, 16)
  for (const d of former.districts) {
    const unit = named(d.fullName)
    assert.equal(unit?.kind, AgencyKind.FormerUnit, d.fullName)
    assert.equal(unit?.statisticalCode, d.code)
    assert.deepEqual(
      unit?.names.map((n) => n.validTo),
      ['2025-06-30'],
    )
    assert.ok(unit?.successors.length, d.fullName)
    for (const s of unit?.successors ?? []) {
      assert.equal(byId.get(s.successorId)?.kind, AgencyKind.CommuneCommittee, `${d.fullName} → ${s.successorId}`)
      assert.equal(s.effectiveOn, '2025-07-01')
      assert.equal(s.partial, (unit?.successors.length ?? 0) > 1)
    }
  }
})

test('every former commune sits under its former district with its former code', () => {
  const communes = catalog.agencies.filter((a) => a.kind === AgencyKind.FormerUnit && a.id.match(/^cu-.*-\d+$/))
  assert.equal(communes.length, 194)
  for (const c of communes) {
    const district = former.districts.find((d) => byId.get(c.parentId ?? '')?.statisticalCode === d.code)
    assert.ok(district, c.id)
    assert.match(c.statisticalCode ?? '', /^\d{5}$/)
  }
})

test("Ninh Thuận's provincial committee, departments and service centre merge whole into today's bodies", () => {
  for (const body of former.ninhThuanBodies) {
    const unit = named(body.name)
    const successor = named(body.successor)
    assert.ok(unit && successor, body.name)
    assert.ok(inForce(successor.id), body.successor)
    assert.deepEqual(unit.successors, [{ successorId: successor.id, effectiveOn: '2025-07-01', partial: false }])
    assert.deepEqual(
      unit.codes.map((c) => c.validTo),
      ['2025-06-30'],
    )
  }
  assert.equal(named('Ủy ban nhân dân tỉnh Ninh Thuận')?.successors[0]?.successorId, 'ubnd-tinh')
})
