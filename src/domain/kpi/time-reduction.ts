import { hoursPerWorkingDay, limitInWorkingHours, type TimeLimit } from '../catalog/time-limit.ts'
import type { StepTime } from './facts.ts'
import { round2 } from './ratio.ts'

/** Office minutes in one working day (8 hours, rules.md §4). */
export const minutesPerWorkingDay = hoursPerWorkingDay * 60

const days = (minutes: number) => round2(minutes / minutesPerWorkingDay)

/**
 * Phân bố thời gian giải quyết: how long the done dossiers actually took, in working days.
 * The median is the middle value (the mean of the two middle values for an even count); the 90th
 * percentile uses the nearest-rank method: the value at rank ⌈0.9 × n⌉ of the sorted times, so it is
 * always a time some dossier actually took. Days are rounded to 2 decimals.
 */
export type TimeDistribution = {
  readonly count: number
  readonly meanDays: number | null
  readonly medianDays: number | null
  readonly p90Days: number | null
}

/** Nearest-rank percentile of ascending `sorted`: the value at rank ⌈p × n⌉ (1-based). */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  const rank = Math.max(1, Math.ceil(p * sorted.length))
  return sorted[rank - 1] ?? null
}

export function median(sorted: readonly number[]): number | null {
  const n = sorted.length
  if (n === 0) return null
  const upper = sorted[Math.floor(n / 2)] as number
  return n % 2 === 1 ? upper : ((sorted[n / 2 - 1] as number) + upper) / 2
}

export function distribution(minutes: readonly number[]): TimeDistribution {
  const sorted = [...minutes].sort((a, b) => a - b)
  const n = sorted.length
  const inDays = (m: number | null) => (m === null ? null : days(m))
  return {
    count: n,
    meanDays: n === 0 ? null : days(sorted.reduce((a, b) => a + b, 0) / n),
    medianDays: inDays(median(sorted)),
    p90Days: inDays(nearestRank(sorted, 0.9)),
  }
}

/** Dossiers done within working day `day`: more than `day − 1` and at most `day` working days (0 counts as day 1). */
export type HistogramBar = { readonly day: number; readonly count: number }

/** One bar per working day from day 1 to the slowest dossier's day, empty days included. */
export function histogram(minutes: readonly number[]): HistogramBar[] {
  const dayOf = (m: number) => Math.max(1, Math.ceil(m / minutesPerWorkingDay))
  const last = minutes.reduce((max, m) => Math.max(max, dayOf(m)), 0)
  const bars = Array.from({ length: last }, (_, i) => ({ day: i + 1, count: 0 }))
  for (const m of minutes) (bars[dayOf(m) - 1] as { count: number }).count++
  return bars
}

/** Share (0–1, 2 decimals) of the dossiers done within `limitDays` working days; null without dossiers. */
export function shareWithin(minutes: readonly number[], limitDays: number): number | null {
  if (minutes.length === 0) return null
  const limit = limitDays * minutesPerWorkingDay
  return round2(minutes.filter((m) => m <= limit).length / minutes.length)
}

/**
 * Bước chậm nhất: the workflow step whose time most exceeds its budget on average, as the mean of
 * (minutes − budget) / budget over the dossiers that went through it. Steps without a budget are left out.
 */
export type LongestStep = {
  readonly name: string
  readonly dossiers: number
  readonly meanMinutes: number
  readonly meanBudgetMinutes: number
  /** Mean relative overrun, 2 decimals: 0.5 = half again the budget; negative = within it. */
  readonly meanOverrun: number
}

export function longestStep(stepsOfDossiers: readonly (readonly StepTime[])[]): LongestStep | null {
  const byName = new Map<string, { n: number; minutes: number; budget: number; overrun: number }>()
  for (const steps of stepsOfDossiers)
    for (const s of steps) {
      if (s.budgetMinutes <= 0) continue
      const acc = byName.get(s.name) ?? { n: 0, minutes: 0, budget: 0, overrun: 0 }
      acc.n++
      acc.minutes += s.minutes
      acc.budget += s.budgetMinutes
      acc.overrun += (s.minutes - s.budgetMinutes) / s.budgetMinutes
      byName.set(s.name, acc)
    }
  let best: [string, { n: number; minutes: number; budget: number; overrun: number }] | null = null
  for (const entry of byName)
    if (best === null || entry[1].overrun / entry[1].n > best[1].overrun / best[1].n) best = entry
  if (best === null) return null
  const [name, a] = best
  return {
    name,
    dossiers: a.n,
    meanMinutes: round2(a.minutes / a.n),
    meanBudgetMinutes: round2(a.budget / a.n),
    meanOverrun: round2(a.overrun / a.n),
  }
}

/** A limit in working days for the comparison; null when the procedure has no fixed limit. */
export function limitInWorkingDays(limit: TimeLimit | null): number | null {
  if (limit === null) return null
  const hours = limitInWorkingHours(limit)
  return hours === null ? null : hours / hoursPerWorkingDay
}

/**
 * Limits worth trying: a third, a half and two thirds of the configured limit (rounded, at least one
 * working day), the configured limit itself, and the asked `cutTo`; ascending, without repeats.
 */
export function candidateLimits(configuredDays: number | null, cutTo?: number): number[] {
  const limits = new Set<number>()
  if (configuredDays !== null) {
    for (const f of [1 / 3, 1 / 2, 2 / 3]) limits.add(Math.max(1, Math.round(configuredDays * f)))
    limits.add(configuredDays)
  }
  if (cutTo !== undefined) limits.add(cutTo)
  return [...limits].sort((a, b) => a - b)
}

/** Nếu rút ngắn thời hạn: the share of the dossiers that would have met each candidate limit. */
export type WhatIf = { readonly limitDays: number; readonly share: number | null }

export const whatIf = (minutes: readonly number[], limits: readonly number[]): WhatIf[] =>
  limits.map((limitDays) => ({ limitDays, share: shareWithin(minutes, limitDays) }))
