import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { Channel, DossierStatus, Satisfaction } from '../../domain/dossier/status.ts'
import type { DossierFacts } from '../../domain/kpi/facts.ts'
import { accumulate, accumulateChange, type CountDeltas, countRows } from './count-rows.ts'

const day = 86_400_000
const start = Date.UTC(2026, 10, 1)
const instant = fc.integer({ min: start, max: start + 90 * day })
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null })

/** Facts as a command may leave them: any field may move, the agency and field among a few. */
const facts: fc.Arbitrary<DossierFacts> = fc.record({
  dossierId: fc.constant('d-1'),
  code: fc.constant('H34-261101-0001'),
  origin: fc.constant('motcua' as const),
  status: fc.constantFrom(...Object.values(DossierStatus)),
  agencyId: fc.constantFrom('xa-1', 'xa-2'),
  fieldId: fc.constantFrom('ho-tich', 'dat-dai'),
  procedureCode: fc.constantFrom('1.001193', '1.000894'),
  channel: fc.constantFrom(...Object.values(Channel)),
  receivedAt: instant,
  deadlineAt: maybe(instant),
  supplementRequests: fc.integer({ min: 0, max: 2 }),
  secondSupplementAt: maybe(instant),
  pendingSupplementSince: maybe(instant),
  end: maybe(
    fc.record({ kind: fc.constantFrom('done' as const, 'stopped' as const, 'withdrawn' as const), at: instant }),
  ),
  workingMinutes: maybe(fc.integer({ min: 0, max: 5000 })),
  feeVnd: fc.constantFrom(0, 8000),
  paidOnline: fc.boolean(),
  resultIsDocument: fc.boolean(),
  eResult: fc.boolean(),
  digitized: fc.boolean(),
  reused: fc.boolean(),
  citizen: fc.boolean(),
  vneid: fc.boolean(),
  portalSynced: fc.boolean(),
  rating: maybe(fc.constantFrom(...Object.values(Satisfaction))),
  complaint: fc.boolean(),
  apology: fc.boolean(),
  steps: fc.constant([]),
})

/** The stored facts and the new ones: unrelated, or the new ones a few fields away from the stored. */
const change = fc.oneof(
  fc.tuple(facts, facts),
  facts.chain((before) =>
    fc.tuple(
      fc.constant(before),
      facts.chain((other) =>
        fc
          .subarray(Object.keys(other) as (keyof DossierFacts)[], { maxLength: 3 })
          .map((keys) => ({ ...before, ...Object.fromEntries(keys.map((k) => [k, other[k]])) }) as DossierFacts),
      ),
    ),
  ),
)

test('moving the counters from stored to new facts writes what removing the stored and adding the new writes', () => {
  fc.assert(
    fc.property(change, ([before, after]) => {
      const plain: CountDeltas = new Map()
      accumulate(plain, before, -1)
      accumulate(plain, after, 1)
      const moved: CountDeltas = new Map()
      accumulateChange(moved, before, after)
      assert.deepEqual(countRows(moved), countRows(plain))
    }),
    { numRuns: 1000 },
  )
})

test('a new dossier’s counters are what it contributes', () => {
  fc.assert(
    fc.property(facts, (after) => {
      const plain: CountDeltas = new Map()
      accumulate(plain, after, 1)
      const moved: CountDeltas = new Map()
      accumulateChange(moved, null, after)
      assert.deepEqual(countRows(moved), countRows(plain))
    }),
  )
})

test('the counter rows carry only the counters that move: the others are left as they are', () => {
  fc.assert(
    fc.property(change, ([before, after]) => {
      const deltas: CountDeltas = new Map()
      accumulateChange(deltas, before, after)
      const rows = countRows(deltas)
      const keys = new Set(['depth', 'grain', 'period', 'agency_id', 'field_id', 'procedure_code'])
      const counters = (row: object) => Object.keys(row).filter((k) => !keys.has(k))
      for (const row of rows) assert.deepEqual(counters(row), counters(rows[0] as object))
      for (const column of counters(rows[0] ?? {}))
        assert.ok(
          rows.some((r) => (r as Record<string, unknown>)[column] !== 0),
          `${column} moves in some row`,
        )
    }),
  )
})
