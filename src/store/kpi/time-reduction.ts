import { instantAt, parseIsoDate } from '../../domain/calendar/local-time.ts'
import type { ReducedBy } from '../../domain/catalog/publication.ts'
import type { TimeLimit } from '../../domain/catalog/time-limit.ts'
import type { StepTime } from '../../domain/kpi/facts.ts'
import {
  candidateLimits,
  distribution,
  type HistogramBar,
  histogram,
  type LongestStep,
  limitInWorkingDays,
  longestStep,
  shareWithin,
  type TimeDistribution,
  type WhatIf,
  whatIf,
} from '../../domain/kpi/time-reduction.ts'
import type { Db } from '../database.ts'

/** Dossiers done between the start of `from` and the end of `to` (Vietnam time, 'YYYY-MM-DD'). */
export type DoneWindow = { readonly from: string; readonly to: string }

type Limits = {
  readonly name: string
  readonly configuredLimit: TimeLimit
  readonly statutoryLimit: TimeLimit | null
  readonly configuredLimitDays: number | null
  readonly statutoryLimitDays: number | null
  /** Where the statutory limit comes from (national record or law); null = none recorded. */
  readonly statutorySource: string | null
  /** The provincial decision that cut the configured limit below the statute; null = none recorded. */
  readonly reducedBy: ReducedBy | null
  /** The cut is an illustration in demo data, not a provincial decision. */
  readonly reductionIllustrative: boolean
}

/** Phân tích rút ngắn thời gian giải quyết of one procedure (issue item 4). */
export type TimeReduction = Limits &
  TimeDistribution & {
    readonly procedure: string
    readonly agencyId: string | null
    readonly window: DoneWindow
    readonly histogram: readonly HistogramBar[]
    readonly longestStep: LongestStep | null
    readonly whatIf: readonly WhatIf[]
  }

function instants(w: DoneWindow): { start: Date; end: Date } {
  const from = parseIsoDate(w.from)
  const to = parseIsoDate(w.to)
  if (from === null || to === null || from > to) throw new RangeError(`bad window ${w.from}..${w.to}`)
  return { start: new Date(instantAt(from, 0)), end: new Date(instantAt(to + 1, 0)) }
}

/** Each procedure's name and limits in the version in force on `day` (else its latest version). */
async function limitsOf(db: Db, codes: readonly string[], day: string): Promise<Map<string, Limits>> {
  if (codes.length === 0) return new Map()
  const rows = await db
    .selectFrom('procedure_versions')
    .select([
      'procedure_code',
      'name',
      'time_limit',
      'statutory_time_limit',
      'statutory_source',
      'reduced_by',
      'reduction_illustrative',
      'effective_from',
      'effective_to',
    ])
    .where('procedure_code', 'in', codes)
    .orderBy('version', 'desc')
    .execute()
  const isoOf = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d))
  const inForce = (r: (typeof rows)[number]) =>
    isoOf(r.effective_from) <= day && (r.effective_to === null || isoOf(r.effective_to) >= day)
  const limits = new Map<string, Limits>()
  for (const r of [...rows.filter(inForce), ...rows]) {
    if (limits.has(r.procedure_code)) continue
    limits.set(r.procedure_code, {
      name: r.name,
      configuredLimit: r.time_limit,
      statutoryLimit: r.statutory_time_limit,
      configuredLimitDays: limitInWorkingDays(r.time_limit),
      statutoryLimitDays: limitInWorkingDays(r.statutory_time_limit),
      statutorySource: r.statutory_source,
      reducedBy: r.reduced_by,
      reductionIllustrative: r.reduction_illustrative,
    })
  }
  return limits
}

function doneIn(db: Db, w: DoneWindow) {
  const { start, end } = instants(w)
  return db
    .selectFrom('kpi_dossiers')
    .where('end_kind', '=', 'done')
    .where('ended_at', '>=', start)
    .where('ended_at', '<', end)
    .where('working_minutes', 'is not', null)
}

/** The analysis of one procedure, or null when the catalogue has no such procedure. */
export async function timeReduction(
  db: Db,
  q: DoneWindow & { procedureCode: string; agencyId?: string; cutTo?: number },
): Promise<TimeReduction | null> {
  const limits = (await limitsOf(db, [q.procedureCode], q.to)).get(q.procedureCode)
  if (limits === undefined) return null
  let rows = doneIn(db, q).select(['working_minutes', 'steps']).where('procedure_code', '=', q.procedureCode)
  if (q.agencyId !== undefined) rows = rows.where('agency_id', '=', q.agencyId)
  const done = await rows.execute()
  const minutes = done.map((r) => r.working_minutes as number)
  return {
    procedure: q.procedureCode,
    agencyId: q.agencyId ?? null,
    window: { from: q.from, to: q.to },
    ...limits,
    ...distribution(minutes),
    histogram: histogram(minutes),
    longestStep: longestStep(done.map((r) => r.steps as StepTime[])),
    whatIf: whatIf(minutes, candidateLimits(limits.configuredLimitDays, q.cutTo)),
  }
}

/** A procedure that many dossiers use, with how its actual times compare with its configured limit. */
export type CutCandidate = Limits &
  TimeDistribution & {
    readonly procedure: string
    /** Share of the dossiers done within the configured limit; null without a fixed limit. */
    readonly shareWithinConfigured: number | null
    /** The 90th percentile rounded up to whole working days, when that is below the configured limit. */
    readonly suggestedLimitDays: number | null
  }

/** Thủ tục có thể rút ngắn: the province's busiest procedures (by done dossiers), busiest first. */
export async function cutCandidates(db: Db, q: DoneWindow & { limit: number }): Promise<CutCandidate[]> {
  const busiest = await doneIn(db, q)
    .select((eb) => ['procedure_code', eb.fn.countAll<string>().as('n')])
    .groupBy('procedure_code')
    .orderBy('n', 'desc')
    .orderBy('procedure_code')
    .limit(q.limit)
    .execute()
  const codes = busiest.map((b) => b.procedure_code)
  if (codes.length === 0) return []
  const [done, limits] = await Promise.all([
    doneIn(db, q).select(['procedure_code', 'working_minutes']).where('procedure_code', 'in', codes).execute(),
    limitsOf(db, codes, q.to),
  ])
  const minutesOf = new Map<string, number[]>()
  for (const r of done)
    minutesOf.set(r.procedure_code, [...(minutesOf.get(r.procedure_code) ?? []), r.working_minutes as number])
  return codes.map((code) => {
    const minutes = minutesOf.get(code) ?? []
    const l = limits.get(code) ?? {
      name: code,
      configuredLimit: { unit: 'none' },
      statutoryLimit: null,
      configuredLimitDays: null,
      statutoryLimitDays: null,
      statutorySource: null,
      reducedBy: null,
      reductionIllustrative: false,
    }
    const d = distribution(minutes)
    const suggested = d.p90Days === null ? null : Math.max(1, Math.ceil(d.p90Days))
    return {
      procedure: code,
      ...l,
      ...d,
      shareWithinConfigured: l.configuredLimitDays === null ? null : shareWithin(minutes, l.configuredLimitDays),
      suggestedLimitDays:
        suggested !== null && l.configuredLimitDays !== null && suggested < l.configuredLimitDays ? suggested : null,
    }
  })
}
