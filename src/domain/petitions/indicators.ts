import type { WorkingCalendar } from '../calendar/working-calendar.ts'
import { dueAt } from './handling-limits.ts'
import { type Petition, PetitionStatus } from './petition.ts'

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

const byDue = (cal: WorkingCalendar, from: string, step: Parameters<typeof dueAt>[2], done: string | number) =>
  (typeof done === 'number' ? done : Date.parse(done)) <= Date.parse(dueAt(cal, from, step))

/** An instant when it happened before `end`, else null: the petition as it stood at the period's end. */
const by = (at: string | null, end: number) => (at !== null && Date.parse(at) < end ? at : null)

/**
 * Whether the petition met every limit it met by `end` (handling-limits.ts; the 766 formula, 5.2):
 * a refusal within 2 working days, a supplement asked within 5, the answer within 15 and its
 * publication within 2; one still open at `end` is on time while its answer is not yet due, and one
 * waiting for the petitioner's supplement is not held against the agency.
 */
export function handledOnTime(cal: WorkingCalendar, p: Petition, end: Date = new Date(8.64e15)): boolean {
  const until = end.getTime()
  const refusedAt = by(p.refusedAt, until)
  if (refusedAt !== null) return byDue(cal, p.receivedAt, 'refuse', refusedAt)
  const askedAt = by(p.supplementRequestedAt, until)
  if (askedAt !== null && !byDue(cal, p.receivedAt, 'askSupplement', askedAt)) return false
  if (p.status === PetitionStatus.SupplementRequested) return true
  const answeredAt = by(p.answeredAt, until)
  if (answeredAt === null) return byDue(cal, p.clockFrom, 'answer', until)
  if (!byDue(cal, p.clockFrom, 'answer', answeredAt)) return false
  const publishedAt = by(p.publishedAt, until)
  return publishedAt === null || byDue(cal, answeredAt, 'publish', publishedAt)
}

const finishedAt = (p: Petition) => p.refusedAt ?? p.answeredAt

/**
 * 5.2: of the petitions received, handled or being handled in the period (received before its end,
 * not finished before its start), those handled on time as they stood at its end.
 */
export function onTimeShare(
  petitions: readonly Petition[],
  period: Period,
  calendar: (agencyId: string) => WorkingCalendar,
): Share {
  const counted = petitions.filter((p) => {
    const finished = finishedAt(p)
    return (
      Date.parse(p.receivedAt) < period.to.getTime() &&
      (finished === null || Date.parse(finished) >= period.from.getTime())
    )
  })
  return share(counted.filter((p) => handledOnTime(calendar(p.agencyId), p, period.to)).length, counted.length)
}

/** A later petition naming the earlier one it follows up (Petition.followsUp), and when it came. */
export type FollowUp = { readonly followsUp: string; readonly receivedAt: string }

/**
 * 5.3 (METRICS row 23 of the 766 formula; its document's record 5.3): (petitions first received in the
 * period − those rated "not satisfied", handled late as in 5.2, or followed up about their answer by a
 * petition received before the period's end) ÷ petitions first received in the period. The follow-up
 * is the formula's "tiếp tục có phản ánh, kiến nghị về kết quả giải quyết": it counts against the
 * earlier petition, whose answer did not settle the matter; the follow-up itself is one more petition
 * of its own period. Each petition counts once, whatever the number of its follow-ups. `followUps`
 * are every agency's: a repeat may be sent to another agency than the one that answered.
 */
export function satisfactionShare(
  petitions: readonly Petition[],
  period: Period,
  calendar: (agencyId: string) => WorkingCalendar,
  followUps: readonly FollowUp[],
): Share {
  const followedUp = new Set(
    followUps.filter((f) => Date.parse(f.receivedAt) < period.to.getTime()).map((f) => f.followsUp),
  )
  const received = petitions.filter((p) => within(p.receivedAt, period))
  const unhappy = received.filter(
    (p) => p.satisfied === false || followedUp.has(p.code) || !handledOnTime(calendar(p.agencyId), p, period.to),
  )
  return share(received.length - unhappy.length, received.length)
}

/** The group-5 petition figures of Decision 766 for a period. */
export function petitionIndicators(
  petitions: readonly Petition[],
  period: Period,
  calendar: (agencyId: string) => WorkingCalendar,
  followUps: readonly FollowUp[],
) {
  return {
    '5.1': classifiedShare(petitions, period),
    '5.2': onTimeShare(petitions, period, calendar),
    '5.3': satisfactionShare(petitions, period, calendar, followUps),
  }
}
