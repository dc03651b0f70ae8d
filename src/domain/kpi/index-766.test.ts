import assert from 'node:assert/strict'
import { test } from 'node:test'
import { catalogue, figures, flows, inputs, petitions } from '../../../test/support/index-766-inputs.ts'
import { decision766Scoring, index766, score } from './index-766.ts'
import { FormulaSource } from './index-766-scoring.ts'

// Công thức 766.xlsx, sheet METRICS (VPCP), as transcribed in ChippedTopaz/qd766; rules.md
// "Decision 766 index (national formula)".

test('the groups weigh 18, 20, 22, 22 and 18 points: 100 in all', () => {
  const max = (g: string) => decision766Scoring.filter((r) => r.group === g).reduce((s, r) => s + r.points, 0)
  assert.deepEqual(
    ['transparency', 'progress', 'online', 'digitization', 'satisfaction'].map(max),
    [18, 20, 22, 22, 18],
  )
})

test('the points within each group are those of METRICS; only the split of 3.1–3.3 is a product rule', () => {
  const points = Object.fromEntries(decision766Scoring.map((r) => [r.id, r.points]))
  assert.deepEqual(points, {
    '1.1': 6,
    '1.2': 4,
    '1.3': 2,
    '1.4': 6,
    '2.1': 20,
    '3.1': 2,
    '3.2': 4,
    '3.3': 6,
    '3.5': 0,
    '3.6': 10,
    '4.1': 6,
    '4.2': 4,
    '4.3': 2,
    '4.4': 4,
    '4.5a': 2,
    '4.5b': 2,
    '4.6': 2,
    '5.1': 0,
    '5.2': 6,
    '5.3': 6,
    '5.4': 6,
  })
  const productRules = decision766Scoring.filter((r) => r.pointsSource === FormulaSource.ProductRule).map((r) => r.id)
  assert.deepEqual(productRules, ['3.1', '3.2', '3.3'])
})

test('threshold scoring: full points at or above the threshold, ratio × points ÷ threshold below it', () => {
  const rule = decision766Scoring.find((r) => r.id === '3.3')
  assert.ok(rule)
  assert.equal(score(rule, 0.5), 6)
  assert.equal(score(rule, 0.7), 6)
  assert.equal(score(rule, 0.4), 4.8)
  assert.equal(score(rule, 0), 0)
})

test('the index of an agency, every indicator computed by hand', () => {
  const index = index766(
    inputs({
      figures: figures({ received: 200, resolved: 100, resolvedEarly: 60, resolvedOnTime: 30, resolvedLate: 10 }),
      flows: flows({
        received: 200,
        online_counted: 80,
        digitized: 170,
        reused: 40,
        vault_linked: 60,
        citizen: 100,
        vneid: 90,
        result_document: 60,
        e_result: 30,
        fee_bearing: 40,
        paid_online: 10,
        unhappy: 5,
        done: 90,
        done_minutes: 90 * 480 * 3,
      }),
      catalogue: catalogue({ procedures: 10, online: 7 }),
      services: { onlineServices: 8, withOnlineDossier: 6, feeProcedures: 5, withFeeData: 2 },
      sync: { received: 200, synced: 150 },
      petitions: petitions({
        '5.1': { numerator: 8, denominator: 10 },
        '5.2': { numerator: 9, denominator: 12 },
        '5.3': { numerator: 7, denominator: 10 },
      }),
    }),
  )
  const scored = Object.fromEntries(Object.entries(index.indicators).map(([id, s]) => [id, [s.ratio, s.points]]))
  assert.deepEqual(scored, {
    '1.1': [null, 0], // the catalogue has no publication decision dates
    '1.2': [null, 0],
    '1.3': [null, 0],
    '1.4': [0.75, 4.5], // 150/200 × 6
    '2.1': [0.9, 18], // (60 + 30) / 100 × 20
    '3.1': [0.7, 1.75], // 0.7 × 2 ÷ 0.8
    '3.2': [0.75, 3], // 6/8 × 4
    '3.3': [0.3, 3.6], // 80/200 × 0.75 = 0.3 × 6 ÷ 0.5
    '3.5': [0.4, 0], // 2/5, worth no points
    '3.6': [0.25, 2.5], // 10/40 × 10
    '4.1': [0.5, 3], // 30/60 × 6
    '4.2': [0.85, 4], // 170/200 ≥ 0.8
    '4.3': [0.2, 0.5], // 40/200 = 0.2 × 2 ÷ 0.8
    '4.4': [0.3, 1.2], // 60/200 × 4
    '4.5a': [null, 0], // the catalogue does not say who the applicants are
    '4.5b': [0.45, 0.9], // 90/200 × 2
    '4.6': [null, 0],
    '5.1': [0.8, 0], // 8/10 classified, information only
    '5.2': [0.75, 4.5], // 9/12 × 6
    '5.3': [0.7, 4.2], // 7/10 × 6
    '5.4': [0.85, 5.67], // 1 − (10/100 late + 5/100 unhappy) = 0.85 × 6 ÷ 0.9
  })
  assert.deepEqual(index.groups, {
    transparency: { points: 4.5, max: 18 },
    progress: { points: 18, max: 20 },
    online: { points: 10.85, max: 22 },
    digitization: { points: 9.6, max: 22 },
    satisfaction: { points: 14.37, max: 18 }, // 4.5 + 4.2 + 5.67
  })
  assert.equal(index.total, 57.32) // 4.5 + 18 + 10.85 + 9.6 + 14.37
  assert.equal(index.averageWorkingDays, 3)
})

test('ratios are rounded to 2 decimals', () => {
  const index = index766(
    inputs({
      figures: figures({ resolved: 3, resolvedEarly: 2, resolvedLate: 1 }),
      flows: flows({ received: 3, online_counted: 1 }),
      sync: { received: 3, synced: 3 },
    }),
  )
  assert.equal(index.indicators['2.1']?.ratio, 0.67)
  assert.equal(index.indicators['3.3']?.ratio, 0.33)
  assert.equal(index.averageWorkingDays, 'n/a')
})
