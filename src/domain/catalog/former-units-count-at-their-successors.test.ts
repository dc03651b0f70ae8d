import assert from 'node:assert/strict'
import { test } from 'node:test'
import { presentUnitOf, type UnitLinks } from './succession.ts'

// rules.md §7: dossiers and indicators of abolished or merged units map to their successors (Nghị quyết
// 202/2025/QH15 merged Ninh Thuận into Khánh Hòa; Nghị quyết 1667/NQ-UBTVQH15 arranged the communes).
const whole = (successorId: string) => ({ successorId, effectiveOn: '2025-07-01', partial: false })
const part = (successorId: string) => ({ successorId, effectiveOn: '2025-07-01', partial: true })
const units = new Map<string, UnitLinks>([
  ['ubnd-tinh', { parentId: null, successors: [] }],
  ['so-tu-phap', { parentId: 'ubnd-tinh', successors: [] }],
  ['xa-22435', { parentId: 'ubnd-tinh', successors: [] }],
  ['xa-22453', { parentId: 'ubnd-tinh', successors: [] }],
  ['cu-ninh-thuan-so-tu-phap', { parentId: 'cu-ninh-thuan-ubnd-tinh', successors: [whole('so-tu-phap')] }],
  ['cu-huyen-cam-lam', { parentId: null, successors: [part('xa-22435'), part('xa-22453')] }],
  ['cu-xa-cam-duc-1', { parentId: 'cu-huyen-cam-lam', successors: [whole('xa-22435')] }],
  ['cu-older-unit', { parentId: null, successors: [whole('cu-xa-cam-duc-1')] }],
])

test('a body merged whole counts at its successor', () => {
  assert.equal(presentUnitOf(units, 'cu-ninh-thuan-so-tu-phap'), 'so-tu-phap')
})

test('a unit merged twice counts at the unit in force today', () => {
  assert.equal(presentUnitOf(units, 'cu-older-unit'), 'xa-22435')
})

test('a district divided among communes counts at the provincial committee above them all', () => {
  assert.equal(presentUnitOf(units, 'cu-huyen-cam-lam'), 'ubnd-tinh')
})

test('a unit in force, or unknown, is its own', () => {
  assert.equal(presentUnitOf(units, 'xa-22453'), 'xa-22453')
  assert.equal(presentUnitOf(units, 'cu-not-in-the-catalogue'), 'cu-not-in-the-catalogue')
})
