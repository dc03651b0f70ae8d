/** The indicator API's responses (src/http/schemas/indicator-views.ts), as the web app reads them. */

/** Rounded to 2 decimals (0.97 = 97%); "n/a" when nothing arose to measure. */
export type Ratio = number | 'n/a'

export type MeasuredWindow = { from: string; to: string; measuredTo: string }

/** Form II.06a figures; `resolved` includes withdrawn and stopped dossiers. */
export type Figures = {
  received: number
  receivedOnline: number
  receivedInPersonOrPost: number
  carriedOver: number
  resolved: number
  resolvedEarly: number
  resolvedOnTime: number
  resolvedLate: number
  withdrawn: number
  stopped: number
  inProgress: number
  inProgressWithinDeadline: number
  inProgressOverdue: number
}

export const indicatorGroups = ['transparency', 'progress', 'online', 'digitization', 'satisfaction'] as const
export type IndicatorGroup = (typeof indicatorGroups)[number]
export type Points = { points: number; max: number }

/** Decision 766 service index, out of 100. */
export type Index766 = {
  total: number
  groups: Record<IndicatorGroup, Points>
  indicators: Record<string, { ratio: Ratio; points: number; max: number }>
  averageWorkingDays: number | 'n/a'
}

export type Summary = { figures: Figures; onTimeRate: Ratio; onlineRate: Ratio; index766: Index766 }

export type Measure = {
  measure: string
  value: Ratio
  target: { comparator: 'below' | 'at_least'; value: number; effectiveFrom: string; source: string } | null
  met: boolean | null
}

export type TrendPoint = {
  month: string
  received: number
  receivedOnline: number
  resolved: number
  resolvedLate: number
  onTimeResolvedRate: Ratio
}

export type Overview = Summary & {
  window: MeasuredWindow
  /** The agency asked for, or null for the whole province. */
  agency?: { id: string; name: string } | null
  programme: Measure[]
  trend: TrendPoint[]
}

export type Statistics = Overview & {
  byField: { field: string; fieldName: string; figures: Figures; onTimeRate: Ratio }[]
}

export type Level = 'province' | 'commune'

export type Ranking = {
  window: MeasuredWindow
  rows: (Summary & { rank: number; agencyId: string; agencyName: string; level: Level })[]
}

export type Breakdown = {
  window: MeasuredWindow
  by: 'field' | 'procedure'
  rows: (Summary & { key: string; name: string })[]
}

export type Ii06aReport = {
  window: MeasuredWindow
  agencyId: string | null
  rows: { level: Level; fieldId: string; fieldName: string; figures: Figures }[]
  levelTotals: { level: Level; figures: Figures }[]
  total: Figures
}

/** Which dossiers of a window a drill-down lists (the same definitions as the figures). */
export const dossierSets = ['received', 'resolved', 'late', 'in_progress', 'overdue'] as const
export type DossierSet = (typeof dossierSets)[number]

export type Timeliness = 'early' | 'on_time' | 'late'

/** The dossiers behind a figure: codes and dates, no applicant data. */
export type IndicatorDossiers = {
  total: number
  dossiers: {
    code: string
    origin: string
    status: number
    procedureCode: string
    fieldId: string
    channel: number
    receivedAt: string
    deadlineAt: string | null
    endedAt: string | null
    endKind: string | null
    supplementRequests: number
    timeliness: Timeliness | null
  }[]
}

export type TimeLimit = { unit: string; value?: number }

/** A procedure's limits; the statutory one only when the province has cut the configured one. */
export type ProcedureLimits = {
  name: string
  configuredLimit: TimeLimit
  statutoryLimit: TimeLimit | null
  configuredLimitDays: number | null
  statutoryLimitDays: number | null
}

/** Actual processing times of the dossiers done in the window, in working days (480 office minutes). */
export type TimeDistribution = {
  count: number
  meanDays: number | null
  medianDays: number | null
  p90Days: number | null
}

export type CutCandidates = {
  window: { from: string; to: string }
  rows: (ProcedureLimits &
    TimeDistribution & {
      procedure: string
      shareWithinConfigured: number | null
      suggestedLimitDays: number | null
    })[]
}

export type TimeReduction = ProcedureLimits &
  TimeDistribution & {
    procedure: string
    agencyId: string | null
    window: { from: string; to: string }
    histogram: { day: number; count: number }[]
    longestStep: {
      name: string
      dossiers: number
      meanMinutes: number
      meanBudgetMinutes: number
      meanOverrun: number
    } | null
    whatIf: { limitDays: number; share: number | null }[]
  }
