import { type DayNumber, isoDate, parseIsoDate } from '../calendar/local-time.ts'
import { AgencyKind } from './agency.ts'
import type { SyncedProcedure } from './national-procedure.ts'
import type { ProcedureVersion } from './procedure.ts'
import { limitInWorkingHours, type TimeLimit, TimeLimitUnit } from './time-limit.ts'

/** The day before `date` (YYYY-MM-DD): the last day of a version another takes over from. */
export function dayBefore(date: string): string {
  const day = parseIsoDate(date) as DayNumber | null
  if (day === null) throw new RangeError(`not a date: ${date}`)
  return isoDate(day - 1)
}

/** The default first day of an approved change set: the day after the approval (local date). */
export function dayAfter(date: string): string {
  const day = parseIsoDate(date) as DayNumber | null
  if (day === null) throw new RangeError(`not a date: ${date}`)
  return isoDate(day + 1)
}

const sourceOf = (p: SyncedProcedure, illustrative: readonly string[]) => ({
  url: p.sourceUrl,
  title: `Cơ sở dữ liệu quốc gia về thủ tục hành chính, bản ghi ${p.code}; quyết định công bố: ${p.publication.decisionNumber}`,
  illustrative: [...illustrative],
})

/** The national record a statutory limit was read from (rules.md "Statutory and local time limits"). */
export function statutorySourceOf(p: SyncedProcedure): string | null {
  if (p.statutoryTimeLimit === null) return null
  const page = p.sourceUrl ? ` (${p.sourceUrl})` : ''
  const { decisionNumber, decisionDate } = p.publication
  const date = decisionDate.split('-').reverse().join('/')
  return `Cơ sở dữ liệu quốc gia về thủ tục hành chính, bản ghi ${p.code}${page}; quyết định công bố ${decisionNumber} ngày ${date}`
}

/** The national-owned parts of a version as the national database gives them. */
function nationalParts(p: SyncedProcedure) {
  return {
    name: p.name,
    level: p.level,
    fieldId: p.fieldId,
    legalBasis: p.legalBasis,
    statutoryTimeLimit: p.statutoryTimeLimit,
    statutorySource: statutorySourceOf(p),
    fees: p.fees,
    requiredDocuments: p.requiredDocuments,
    publication: p.publication,
  }
}

const hours = (limit: TimeLimit | null | undefined) => (limit ? limitInWorkingHours(limit) : null)

export const review = {
  limitAboveStatute:
    'timeLimit: thời hạn của tỉnh dài hơn thời hạn luật định mới / the local limit exceeds the new statutory limit',
  competentAgency:
    'competentAgency: cơ quan thực hiện mặc định theo cấp, cần giao đơn vị / defaulted by level, assign the units',
  steps: 'steps: một bước xử lý mặc định, cần quy trình nội bộ / a single default step, set the internal process',
  onlineLevel: 'onlineLevel: mặc định không trực tuyến / defaulted to not online',
  result:
    'resultKind, resultName: mặc định là văn bản mang tên thủ tục / defaulted to a document named after the procedure',
} as const

/**
 * The version that takes over from `previous` on `from`: the national parts replaced, every local
 * setting (units, steps, the reduced limit and its decision, online level, cut-off, form) kept.
 */
export function changedVersion(previous: ProcedureVersion, synced: SyncedProcedure, from: string): ProcedureVersion {
  const statute = hours(synced.statutoryTimeLimit)
  const local = hours(previous.timeLimit)
  const aboveStatute = statute !== null && local !== null && local > statute
  const { form: _form, ...kept } = previous
  return {
    ...kept,
    ...nationalParts(synced),
    version: previous.version + 1,
    effectiveFrom: from,
    effectiveTo: null,
    localReview: [
      ...(previous.localReview ?? []).filter((r) => r !== review.limitAboveStatute),
      ...(aboveStatute ? [review.limitAboveStatute] : []),
    ],
    source: sourceOf(synced, previous.source.illustrative),
  }
}

const competentKind = {
  commune: AgencyKind.CommuneCommittee,
  province: AgencyKind.Department,
  central: AgencyKind.CentralBranch,
} as const

/**
 * Version 1 of a procedure new to the catalogue. Its local settings do not come from the national
 * database, so they are defaulted so that the engine can run it (the statutory limit, the competent
 * agency by level, one step with the whole limit, not online) and each is flagged for review.
 */
export function newProcedureVersion(synced: SyncedProcedure, from: string): ProcedureVersion {
  const limit: TimeLimit = synced.statutoryTimeLimit ?? { unit: TimeLimitUnit.None }
  const online = synced.publication.channelLimits.online
  const kind = competentKind[synced.level]
  const flags = [review.competentAgency, review.steps, review.onlineLevel, review.result]
  return {
    ...nationalParts(synced),
    version: 1,
    effectiveFrom: from,
    effectiveTo: null,
    competentAgencyKind: kind,
    competentAgencyId: null,
    timeLimit: limit,
    onlineTimeLimit: online && !sameLimit(online, limit) ? online : null,
    reducedBy: null,
    reductionIllustrative: false,
    cutoffTime: null,
    onlineLevel: 'none',
    fullOnlineEligible: false,
    resultKind: 'document',
    resultName: synced.name,
    supplementLimitDays: null,
    anyLocation: false,
    paymentPausesClock: false,
    interAgency: false,
    steps: [
      {
        name: 'Thẩm định, giải quyết',
        role: 'specialist',
        agencyKind: kind,
        agencyId: null,
        budgetHours: limitInWorkingHours(limit) ?? 8,
      },
    ],
    localReview: flags,
    source: sourceOf(synced, flags),
  }
}

const sameLimit = (a: TimeLimit, b: TimeLimit) => JSON.stringify(a) === JSON.stringify(b)
