import { type Counters, counterColumns, zeroCounters } from './counters.ts'

/** Counter sums for one group: everything ever, the window's flows, and the flows after the window. */
export type WindowSums = { all: Counters; window: Counters; after: Counters }

export const emptySums = (): WindowSums => ({ all: zeroCounters(), window: zeroCounters(), after: zeroCounters() })

export function addCounters(into: Counters, more: Counters): Counters {
  for (const c of counterColumns) into[c] += more[c]
  return into
}

export function addSums(a: WindowSums, b: WindowSums): WindowSums {
  return {
    all: addCounters({ ...a.all }, b.all),
    window: addCounters({ ...a.window }, b.window),
    after: addCounters({ ...a.after }, b.after),
  }
}

/**
 * Tình hình, kết quả giải quyết TTHC (form II.06a of Circular 01/2020/TT-VPCP) for one row.
 * `resolved` includes withdrawn and stopped dossiers (they end the clock, rules.md §6), so
 * carriedOver + received = resolved + inProgress.
 */
export type Ii06aFigures = {
  readonly received: number
  readonly receivedOnline: number
  readonly receivedInPersonOrPost: number
  readonly carriedOver: number
  readonly resolved: number
  readonly resolvedEarly: number
  readonly resolvedOnTime: number
  readonly resolvedLate: number
  readonly withdrawn: number
  readonly stopped: number
  readonly inProgress: number
  readonly inProgressWithinDeadline: number
  readonly inProgressOverdue: number
}

const open = (c: Counters) => c.received - c.resolved
const overdue = (c: Counters) => c.overdue_in - c.overdue_out

export function ii06aFigures(s: WindowSums): Ii06aFigures {
  const w = s.window
  const inProgress = open(s.all) - open(s.after)
  const inProgressOverdue = overdue(s.all) - overdue(s.after)
  return {
    received: w.received,
    receivedOnline: w.received_online,
    receivedInPersonOrPost: w.received - w.received_online,
    carriedOver: open(s.all) - open(s.after) - open(w),
    resolved: w.resolved,
    resolvedEarly: w.resolved_early,
    resolvedOnTime: w.resolved_on_time,
    resolvedLate: w.resolved_late,
    withdrawn: w.withdrawn,
    stopped: w.stopped,
    inProgress,
    inProgressWithinDeadline: inProgress - inProgressOverdue,
    inProgressOverdue,
  }
}
