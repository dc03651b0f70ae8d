import type { CriteriaSet, Leaf } from '../src/domain/par-index/criteria-set.ts'
import { leavesOf } from '../src/domain/par-index/criteria-set.ts'
import { rankUnits } from '../src/domain/par-index/ranking.ts'
import type { Answers, LeafAnswer, UnitFigures } from '../src/domain/par-index/scoring.ts'
import { scoreUnit } from '../src/domain/par-index/scoring.ts'
import { seededRandom } from '../src/store/dossiers/seed-dossiers.ts'
import type { BenchmarkResult } from './run.ts'

const text = (s: string) => ({ vi: s, en: s })
const evidence = ['e'.repeat(64)]

/** 60 leaves in 8 areas, every method represented, as a province's set might be. */
function benchSet(): CriteriaSet {
  const methods: Leaf['method'][] = [
    {
      kind: 'self_assessed',
      levels: [0, 0.5, 1].map((f, i) => ({ code: `L${i}`, label: text(`L${i}`), points: f * 2 })),
    },
    { kind: 'counted', pointsPerItem: 0.5 },
    {
      kind: 'computed',
      figure: 'on-time-share',
      rule: 'bands',
      bands: [
        { from: 0.9, points: 1 },
        { from: 0.98, points: 2 },
      ],
    },
    { kind: 'computed', figure: 'index-766', rule: 'proportional' },
    { kind: 'bonus' },
    { kind: 'penalty' },
  ]
  const areas = Array.from({ length: 8 }, (_, a) => ({
    code: `${a + 1}`,
    name: text(`Area ${a + 1}`),
    criteria: Array.from({ length: a < 4 ? 8 : 7 }, (_, c) => ({
      code: `${a + 1}.${c + 1}`,
      name: text(`${a + 1}.${c + 1}`),
      maxPoints: 2,
      method: methods[(a * 8 + c) % methods.length] as Leaf['method'],
    })),
  }))
  const draft: CriteriaSet = { year: 2026, unitKind: 'commune', maxPoints: 0, source: 'bench', areas }
  const max = leavesOf(draft).reduce((s, l) => s + (l.method.kind === 'penalty' ? 0 : l.maxPoints), 0)
  return { ...draft, maxPoints: max }
}

function answerFor(l: Leaf, r: () => number): LeafAnswer | undefined {
  switch (l.method.kind) {
    case 'self_assessed':
      return { kind: 'level', level: `L${Math.floor(r() * 3)}`, evidence }
    case 'counted':
      return { kind: 'count', count: Math.floor(r() * 6), evidence }
    case 'bonus':
    case 'penalty':
      return { kind: 'points', points: Math.round(r() * 8) / 4, evidence }
    case 'computed':
      return undefined
  }
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1] ?? 0

/**
 * Ranking a year: 80 units × 60 criteria scored from their answers and figures, then ranked with the
 * tie rule — against a baseline in the same run that sums the same 4,800 points from a flat array and
 * sorts by total (the least any ranking does).
 */
export async function parIndexBenchmark(): Promise<BenchmarkResult> {
  const set = benchSet()
  const leaves = leavesOf(set)
  const r = seededRandom(18)
  const units = Array.from({ length: 80 }, (_, i) => {
    const answers: Record<string, LeafAnswer> = {}
    for (const l of leaves) {
      const a = answerFor(l, r)
      if (a) answers[l.code] = a
    }
    const figures: UnitFigures = { 'on-time-share': 0.85 + r() * 0.15, 'index-766': 60 + r() * 40 }
    return { unitId: `u${i}`, name: `Xã ${i}`, answers: answers as Answers, figures }
  })
  const flat = Float64Array.from({ length: 80 * 60 }, () => r() * 2)
  const rankYear = () =>
    rankUnits(units.map((u) => ({ unitId: u.unitId, name: u.name, score: scoreUnit(set, u.answers, u.figures) })))
  const baseline = () =>
    Array.from({ length: 80 }, (_, u) => {
      let total = 0
      for (let k = 0; k < 60; k++) total += flat[u * 60 + k] as number
      return { u, total }
    }).sort((a, b) => b.total - a.total)
  const time = (f: () => unknown, runs: number) =>
    Array.from({ length: runs }, () => {
      const start = performance.now()
      f()
      return performance.now() - start
    })
  time(rankYear, 50)
  time(baseline, 50)
  const ranking = time(rankYear, 500)
  const base = time(baseline, 500)
  const p95 = percentile(ranking, 95)
  const baseP95 = percentile(base, 95)
  const p50 = percentile(ranking, 50)
  return {
    name: 'par-index',
    markdown: [
      `${leaves.length} criteria × ${units.length} units: each unit scored (every method) and the year ranked with the tie rule, 500 runs after 50 warm-up. Baseline: summing the same number of points from a flat array and sorting by total, same run. Target (issue 18): p95 < 100 ms.`,
      '',
      '| run | p50 ms | p95 ms |',
      '| --- | ---: | ---: |',
      `| ranking a year (scoreUnit × 80, rankUnits) | ${p50.toFixed(2)} | ${p95.toFixed(2)} |`,
      `| baseline: flat sums and sort | ${percentile(base, 50).toFixed(3)} | ${baseP95.toFixed(3)} |`,
      '',
      `p95 ${p95 < 100 ? 'meets' : 'misses'} the 100 ms target; ${(p95 / baseP95).toFixed(0)}× the baseline's p95.`,
    ],
    json: { p50, p95, baselineP95: baseP95 },
  }
}
