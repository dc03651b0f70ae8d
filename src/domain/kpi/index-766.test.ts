import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { CatalogueCounts } from './catalogue-counts.ts'
import { type Counters, zeroCounters } from './counters.ts'
import type { Ii06aFigures } from './ii06a.ts'
import { decision766Scoring, index766, score } from './index-766.ts'

const figures = (o: Partial<Ii06aFigures>): Ii06aFigures => ({
  received: 0,
  receivedOnline: 0,
  receivedInPersonOrPost: 0,
  carriedOver: 0,
  resolved: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  withdrawn: 0,
  stopped: 0,
  inProgress: 0,
  inProgressWithinDeadline: 0,
  inProgressOverdue: 0,
  ...o,
})
const flows = (o: Partial<Counters>): Counters => ({ ...zeroCounters(), ...o })

test('the groups weigh 18, 20, 22, 22 and 18 points: 100 in all', () => {
  const max = (g: string) => decision766Scoring.filter((r) => r.group === g).reduce((s, r) => s + r.points, 0)
  assert.deepEqual(
    ['transparency', 'progress', 'online', 'digitization', 'satisfaction'].map(max),
    [18, 20, 22, 22, 18],
  )
})

test('threshold scoring: full points at or above the threshold, ratio × points ÷ threshold below it', () => {
  const rule = { id: '3.3', group: 'online' as const, points: 6, threshold: 0.5 }
  assert.equal(score(rule, 0.5), 6)
  assert.equal(score(rule, 0.7), 6)
  assert.equal(score(rule, 0.4), 4.8)
  assert.equal(score(rule, 0), 0)
  assert.equal(score(rule, 'n/a'), 6, 'nothing arose: full points (product rule)')
})

test('the index of an agency, every indicator computed by hand', () => {
  const cat: CatalogueCounts = {
    procedures: 10,
    completeInfo: 9,
    online: 7,
    fullEligible: 4,
    fullOfEligible: 3,
    feeBearing: 0,
    feeBearingOnlinePayment: 0,
    cut: 2,
  }
  const f = figures({ received: 200, resolved: 100, resolvedEarly: 60, resolvedOnTime: 30, resolvedLate: 10 })
  const c = flows({
    received: 200,
    online_counted: 80,
    digitized: 170,
    reused: 40,
    citizen: 100,
    vneid: 90,
    result_document: 60,
    e_result: 30,
    fee_bearing: 40,
    paid_online: 10,
    unhappy: 5,
    done: 90,
    done_minutes: 90 * 480 * 3,
  })
  const index = index766(f, c, cat)
  const points = Object.fromEntries(Object.entries(index.indicators).map(([id, s]) => [id, [s.ratio, s.points]]))
  assert.deepEqual(points, {
    '1.1': [0.9, 16.2], // 9/10 × 18
    '2.1': [0.9, 18], // (60 + 30) / 100 × 20
    '3.1': [0.7, 5.25], // 0.7 × 6 ÷ 0.8
    '3.2': [0.75, 3], // 3/4 × 4
    '3.3': [0.4, 4.8], // 80/200 = 0.4 × 6 ÷ 0.5
    '3.5': ['n/a', 3], // no fee-bearing procedure
    '3.6': [0.25, 0.75], // 10/40 × 3
    '4.1': [0.5, 3], // 30/60 × 6
    '4.2': [0.85, 6], // 170/200 ≥ 0.8
    '4.3': [0.2, 1.5], // 40/200 = 0.2 × 6 ÷ 0.8
    '4.5': [0.9, 3.6], // 90/100 × 4
    '5.4': [0.85, 17], // 1 − (10/100 late + 5/100 unhappy) = 0.85 × 18 ÷ 0.9
  })
  assert.deepEqual(index.groups, {
    transparency: { points: 16.2, max: 18 },
    progress: { points: 18, max: 20 },
    online: { points: 16.8, max: 22 },
    digitization: { points: 14.1, max: 22 },
    satisfaction: { points: 17, max: 18 },
  })
  assert.equal(index.total, 82.1)
  assert.equal(index.averageWorkingDays, 3)
})

test('ratios are rounded to 2 decimals and a zero denominator is n/a', () => {
  const index = index766(
    figures({ resolved: 3, resolvedEarly: 2, resolvedLate: 1 }),
    flows({ received: 3, online_counted: 1 }),
    {
      procedures: 0,
      completeInfo: 0,
      online: 0,
      fullEligible: 0,
      fullOfEligible: 0,
      feeBearing: 0,
      feeBearingOnlinePayment: 0,
      cut: 0,
    },
  )
  assert.equal(index.indicators['2.1']?.ratio, 0.67)
  assert.equal(index.indicators['3.3']?.ratio, 0.33)
  assert.equal(index.indicators['1.1']?.ratio, 'n/a')
  assert.equal(index.averageWorkingDays, 'n/a')
})
