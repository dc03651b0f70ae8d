/**
 * Local time in Asia/Ho_Chi_Minh as plain numbers, whatever the server's zone. Vietnam keeps UTC+7
 * all year, so an instant (epoch milliseconds) maps to a local day number and minute by arithmetic.
 * Day numbers count days since 1970-01-01 (local).
 */
export const offsetMs = 7 * 3_600_000
export const msPerMinute = 60_000
export const minutesPerDay = 1440
const msPerDay = 86_400_000

/** Epoch milliseconds: the one representation of an instant in the calendar's hot paths. */
export type EpochMs = number
/** Days since 1970-01-01 in local (UTC+7) time. */
export type DayNumber = number

export const dayOf = (instant: EpochMs): DayNumber => Math.floor((instant + offsetMs) / msPerDay)

/** Whole minutes since local midnight (seconds are dropped: the calendar is exact to the minute). */
export const minuteOfDay = (instant: EpochMs): number =>
  Math.floor(((((instant + offsetMs) % msPerDay) + msPerDay) % msPerDay) / msPerMinute)

/** The instant of local time `minute` (may be ≥ 1440) on `day`. */
export const instantAt = (day: DayNumber, minute: number): EpochMs => day * msPerDay + minute * msPerMinute - offsetMs

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekday = (day: DayNumber): number => (((day + 4) % 7) + 7) % 7

export type CivilDate = { readonly year: number; readonly month: number; readonly day: number }

/** Proleptic Gregorian date → day number (H. Hinnant's days_from_civil). */
export function dayFromDate(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

/** Day number → proleptic Gregorian date (H. Hinnant's civil_from_days). */
export function dateOfDay(dayNumber: DayNumber): CivilDate {
  const z = dayNumber + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

export function isoDate(dayNumber: DayNumber): string {
  const d = dateOfDay(dayNumber)
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`
}

/** 'YYYY-MM-DD' → day number, or null when it is not a real calendar date. */
export function parseIsoDate(text: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const n = dayFromDate(year, month, day)
  const back = dateOfDay(n)
  return back.year === year && back.month === month && back.day === day ? n : null
}

/** An instant as ISO 8601 local time with the +07:00 offset, e.g. `2030-02-08T09:00:00+07:00`. */
export function formatInstant(instant: EpochMs): string {
  const day = dayOf(instant)
  const minute = minuteOfDay(instant)
  return `${isoDate(day)}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00+07:00`
}

/**
 * Parses an ISO 8601 instant. A time without an offset is Vietnam local time, so an operator can
 * type `2030-02-01T09:00`; a date alone is local midnight. Returns null when malformed.
 */
export function parseInstant(text: string): EpochMs | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text.trim(),
  )
  if (!m) return null
  const day = parseIsoDate(m[1] as string)
  const [hh, mm, ss] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)]
  if (day === null || hh > 23 || mm > 59 || ss > 59) return null
  const zone = m[5]
  const localMs = day * msPerDay + ((hh * 60 + mm) * 60 + ss) * 1000
  if (zone === undefined) return localMs - offsetMs
  if (zone === 'Z') return localMs
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return localMs - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * msPerMinute
}

/** 'HH:MM' → minutes since midnight. */
export function parseClock(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text)
  return m ? Number(m[1]) * 60 + Number(m[2]) : null
}

/** The calendar date in Vietnam of an instant, as YYYY-MM-DD. */
export const localDate = (instant: Date): string => isoDate(dayOf(instant.getTime()))
