import assert from 'node:assert/strict'
import { test } from 'node:test'
import { availableActions } from './actions.ts'
import { checkAnswers } from './answer.ts'
import { questionIds } from './questionnaire.ts'

test('a respondent who has answered cannot answer again', () => {
  assert.deepEqual(availableActions({ periodStatus: 'open', answered: true }, 'respondent'), [])
})

test('nobody answers once the period is closed', () => {
  assert.deepEqual(availableActions({ periodStatus: 'closed', answered: false }, 'home-affairs'), [])
})

test('an officer types in the paper form only for a respondent who has not answered online', () => {
  assert.deepEqual(availableActions({ periodStatus: 'open', answered: true }, 'home-affairs'), ['close-period'])
})

test('an answer sheet with a level outside 1..5 is refused in Vietnamese and English', () => {
  const sheet = Object.fromEntries(questionIds.map((id) => [id, 4]))
  const problems = checkAnswers({ ...sheet, 'access.place': 6 })
  assert.deepEqual(problems, [
    { vi: 'Câu "access.place" phải có mức từ 1 đến 5', en: 'Question "access.place" needs a level from 1 to 5' },
  ])
})

test('an answer sheet missing a question is refused', () => {
  const sheet = Object.fromEntries(questionIds.slice(1).map((id) => [id, 4]))
  assert.equal(checkAnswers(sheet).length, 1)
})
