import { type DayNumber, dateOfDay, dayFromDate } from '../calendar/local-time.ts'

/**
 * Counters are kept per day and per half-month (1st–14th, 15th–end), so the standard report windows
 * (15th to 14th, rules.md §6) are whole half-months and any other window adds at most 13 days at each edge.
 */
export type DayRange = readonly [DayNumber, DayNumber]

/** A window split into whole half-months and loose days; `halves` ends null when open-ended. */
export type Cover = {
  readonly days: readonly DayRange[]
  readonly halves: readonly [DayNumber, DayNumber | null] | null
}

export function halfStart(day: DayNumber): DayNumber {
  const d = dateOfDay(day)
  return dayFromDate(d.year, d.month, d.day < 15 ? 1 : 15)
}

export function nextHalfStart(day: DayNumber): DayNumber {
  const d = dateOfDay(halfStart(day))
  if (d.day === 1) return dayFromDate(d.year, d.month, 15)
  return d.month === 12 ? dayFromDate(d.year + 1, 1, 1) : dayFromDate(d.year, d.month + 1, 1)
}

/** Splits [from, to] (inclusive; `to` null = no end) into half-months and edge days. */
export function cover(from: DayNumber, to: DayNumber | null): Cover {
  const firstFull = halfStart(from) === from ? from : nextHalfStart(from)
  const leading: DayRange[] = firstFull > from ? [[from, Math.min(firstFull - 1, to ?? Number.POSITIVE_INFINITY)]] : []
  if (to === null) return { days: leading, halves: [firstFull, null] }
  const lastFullEnd = nextHalfStart(to) === to + 1 ? to : halfStart(to) - 1
  if (firstFull > lastFullEnd) return { days: [[from, to]], halves: null }
  const trailing: DayRange[] = lastFullEnd < to ? [[lastFullEnd + 1, to]] : []
  return { days: [...leading, ...trailing], halves: [firstFull, halfStart(lastFullEnd)] }
}

/** Kỳ báo cáo: the periodic report windows. */
export type ReportPeriod =
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: 1 | 2 | 3 | 4 }
  | { readonly kind: 'half'; readonly year: number; readonly half: 1 | 2 }
  | { readonly kind: 'year'; readonly year: number }

/** A report window runs from the 15th of the month before its first month to the 14th of its last (rules.md §6). */
export function reportWindow(p: ReportPeriod): { readonly from: DayNumber; readonly to: DayNumber } {
  const months =
    p.kind === 'month'
      ? [p.month, p.month]
      : p.kind === 'quarter'
        ? [p.quarter * 3 - 2, p.quarter * 3]
        : p.kind === 'half'
          ? [p.half * 6 - 5, p.half * 6]
          : [1, 12]
  const [first, last] = months as [number, number]
  const from = first === 1 ? dayFromDate(p.year - 1, 12, 15) : dayFromDate(p.year, first - 1, 15)
  return { from, to: dayFromDate(p.year, last, 14) }
}
