import { useCallback } from 'react'
import { useRouter } from '../router.tsx'

/** A report period, both ends inclusive, as YYYY-MM-DD in Vietnam time. */
export type Period = { readonly from: string; readonly to: string }

export const presetIds = ['year', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2'] as const
export type PresetId = (typeof presetIds)[number] | 'custom'

const pad = (n: number) => String(n).padStart(2, '0')
const isoDay = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`
const isoPattern = /^\d{4}-\d{2}-\d{2}$/

/** Today's date in Vietnam, whatever the browser's time zone. */
function vietnamToday(now: Date): { year: number; month: number; day: number } {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
    .format(now)
    .split('-')
    .map(Number)
  return { year: year ?? 1970, month: month ?? 1, day: day ?? 1 }
}

/** The report year running now: from 15 December on, the next year's window has begun (rules.md §6). */
export function currentReportYear(now = new Date()): number {
  const today = vietnamToday(now)
  return today.month === 12 && today.day >= 15 ? today.year + 1 : today.year
}

const presetMonths: Record<Exclude<PresetId, 'custom'>, readonly [number, number]> = {
  year: [1, 12],
  q1: [1, 3],
  q2: [4, 6],
  q3: [7, 9],
  q4: [10, 12],
  h1: [1, 6],
  h2: [7, 12],
}

/** Kỳ báo cáo: from the 15th of the month before the first month to the 14th of the last (rules.md §6). */
export function presetWindow(id: Exclude<PresetId, 'custom'>, year: number): Period {
  const [first, last] = presetMonths[id]
  const from = first === 1 ? isoDay(year - 1, 12, 15) : isoDay(year, first - 1, 15)
  return { from, to: isoDay(year, last, 14) }
}

/** Which of the offered presets this period is, or custom. */
export function presetOf(period: Period, year: number, offered: readonly PresetId[]): PresetId {
  for (const id of offered) {
    if (id === 'custom') continue
    const w = presetWindow(id, year)
    if (w.from === period.from && w.to === period.to) return id
  }
  return 'custom'
}

const addDays = (d: { year: number; month: number; day: number }, n: number): string =>
  new Date(Date.UTC(d.year, d.month - 1, d.day + n)).toISOString().slice(0, 10)

/** The 365 days before today (Vietnam time), today left out: the time-reduction API's default window. */
export function pastYearWindow(now = new Date()): Period {
  const today = vietnamToday(now)
  return { from: addDays(today, -365), to: addDays(today, -1) }
}

/**
 * The period in the address bar (`?from=…&to=…`), so a view can be shared; without one, `fallback`
 * (by default this year's report window, the indicators API's default). Changing it keeps the other
 * query parameters.
 */
export function usePeriod(fallback?: () => Period): [Period, (next: Period) => void] {
  const { path, search, navigate } = useRouter()
  const from = search.get('from') ?? ''
  const to = search.get('to') ?? ''
  const period =
    isoPattern.test(from) && isoPattern.test(to)
      ? { from, to }
      : (fallback?.() ?? presetWindow('year', currentReportYear()))
  const setPeriod = useCallback(
    (next: Period) => {
      const query = new URLSearchParams(window.location.search)
      query.set('from', next.from)
      query.set('to', next.to)
      navigate(`${path}?${query}`)
    },
    [path, navigate],
  )
  return [period, setPeriod]
}

/** `from=…&to=…` for an API call or a link that keeps the period. */
export function periodQuery(period: Period, extra: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams({ from: period.from, to: period.to })
  for (const [key, value] of Object.entries(extra)) if (value) query.set(key, value)
  return query.toString()
}
