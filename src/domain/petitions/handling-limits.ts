import { addWorkingTime, type WorkingCalendar } from '../calendar/working-calendar.ts'
import type { Petition } from './petition.ts'

/**
 * Time limits for handling a petition, in working days, as the national Decision 766 formula judges
 * indicator 5.2 (the formula document's transcription; rules.md, Petitions): refuse within 2 working
 * days of reception, ask for a supplement within 5, answer within 15 (counted from the supplement's
 * arrival when one was asked), publish within 2 of the answer.
 */
export const HandlingLimit = { refuse: 2, askSupplement: 5, answer: 15, publish: 2 } as const
export type HandlingStep = keyof typeof HandlingLimit

/** The instant by which `step` is due when its clock started at `from`. */
export function dueAt(cal: WorkingCalendar, from: string, step: HandlingStep): string {
  const due = addWorkingTime(cal, Date.parse(from), { unit: 'working_days', value: HandlingLimit[step] })
  if (due === null) throw new RangeError('a working-day limit always ends')
  return new Date(due).toISOString()
}

/** Hạn xử lý: when the answer is due for the petition as it stands (null once it is refused or answered). */
export function answerDueAt(cal: WorkingCalendar, p: Petition): string | null {
  if (p.refusedAt !== null || p.answeredAt !== null) return null
  return dueAt(cal, p.clockFrom, 'answer')
}
