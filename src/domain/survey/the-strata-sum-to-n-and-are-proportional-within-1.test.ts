import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { allocate } from './allocation.ts'

const strata = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 30 })
  .chain((ids) =>
    fc.tuple(
      fc.constant(ids),
      fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: ids.length, maxLength: ids.length }),
    ),
  )
  .map(([ids, sizes]) => ids.map((agencyId, i) => ({ agencyId, population: sizes[i] as number })))

test('the strata of any allocation sum to n', () => {
  fc.assert(
    fc.property(strata, fc.double({ min: 0, max: 1, noNaN: true }), (s, f) => {
      const total = s.reduce((a, x) => a + x.population, 0)
      const n = Math.floor(f * total)
      return allocate(s, n).reduce((a, x) => a + x.sampled, 0) === n
    }),
  )
})

test('every stratum differs from its proportional quota n·N_h/N by less than 1', () => {
  fc.assert(
    fc.property(strata, fc.double({ min: 0, max: 1, noNaN: true }), (s, f) => {
      const total = s.reduce((a, x) => a + x.population, 0)
      const n = Math.floor(f * total)
      return allocate(s, n).every((x) => total === 0 || Math.abs(x.sampled - (n * x.population) / total) < 1)
    }),
  )
})

test('the unit left over goes to the largest remainder: 10 split 1:1:1 by three agencies of 5 gives 4, 3, 3 to the first id', () => {
  const a = allocate(
    [
      { agencyId: 'b', population: 5 },
      { agencyId: 'a', population: 5 },
      { agencyId: 'c', population: 5 },
    ],
    10,
  )
  assert.deepEqual(
    a.map((x) => [x.agencyId, x.sampled]),
    [
      ['b', 3],
      ['a', 4],
      ['c', 3],
    ],
  )
})
