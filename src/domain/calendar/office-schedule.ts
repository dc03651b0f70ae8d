import type { OfficeHoursSpan } from '../catalog/agency.ts'
import { minutesPerDay, parseClock } from './local-time.ts'

/**
 * Giờ làm việc: an agency's office hours on a working day, as minute tables for O(1) lookups.
 * `before[m]` = office minutes elapsed by clock minute m; `clockAfter[r]` = the earliest clock minute
 * at which r office minutes have elapsed (the end of a span, never the start of the next).
 */
export type OfficeSchedule = {
  readonly spans: readonly { readonly start: number; readonly end: number }[]
  readonly minutesPerDay: number
  readonly opening: number
  readonly closing: number
  readonly before: Int16Array
  readonly clockAfter: Int16Array
}

export function officeSchedule(hours: readonly OfficeHoursSpan[]): OfficeSchedule {
  const spans = hours
    .map((h) => ({ start: parseClock(h.start), end: parseClock(h.end) }))
    .map((s, i) => {
      if (s.start === null || s.end === null || s.end <= s.start) throw new RangeError(`bad office hours span ${i}`)
      return { start: s.start, end: s.end }
    })
    .sort((a, b) => a.start - b.start)
  spans.forEach((s, i) => {
    const prev = spans[i - 1]
    if (prev && s.start < prev.end) throw new RangeError('office hours spans overlap')
  })
  const first = spans[0]
  const last = spans[spans.length - 1]
  if (!first || !last) throw new RangeError('office hours need at least one span')
  const before = new Int16Array(minutesPerDay + 1)
  let elapsed = 0
  for (let m = 0; m <= minutesPerDay; m++) {
    before[m] = elapsed
    if (spans.some((s) => m >= s.start && m < s.end)) elapsed++
  }
  const total = before[minutesPerDay] as number
  const clockAfter = new Int16Array(total + 1)
  clockAfter[0] = first.start
  for (let m = 1; m <= minutesPerDay; m++) {
    const r = before[m] as number
    if (r > (before[m - 1] as number)) clockAfter[r] = m
  }
  return { spans, minutesPerDay: total, opening: first.start, closing: last.end, before, clockAfter }
}
