import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  candidateLimits,
  distribution,
  histogram,
  limitInWorkingDays,
  longestStep,
  nearestRank,
  shareWithin,
  whatIf,
} from './time-reduction.ts'

const day = 480
/** Ten dossiers: 1, 1, 2, 2, 2, 3, 3, 4, 6 and 10 working days. */
const ten = [1, 1, 2, 2, 2, 3, 3, 4, 6, 10].map((d) => d * day)

test('mean, median and nearest-rank 90th percentile of ten dossiers, in working days', () => {
  // mean 34 / 10 = 3.4; median (2 + 3) / 2 = 2.5; p90 rank ⌈0.9 × 10⌉ = 9 → 6 days.
  assert.deepEqual(distribution(ten), { count: 10, meanDays: 3.4, medianDays: 2.5, p90Days: 6 })
})

test('the median of an odd count is its middle value and p90 of five is the largest', () => {
  // rank ⌈0.9 × 5⌉ = 5.
  assert.deepEqual(distribution([240, 480, 1200, 960, 2400]), { count: 5, meanDays: 2.2, medianDays: 2, p90Days: 5 })
})

test('no dossiers give no figures', () => {
  assert.deepEqual(distribution([]), { count: 0, meanDays: null, medianDays: null, p90Days: null })
  assert.equal(nearestRank([], 0.9), null)
  assert.equal(shareWithin([], 3), null)
})

test('the histogram counts each dossier in the working day it finished in, empty days included', () => {
  assert.deepEqual(histogram([0, 480, 481, 1440, 2400]), [
    { day: 1, count: 2 },
    { day: 2, count: 1 },
    { day: 3, count: 1 },
    { day: 4, count: 0 },
    { day: 5, count: 1 },
  ])
})

test('a dossier finishing exactly at the limit meets it', () => {
  // within 2 days: 1, 1, 2, 2, 2 → 5 of 10; within 3: 7 of 10.
  assert.equal(shareWithin(ten, 2), 0.5)
  assert.equal(shareWithin(ten, 3), 0.7)
  assert.equal(shareWithin([481], 1), 0)
})

test('the longest step is the one with the largest mean overrun of its budget, not the most minutes', () => {
  const step = longestStep([
    [
      { name: 'Thẩm định', minutes: 1200, budgetMinutes: 960 },
      { name: 'Phê duyệt', minutes: 240, budgetMinutes: 120 },
    ],
    [
      { name: 'Thẩm định', minutes: 960, budgetMinutes: 960 },
      { name: 'Phê duyệt', minutes: 60, budgetMinutes: 120 },
      { name: 'Không định mức', minutes: 600, budgetMinutes: 0 },
    ],
  ])
  // Thẩm định: (0.25 + 0) / 2 = 0.125; Phê duyệt: (1 + −0.5) / 2 = 0.25.
  assert.deepEqual(step, {
    name: 'Phê duyệt',
    dossiers: 2,
    meanMinutes: 150,
    meanBudgetMinutes: 120,
    meanOverrun: 0.25,
  })
  assert.equal(longestStep([[]]), null)
})

test('candidate limits are a third, half and two thirds of the configured one, itself and the asked cut', () => {
  assert.deepEqual(candidateLimits(15, 4), [4, 5, 8, 10, 15])
  assert.deepEqual(candidateLimits(1), [1])
  assert.deepEqual(candidateLimits(null, 2), [2])
  assert.deepEqual(whatIf(ten, [2, 5]), [
    { limitDays: 2, share: 0.5 },
    { limitDays: 5, share: 0.8 },
  ])
})

test('limits convert to working days: calendar days count as working days, hours as eighths', () => {
  assert.equal(limitInWorkingDays({ unit: 'working_days', value: 15 }), 15)
  assert.equal(limitInWorkingDays({ unit: 'calendar_days', value: 20 }), 20)
  assert.equal(limitInWorkingDays({ unit: 'working_hours', value: 4 }), 0.5)
  assert.equal(limitInWorkingDays({ unit: 'none' }), null)
  assert.equal(limitInWorkingDays(null), null)
})
