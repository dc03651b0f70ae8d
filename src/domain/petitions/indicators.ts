import type { WorkingCalendar } from '../calendar/working-calendar.ts'
import { dueAt } from './handling-limits.ts'
import type { Petition } from './petition.ts'

/** A share in percent, or null (n/a) when nothing is counted. */
export type Share = { readonly numerator: number; readonly denominator: number; readonly percent: number | null }

const share = (numerator: number, denominator: number): Share => ({
  numerator,
  denominator,
  percent: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 100,
})

export type Period = { readonly from: Date; readonly to: Date }
const within = (at: string | null, period: Period) =>
  at !== null && Date.parse(at) >= period.from.getTime() && Date.parse(at) < period.to.getTime()

/** 5.1: petitions received in the period that carry a category (Decree 20/2008 Art. 5). */
export function classifiedShare(petitions: readonly Petition[], period: Period): Share {
  const received = petitions.filter((p) => within(p.receivedAt, period))
  return share(received.filter((p) => p.category !== null).length, received.length)
}

const byDue = (cal: WorkingCalendar, from: string, step: Parameters<typeof dueAt>[2], done: string) =>
  Date.parse(done) <= Date.parse(dueAt(cal, from, step))

/**
 * Whether each handling step the petition went through met its limit (handling-limits.ts): the
 * refusal, the supplement request, the answer and the publication.
 */
export function handledOnTime(cal: WorkingCalendar, p: Petition): boolean {
  if (p.refusedAt !== null) return byDue(cal, p.receivedAt, 'refuse', p.refusedAt)
  if (p.supplementRequestedAt !== null && !byDue(cal, p.receivedAt, 'askSupplement', p.supplementRequestedAt))
    return false
  if (p.answeredAt === null || !byDue(cal, p.clockFrom, 'answer', p.answeredAt)) return false
  return p.publishedAt === null || byDue(cal, p.answeredAt, 'publish', p.publishedAt)
}

const finishedAt = (p: Petition) => p.refusedAt ?? p.answeredAt

/** 5.2: petitions finished (refused or answered) in the period that met every limit. */
export function onTimeShare(
  petitions: readonly Petition[],
  period: Period,
  calendar: (agencyId: string) => WorkingCalendar,
): Share {
  const finished = petitions.filter((p) => within(finishedAt(p), period))
  return share(finished.filter((p) => handledOnTime(calendar(p.agencyId), p)).length, finished.length)
}

/** 5.3: answered petitions in the period, less those the petitioner was not satisfied with or answered late. */
export function satisfactionShare(
  petitions: readonly Petition[],
  period: Period,
  calendar: (agencyId: string) => WorkingCalendar,
): Share {
  const answered = petitions.filter((p) => within(p.answeredAt, period))
  const unhappy = answered.filter((p) => p.satisfied === false || !handledOnTime(calendar(p.agencyId), p))
  return share(answered.length - unhappy.length, answered.length)
}

/** The group-5 petition figures of Decision 766 for a period. */
export function petitionIndicators(
  petitions: readonly Petition[],
  period: Period,
  calendar: (agencyId: string) => WorkingCalendar,
) {
  return {
    '5.1': classifiedShare(petitions, period),
    '5.2': onTimeShare(petitions, period, calendar),
    '5.3': satisfactionShare(petitions, period, calendar),
  }
}
