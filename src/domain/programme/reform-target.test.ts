import assert from 'node:assert/strict'
import { test } from 'node:test'
import { programme, target } from './programme-fixtures.ts'
import { isMet, targetsForYear } from './reform-target.ts'

test("a year's own target takes precedence over the phase's target", () => {
  const phase = target({ id: 'phase', value: 0.1 })
  const own = target({ id: 'own', year: 2027, value: 0.08 })
  assert.deepEqual(
    targetsForYear(programme, [phase, own], 2027, '2027-12-31').map((t) => t.id),
    ['own'],
  )
})

test('a revised target applies only from its effective date', () => {
  const first = target({ id: 'first', value: 0.1 })
  const revised = target({ id: 'revised', value: 0.05, effectiveFrom: '2028-07-01' })
  assert.deepEqual(
    [2027, 2028].map((y) => targetsForYear(programme, [first, revised], y, `${y}-06-30`)[0]?.id),
    ['first', 'first'],
  )
  assert.equal(targetsForYear(programme, [first, revised], 2028, '2028-12-31')[0]?.id, 'revised')
})

test("a phase's target does not apply to the years of another phase", () => {
  assert.deepEqual(targetsForYear(programme, [target()], 2024, '2024-12-31'), [])
})

test("a 'below' target is not met when the figure equals it", () => {
  assert.equal(isMet({ comparator: 'below', value: 0.1 }, 0.1), false)
})

test("an 'at least' target is met when the figure equals it", () => {
  assert.equal(isMet({ comparator: 'at_least', value: 0.8 }, 0.8), true)
})
