import type { EpochMs } from '../calendar/local-time.ts'
import type { WorkingCalendar } from '../calendar/working-calendar.ts'
import type { WorkflowStep } from '../catalog/procedure.ts'
import type { TimeLimit } from '../catalog/time-limit.ts'

/** What a dossier's procedure version says about time: limits, cut-off, step budgets. */
export type ProcedureTerms = {
  readonly code: string
  readonly version: number
  readonly timeLimit: TimeLimit
  readonly onlineTimeLimit: TimeLimit | null
  readonly cutoffMinute: number | null
  readonly steps: readonly WorkflowStep[]
  readonly supplementLimitDays: number | null
  /** The deciding agency for this dossier: the department, or the commune of the receiving unit. */
  readonly competentAgencyId: string
  /** The procedure's law pauses the time limit while a financial obligation is awaited. */
  readonly paymentPausesClock: boolean
}

/** Everything a decision needs from outside, passed in so the domain stays pure. */
export type DecisionContext = {
  readonly now: EpochMs
  readonly terms: ProcedureTerms
  /** The working calendar (days and office hours) of an agency. */
  readonly calendar: (agencyId: string) => WorkingCalendar
}
