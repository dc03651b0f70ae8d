import { type DayNumber, dateOfDay, dayFromDate } from '../calendar/local-time.ts'

/**
 * Counters are kept per day and per half-month (1st–14th, 15th–end), so the standard report windows
 * (15th to 14th, rules.md §6) are whole half-months. Any other window adds at each edge the loose
 * days, or — when fewer — the whole half-month minus the days outside the window.
 */
export type DayRange = readonly [DayNumber, DayNumber]

/** A window as half-months plus `days` minus `minusDays`; `halves` ends null when open-ended. */
export type Cover = {
  readonly days: readonly DayRange[]
  readonly minusDays: readonly DayRange[]
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

const range = (a: DayNumber, b: DayNumber): DayRange[] => (a <= b ? [[a, b]] : [])

/** Splits [from, to] (inclusive; `to` null = no end) into half-months and the fewest edge days. */
export function cover(from: DayNumber, to: DayNumber | null): Cover {
  const first = halfStart(from)
  const firstEnd = nextHalfStart(from) - 1
  if (to !== null && halfStart(to) === first) {
    const inside = to - from + 1
    const outside = firstEnd - first + 1 - inside
    return outside < inside
      ? { days: [], minusDays: [...range(first, from - 1), ...range(to + 1, firstEnd)], halves: [first, first] }
      : { days: [[from, to]], minusDays: [], halves: null }
  }
  const days: DayRange[] = []
  const minusDays: DayRange[] = []
  // Leading edge: [from, firstEnd] as days, or its half-month minus [first, from − 1].
  let h1 = first
  if (from > first) {
    if (from - first < firstEnd - from + 1) minusDays.push([first, from - 1])
    else {
      days.push([from, firstEnd])
      h1 = firstEnd + 1
    }
  }
  if (to === null) return { days, minusDays, halves: [h1, null] }
  // Trailing edge: [last, to] as days, or its half-month minus [to + 1, lastEnd].
  const last = halfStart(to)
  const lastEnd = nextHalfStart(to) - 1
  let h2 = last
  if (to < lastEnd) {
    if (lastEnd - to < to - last + 1) minusDays.push([to + 1, lastEnd])
    else {
      days.push([last, to])
      h2 = halfStart(last - 1)
    }
  }
  return { days, minusDays, halves: h1 <= h2 ? [h1, h2] : null }
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
