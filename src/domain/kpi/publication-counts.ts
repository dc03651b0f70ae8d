import { type DayNumber, parseIsoDate } from '../calendar/local-time.ts'
import { isWorkingDay, type WorkingDays } from '../calendar/working-days.ts'
import type { ProcedureVersion } from '../catalog/procedure.ts'
import type { Publication } from '../catalog/publication.ts'

/** A version with publication data, as indicators 1.1–1.3 read it. */
export type PublishedVersion = Pick<ProcedureVersion, 'name' | 'requiredDocuments' | 'statutoryTimeLimit'> & {
  readonly publication: Publication
}

/** Group 1 of the 766 formula over the versions published (decision dated) in a period. */
export type PublicationCounts = {
  /** Versions whose publication decision is dated within the period: the denominator of 1.1–1.3. */
  readonly published: number
  /** 1.1: decided at least 5 working days before the latest effective date of its legal basis. */
  readonly publishedOnTime: number
  /** 1.2: made public on the national database within 5 working days of the decision. */
  readonly madePublicOnTime: number
  /** 1.3: with every component of Decree 63/2010/NĐ-CP Art. 8(2) recorded. */
  readonly complete: number
}

/** Working days the formula allows on each side of the decision (rules.md "Decision 766 index"). */
const allowedWorkingDays = 5

function shiftWorkingDays(days: WorkingDays, from: DayNumber, n: number): DayNumber {
  const step = Math.sign(n)
  let day = from
  for (let left = Math.abs(n); left > 0; ) {
    day += step
    if (isWorkingDay(days, day)) left--
  }
  return day
}

const day = (iso: string) => parseIsoDate(iso) as DayNumber

/**
 * 1.1 Công bố đúng hạn: the decision is dated no later than 5 working days before the latest effective
 * date of the legal basis. _Product rule:_ with no effective date published it cannot be shown on time,
 * so it counts as not on time.
 */
export function publishedOnTime(p: Publication, days: WorkingDays): boolean {
  const effective = p.legalBasis.flatMap((l) => (l.effectiveFrom ? [l.effectiveFrom] : [])).sort()
  const latest = effective.at(-1)
  if (latest === undefined) return false
  return day(p.decisionDate) <= shiftWorkingDays(days, day(latest), -allowedWorkingDays)
}

/** 1.2 Công khai đúng hạn: made public on the national database within 5 working days of the decision. */
export function madePublicOnTime(p: Publication, days: WorkingDays): boolean {
  if (p.madePublicOn === null) return false
  return day(p.madePublicOn) <= shiftWorkingDays(days, day(p.decisionDate), allowedWorkingDays)
}

/**
 * 1.3 Đủ bộ phận tạo thành: the seven components the 766 formula lists for Decree 63/2010/NĐ-CP
 * Art. 8(2) (its document's record 1.3, a–g): name, sequence, method, documents ("thành phần, số lượng
 * hồ sơ"), time limit, applicants and performing agency, all recorded. The agency is always recorded in
 * the catalogue. The result, fees and forms are not among them: the formula says forms and results
 * cannot be checked.
 */
export function hasEveryComponent(v: PublishedVersion): boolean {
  const p = v.publication
  return (
    v.name.trim() !== '' &&
    p.sequence.trim() !== '' &&
    p.method.trim() !== '' &&
    v.requiredDocuments.length > 0 &&
    v.statutoryTimeLimit !== undefined &&
    v.statutoryTimeLimit !== null &&
    p.applicants.trim() !== ''
  )
}

/**
 * The counts over the versions whose decision is dated in [from, to]; null when no version carries
 * publication data at all, so the indicators stay "not recorded" rather than a zero denominator.
 */
export function publicationCounts(
  versions: readonly PublishedVersion[],
  period: { readonly from: string; readonly to: string },
  days: WorkingDays,
): PublicationCounts | null {
  if (versions.length === 0) return null
  const inPeriod = versions.filter(
    (v) => v.publication.decisionDate >= period.from && v.publication.decisionDate <= period.to,
  )
  return {
    published: inPeriod.length,
    publishedOnTime: inPeriod.filter((v) => publishedOnTime(v.publication, days)).length,
    madePublicOnTime: inPeriod.filter((v) => madePublicOnTime(v.publication, days)).length,
    complete: inPeriod.filter(hasEveryComponent).length,
  }
}
