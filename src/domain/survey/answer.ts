import { questionIds } from './questionnaire.ts'
import type { Answers } from './satisfaction-index.ts'

/** Why an answer sheet is refused, in Vietnamese and English. */
export interface AnswerProblem {
  readonly vi: string
  readonly en: string
}

/**
 * Checks one answer sheet against the questionnaire: every question answered with a level 1..5 and
 * nothing else. Returns the problems (empty when the sheet is acceptable).
 */
export function checkAnswers(answers: Readonly<Record<string, unknown>>): AnswerProblem[] {
  const problems: AnswerProblem[] = []
  for (const id of questionIds) {
    const level = answers[id]
    if (level === undefined) problems.push({ vi: `Chưa trả lời câu "${id}"`, en: `Question "${id}" is not answered` })
    else if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 5)
      problems.push({ vi: `Câu "${id}" phải có mức từ 1 đến 5`, en: `Question "${id}" needs a level from 1 to 5` })
  }
  for (const id of Object.keys(answers))
    if (!questionIds.includes(id)) problems.push({ vi: `Không có câu hỏi "${id}"`, en: `There is no question "${id}"` })
  return problems
}

export type { Answers }
