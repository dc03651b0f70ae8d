import { type DayNumber, dateOfDay, dayFromDate } from '../calendar/local-time.ts'
import { cover, nextHalfStart } from './periods.ts'

/** The counter grains a window is read from: calendar year, half-month, day. */
export type Grain = 'y' | 'h' | 'd'

/**
 * Counter rows of one grain whose period runs from `from` to `to` (row periods: a year's 1 January, a
 * half-month's first day, a day; `to` null = every later row).
 */
export type Piece = { readonly grain: Grain; readonly from: DayNumber; readonly to: DayNumber | null }

/** A window as the rows to add less the rows to take away. No row falls in two pieces of one side. */
export type Pieces = { readonly plus: readonly Piece[]; readonly minus: readonly Piece[] }

const none: Pieces = { plus: [], minus: [] }
const yearStart = (year: number) => dayFromDate(year, 1, 1)
const yearEnd = (year: number) => yearStart(year + 1) - 1
const yearOf = (day: DayNumber) => dateOfDay(day).year
const join = (...all: Pieces[]): Pieces => ({ plus: all.flatMap((p) => p.plus), minus: all.flatMap((p) => p.minus) })
const negate = (p: Pieces): Pieces => ({ plus: p.minus, minus: p.plus })
const years = (first: number, last: number | null): Pieces => ({
  plus: [{ grain: 'y', from: yearStart(first), to: last === null ? null : yearStart(last) }],
  minus: [],
})

/** [from, to] as half-months and edge days (periods.ts `cover`), no year rows: what monthly series read. */
export function halves(from: DayNumber, to: DayNumber): Pieces {
  if (from > to) return none
  const c = cover(from, to)
  const plus: Piece[] = c.days.map(([a, b]) => ({ grain: 'd', from: a, to: b }))
  if (c.halves) plus.push({ grain: 'h', from: c.halves[0], to: c.halves[1] })
  return { plus, minus: c.minusDays.map(([a, b]) => ({ grain: 'd', from: a, to: b })) }
}

/** Rows a piece reads per unit (agency, field, procedure) at most: its number of periods. */
function rows(p: Piece): number {
  if (p.to === null) return 1
  if (p.grain === 'd') return p.to - p.from + 1
  if (p.grain === 'y') return yearOf(p.to) - yearOf(p.from) + 1
  let n = 0
  for (let h = p.from; h <= p.to; h = nextHalfStart(h)) n++
  return n
}

const cost = (p: Pieces) => [...p.plus, ...p.minus].reduce((sum, piece) => sum + rows(piece), 0)

/** [from, to] inside one calendar year: its half-months and days, or the year less what lies outside. */
function withinYear(from: DayNumber, to: DayNumber): Pieces {
  const year = yearOf(from)
  const direct = halves(from, to)
  const viaYear = join(
    years(year, year),
    negate(halves(yearStart(year), from - 1)),
    negate(halves(to + 1, yearEnd(year))),
  )
  return cost(viaYear) < cost(direct) ? viaYear : direct
}

/**
 * Splits [from, to] (inclusive; `to` null = no end) into the fewest counter rows: whole calendar years
 * as year rows, and each edge year as its half-months and days or — when fewer — the year row less
 * the half-months and days outside the window. A programme's year (1 January to today) is one year row
 * less the few days after today, so a year costs about as much as a day, whatever history holds.
 */
export function yearCover(from: DayNumber, to: DayNumber | null): Pieces {
  const first = yearOf(from)
  if (to !== null && yearOf(to) === first) return withinYear(from, to)
  const lead = from === yearStart(first) ? none : withinYear(from, yearEnd(first))
  const firstWhole = from === yearStart(first) ? first : first + 1
  if (to === null) return join(lead, years(firstWhole, null))
  const last = yearOf(to)
  const lastWhole = to === yearEnd(last) ? last : last - 1
  const trail = to === yearEnd(last) ? none : withinYear(yearStart(last), to)
  return join(lead, firstWhole <= lastWhole ? years(firstWhole, lastWhole) : none, trail)
}
