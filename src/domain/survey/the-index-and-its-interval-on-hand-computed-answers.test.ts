import assert from 'node:assert/strict'
import { test } from 'node:test'
import { questionIds } from './questionnaire.ts'
import { satisfactionIndex, withInterval } from './satisfaction-index.ts'

const all = (level: number) => Object.fromEntries(questionIds.map((id) => [id, level]))

test('the interval of four 1s and four 0s is 0.5 ± 1.96·√(1/28): s² = 2/7 (m − 1), over m = 8', () => {
  const r = withInterval([1, 1, 0, 0, 1, 0, 1, 0])
  const half = 1.959963984540054 * Math.sqrt(1 / 28)
  assert.equal(r.value, 0.5)
  assert.ok(Math.abs((r.low ?? 0) - (0.5 - half)) < 1e-12 && Math.abs((r.high ?? 0) - (0.5 + half)) < 1e-12)
})

test('the interval is clipped to [0, 1]', () => {
  const r = withInterval([1, 1, 1, 0])
  assert.equal(r.high, 1)
})

test('one respondent gives an index without an interval', () => {
  assert.deepEqual(withInterval([1]), { value: 1, low: null, high: null, respondents: 1 })
})

test('levels 4 and 5 count as satisfied, 3 does not: three respondents at 5, 4 and 3 give 2/3 everywhere', () => {
  const r = satisfactionIndex([all(5), all(4), all(3)])
  assert.ok(Math.abs((r.overall.value ?? 0) - 2 / 3) < 1e-12)
  assert.ok(Math.abs((r.elements.procedure.value ?? 0) - 2 / 3) < 1e-12)
})

test('an element’s score is the share of its questions satisfied: 1 of 2 feedback questions gives 0.5', () => {
  const r = satisfactionIndex([{ ...all(5), 'feedback.handled': 2 }])
  assert.equal(r.elements.feedback.value, 0.5)
})

test('the overall index is the mean over the five elements: one element at 0.5 gives 0.9', () => {
  const r = satisfactionIndex([{ ...all(5), 'feedback.handled': 2 }])
  assert.ok(Math.abs((r.overall.value ?? 0) - 0.9) < 1e-12)
})
