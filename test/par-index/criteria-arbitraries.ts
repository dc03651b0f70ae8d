import fc from 'fast-check'
import type { CriteriaSet, Criterion, Leaf, ScoringMethod } from '../../src/domain/par-index/criteria-set.ts'
import { leafCeiling, leavesOf } from '../../src/domain/par-index/criteria-set.ts'
import type { Answers, LeafAnswer, UnitFigures } from '../../src/domain/par-index/scoring.ts'

/** Points as the decisions write them: quarters of a point up to 10. */
const points = fc.integer({ min: 1, max: 40 }).map((q) => q / 4)

const method = (max: number): fc.Arbitrary<ScoringMethod> =>
  fc.oneof(
    fc.constantFrom<ScoringMethod>(
      { kind: 'computed', figure: 'on-time-share', rule: 'proportional' },
      { kind: 'computed', figure: 'index-766', rule: 'proportional' },
      { kind: 'bonus' },
      { kind: 'penalty' },
    ),
    fc.array(fc.integer({ min: 0, max: Math.round(max * 4) }), { minLength: 1, maxLength: 4 }).map((qs) => ({
      kind: 'self_assessed' as const,
      levels: qs.map((q, i) => ({ code: `L${i}`, label: { vi: `Mức ${i}`, en: `Level ${i}` }, points: q / 4 })),
    })),
    fc
      .array(
        fc.record({
          from: fc.double({ min: 0, max: 1, noNaN: true }),
          q: fc.integer({ min: 0, max: Math.round(max * 4) }),
        }),
        {
          maxLength: 4,
        },
      )
      .map((bs) => ({
        kind: 'computed' as const,
        figure: 'online-share' as const,
        rule: 'bands' as const,
        bands: bs.map((b) => ({ from: b.from, points: b.q / 4 })),
      })),
    points.map((p) => ({ kind: 'counted' as const, pointsPerItem: p })),
  )

const leaf = (code: string): fc.Arbitrary<Leaf> =>
  points.chain((max) => method(max).map((m) => ({ code, name: { vi: code, en: code }, maxPoints: max, method: m })))

const criterion = (code: string): fc.Arbitrary<Criterion> =>
  fc.oneof(
    leaf(code),
    fc
      .integer({ min: 1, max: 3 })
      .chain((n) =>
        fc
          .tuple(...Array.from({ length: n }, (_, i) => leaf(`${code}.${i + 1}`)))
          .map((subCriteria) => ({ code, name: { vi: code, en: code }, subCriteria })),
      ),
  )

/** A valid criteria set: 1–5 areas of 1–4 criteria; its maximum is what its leaves add up to. */
export const criteriaSetArb: fc.Arbitrary<CriteriaSet> = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 })
  .chain((sizes) =>
    fc.tuple(
      ...sizes.map((n, a) =>
        fc
          .tuple(...Array.from({ length: n }, (_, c) => criterion(`${a + 1}.${c + 1}`)))
          .map((criteria) => ({ code: `${a + 1}`, name: { vi: `LV ${a + 1}`, en: `Area ${a + 1}` }, criteria })),
      ),
    ),
  )
  .map((areas) => {
    const draft: CriteriaSet = { year: 2026, unitKind: 'department', maxPoints: 0, source: 'test', areas }
    return { ...draft, maxPoints: leavesOf(draft).reduce((s, l) => s + leafCeiling(l), 0) }
  })

const evidence = fc.array(fc.constantFrom('a'.repeat(64), 'b'.repeat(64)), { maxLength: 2 })

/** Anything a unit or the council might send for a leaf, in range or not, with evidence or not. */
const answer = (l: Leaf): fc.Arbitrary<LeafAnswer> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('level' as const),
      level: fc.constantFrom(
        ...(l.method.kind === 'self_assessed' ? l.method.levels.map((v) => v.code) : ['L0']),
        'nope',
      ),
      evidence,
    }),
    fc.record({ kind: fc.constant('count' as const), count: fc.integer({ min: -5, max: 1000 }), evidence }),
    fc.record({
      kind: fc.constant('points' as const),
      points: fc.double({ min: -50, max: 50, noNaN: true }),
      evidence,
    }),
  )

export const answersArb = (set: CriteriaSet): fc.Arbitrary<Answers> =>
  fc
    .tuple(...leavesOf(set).map((l) => fc.option(answer(l), { nil: undefined }).map((a) => [l.code, a] as const)))
    .map((pairs) => Object.fromEntries(pairs.filter(([, a]) => a !== undefined)) as Answers)

export const figuresArb: fc.Arbitrary<UnitFigures> = fc.record(
  {
    'on-time-share': fc.option(fc.double({ min: -0.5, max: 1.5, noNaN: true })),
    'online-share': fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    'index-766': fc.option(fc.double({ min: 0, max: 120, noNaN: true })),
    satisfaction: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  },
  { requiredKeys: [] },
)

/** A set with the answers and figures of one unit. */
export const scoredUnitArb = criteriaSetArb.chain((set) => fc.tuple(fc.constant(set), answersArb(set), figuresArb))
