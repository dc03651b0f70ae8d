import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compareWithLastYear, rankUnits } from './ranking.ts'
import type { UnitScore } from './scoring.ts'

const score = (total: number, ...areas: number[]): UnitScore => ({
  total,
  areas: areas.map((points, i) => ({ code: `${i + 1}`, points })),
  leaves: {},
})

test('the higher total ranks first', () => {
  const ranked = rankUnits([
    { unitId: 'a', name: 'Sở A', score: score(70, 70) },
    { unitId: 'b', name: 'Sở B', score: score(80, 80) },
  ])
  assert.deepEqual(
    ranked.map((u) => u.unitId),
    ['b', 'a'],
  )
})

test('equal totals go to more points in the first area, then the next', () => {
  const ranked = rankUnits([
    { unitId: 'a', name: 'Sở A', score: score(80, 10, 30, 40) },
    { unitId: 'b', name: 'Sở B', score: score(80, 10, 40, 30) },
  ])
  assert.deepEqual(
    ranked.map((u) => u.unitId),
    ['b', 'a'],
  )
})

test('equal in every area, the name in Vietnamese alphabetical order ranks first', () => {
  const ranked = rankUnits([
    { unitId: 'x', name: 'Sở Y tế', score: score(80, 80) },
    { unitId: 'y', name: 'Sở Đầu tư', score: score(80, 80) },
    { unitId: 'z', name: 'Sở Du lịch', score: score(80, 80) },
  ])
  assert.deepEqual(
    ranked.map((u) => u.name),
    ['Sở Du lịch', 'Sở Đầu tư', 'Sở Y tế'],
  )
})

test('every unit has its own rank, 1 to n', () => {
  const ranked = rankUnits([
    { unitId: 'a', name: 'A', score: score(50, 50) },
    { unitId: 'b', name: 'A', score: score(50, 50) },
  ])
  assert.deepEqual(
    ranked.map((u) => u.rank),
    [1, 2],
  )
})

test('the comparison with last year gives the points and places gained, null for a new unit', () => {
  const last = rankUnits([
    { unitId: 'a', name: 'A', score: score(90, 90) },
    { unitId: 'b', name: 'B', score: score(80, 80) },
  ])
  const now = rankUnits([
    { unitId: 'b', name: 'B', score: score(92.5, 92.5) },
    { unitId: 'a', name: 'A', score: score(85, 85) },
    { unitId: 'c', name: 'C', score: score(60, 60) },
  ])
  assert.deepEqual(
    compareWithLastYear(now, last).map((c) => [c.unitId, c.change, c.rankChange]),
    [
      ['b', 12.5, 1],
      ['a', -5, -1],
      ['c', null, null],
    ],
  )
})
