import type { PetitionCounts } from '../../domain/kpi/index-766.ts'
import { type Period, petitionIndicators } from '../../domain/petitions/indicators.ts'
import { workingDaysFromDatabase } from '../calendar/working-days-cache.ts'
import type { Db } from '../database.ts'
import { type AgencyCalendars, agencyCalendars } from '../dossiers/agency-calendars.ts'
import { followUpsBefore, petitionsOfPeriod } from '../petitions/petition-store.ts'

/** The window's petitions, counted as 5.1–5.3 for the province (no agency) or the agency holding them. */
export type PetitionsOfWindow = { counts(agencyId?: string): PetitionCounts }

// The reports take only a database; its agencies' calendars are built once per database, as the
// petition routes' are (working days re-read within a minute of a change).
const calendarsByDb = new WeakMap<Db, AgencyCalendars>()
function calendarsOf(db: Db): AgencyCalendars {
  let calendars = calendarsByDb.get(db)
  if (calendars === undefined) {
    calendars = agencyCalendars(db, workingDaysFromDatabase(db))
    calendarsByDb.set(db, calendars)
  }
  return calendars
}

export async function petitionsOfWindow(db: Db, period: Period, agencyId?: string): Promise<PetitionsOfWindow> {
  const [petitions, followUps, calendar] = await Promise.all([
    petitionsOfPeriod(db, period.from, period.to, agencyId ?? null),
    followUpsBefore(db, period.to),
    calendarsOf(db).forAgencies(),
  ])
  return {
    counts(agency) {
      const mine = agency === undefined ? petitions : petitions.filter((p) => p.agencyId === agency)
      const figures = petitionIndicators(mine, period, calendar, followUps)
      return { '5.1': figures['5.1'], '5.2': figures['5.2'], '5.3': figures['5.3'] }
    },
  }
}
