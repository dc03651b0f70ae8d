import { dayFromDate, dayOf, instantAt, minuteOfDay } from '../src/domain/calendar/local-time.ts'
import { addWorkingTime, type WorkingCalendar, workingCalendar } from '../src/domain/calendar/working-calendar.ts'
import { buildWorkingDays } from '../src/domain/calendar/working-days.ts'
import type { TimeLimit } from '../src/domain/catalog/time-limit.ts'
import { seededRandom } from '../src/store/dossiers/seed-dossiers.ts'
import { publishedDecisions } from '../src/store/seed/published-decisions.ts'
import { naiveCalendar } from './naive-calendar.ts'
import type { BenchmarkResult } from './run.ts'

/** Calls per second of `body` over `inputs`, repeated until `seconds` have passed. */
function callsPerSecond(inputs: number, seconds: number, body: (i: number) => number): number {
  let calls = 0
  let sink = 0
  const start = performance.now()
  do {
    for (let i = 0; i < inputs; i++) sink += body(i)
    calls += inputs
  } while (performance.now() - start < seconds * 1000)
  if (sink === 0.5) console.log(sink) // keeps the results alive
  return calls / ((performance.now() - start) / 1000)
}

/** Day-by-day walk using the engine's own working-day flags: isolates what the O(1) index buys. */
function walkOverIndex(cal: WorkingCalendar, from: number, days: number): number {
  let remaining = days * cal.office.minutesPerDay
  let day = dayOf(from)
  let minute = minuteOfDay(from)
  for (;;) {
    if (cal.days.working[day - cal.days.firstDay]) {
      const left = cal.office.minutesPerDay - (cal.office.before[minute] as number)
      if (remaining <= left)
        return instantAt(day, cal.office.clockAfter[(cal.office.before[minute] as number) + remaining] as number)
      remaining -= left
    }
    day++
    minute = 0
  }
}

/**
 * `addWorkingTime` for random limits of 1–60 working days from random instants in 2020–2035, against
 * the naive day-by-day walk on the same inputs in the same run (one core, one process).
 */
export async function calendarBenchmark(): Promise<BenchmarkResult> {
  const decisions = publishedDecisions()
  const buildStart = performance.now()
  const cal = workingCalendar(buildWorkingDays(decisions))
  const buildMs = performance.now() - buildStart
  const naive = naiveCalendar(decisions)
  const random = seededRandom(42)
  const from = instantAt(dayFromDate(2020, 1, 1), 0)
  const to = instantAt(dayFromDate(2035, 12, 31), 0)
  const n = 100_000
  const starts = Float64Array.from({ length: n }, () => from + Math.floor(random() * ((to - from) / 60_000)) * 60_000)
  const limits: TimeLimit[] = Array.from({ length: n }, () => ({
    unit: 'working_days',
    value: 1 + Math.floor(random() * 60),
  }))
  const mismatches = starts.filter(
    (s, i) =>
      addWorkingTime(cal, s, limits[i] as TimeLimit) !==
      naive.addWorkingDays(s, (limits[i] as { value: number }).value),
  ).length
  const fast = callsPerSecond(n, 3, (i) => addWorkingTime(cal, starts[i] as number, limits[i] as TimeLimit) as number)
  const slow = callsPerSecond(n / 20, 3, (i) =>
    naive.addWorkingDays(starts[i] as number, (limits[i] as { value: number }).value),
  )
  const walk = callsPerSecond(n / 5, 3, (i) =>
    walkOverIndex(cal, starts[i] as number, (limits[i] as { value: number }).value),
  )
  const ratio = fast / slow
  return {
    name: 'calendar',
    markdown: [
      `\`addWorkingTime\` over ${n.toLocaleString('en')} random (start, limit) pairs: starts uniform over 2020–2035 to the minute,`,
      'limits 1–60 working days, default office hours, the published decisions 2024–2026 and the default rule elsewhere.',
      'Baseline: a naive walk day by day with `Date` objects and a set of ISO dates (bench/naive-calendar.ts), same inputs.',
      '',
      '| implementation | calls/s (one core) |',
      '|---|---|',
      `| precomputed index (src/domain/calendar) | ${Math.round(fast).toLocaleString('en')} |`,
      `| naive day-by-day walk | ${Math.round(slow).toLocaleString('en')} |`,
      `| day-by-day walk over the same precomputed day flags (no Date objects) | ${Math.round(walk).toLocaleString('en')} |`,
      '',
      `Ratio to the naive walk: ${ratio.toFixed(1)}×; to the walk over the same flags: ${(fast / walk).toFixed(1)}×. Results differing between the two on the benchmark inputs: ${mismatches}.`,
      `Building the index for 1970–2100 took ${buildMs.toFixed(1)} ms.`,
    ],
    json: { callsPerSecond: Math.round(fast), naiveCallsPerSecond: Math.round(slow), ratio: Number(ratio.toFixed(2)) },
  }
}
