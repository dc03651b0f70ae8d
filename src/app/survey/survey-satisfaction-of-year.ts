import {
  closedPeriodsWithin,
  type DayWindow,
  type SatisfactionOfYear,
  satisfactionWithin,
} from '../../domain/survey/satisfaction-of-year.ts'
import type { Db } from '../../store/database.ts'
import { answersOfPeriods, listPeriods } from '../../store/survey/survey-store.ts'

/**
 * The year's SIPAS satisfaction from the stored periods: one function for the PAR index's criterion
 * and the programme's target, so the two never disagree (rules.md "Satisfaction in the PAR index").
 */
export async function surveySatisfactionOfYear(db: Db, year: number): Promise<SatisfactionOfYear> {
  return surveySatisfactionWithin(db, { from: `${year}-01-01`, to: `${year}-12-31` })
}

/** The same over a report's window of days (the closed periods wholly inside it). */
export async function surveySatisfactionWithin(db: Db, window: DayWindow): Promise<SatisfactionOfYear> {
  const periods = await listPeriods(db)
  const answers = await answersOfPeriods(
    db,
    closedPeriodsWithin(window, periods).map((p) => p.id),
  )
  return satisfactionWithin(window, periods, answers)
}
