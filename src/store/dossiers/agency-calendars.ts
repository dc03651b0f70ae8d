import { type WorkingCalendar, workingCalendar } from '../../domain/calendar/working-calendar.ts'
import type { WorkingDays } from '../../domain/calendar/working-days.ts'
import type { OfficeHoursSpan } from '../../domain/catalog/agency.ts'
import type { WorkingDaysSource } from '../calendar/working-days-cache.ts'
import type { Db } from '../database.ts'

/**
 * Every agency's working calendar (the province's days, the agency's office hours), loaded once and
 * rebuilt when the working days change. Synchronous lookups, as the pure domain needs. Inside an open
 * transaction pass it as `executor`: PGlite has a single connection, so a read outside it would wait forever.
 */
export type AgencyCalendars = { forAgencies(executor?: Db): Promise<(agencyId: string) => WorkingCalendar> }

export function agencyCalendars(db: Db, days: WorkingDaysSource): AgencyCalendars {
  let hours: Promise<Map<string, OfficeHoursSpan[]>> | null = null
  // Agencies sharing office hours share a calendar; each agency's is looked up once per build.
  let built: {
    days: WorkingDays
    officeHours: Map<string, OfficeHoursSpan[]>
    byHours: Map<string, WorkingCalendar>
    byAgency: Map<string, WorkingCalendar>
  } | null = null
  return {
    async forAgencies(executor = db) {
      hours ??= executor
        .selectFrom('agencies')
        .select(['id', 'office_hours'])
        .execute()
        .then((rows) => new Map(rows.map((r) => [r.id, r.office_hours])))
        .catch((error) => {
          hours = null
          throw error
        })
      const [current, officeHours] = await Promise.all([days.current(executor), hours])
      if (built?.days !== current || built.officeHours !== officeHours)
        built = { days: current, officeHours, byHours: new Map(), byAgency: new Map() }
      const cache = built
      return (agencyId: string) => {
        const known = cache.byAgency.get(agencyId)
        if (known) return known
        const spans = officeHours.get(agencyId)
        const key = spans ? JSON.stringify(spans) : 'default'
        let cal = cache.byHours.get(key)
        if (!cal) {
          cal = workingCalendar(cache.days, spans)
          cache.byHours.set(key, cal)
        }
        cache.byAgency.set(agencyId, cal)
        return cal
      }
    },
  }
}
