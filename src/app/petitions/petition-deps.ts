import type { Db } from '../../store/database.ts'
import type { AgencyCalendars } from '../../store/dossiers/agency-calendars.ts'

/** What the petition use cases need: the database, the agencies' working calendars, the clock. */
export type PetitionDeps = { readonly db: Db; readonly calendars: AgencyCalendars; readonly now: () => Date }
