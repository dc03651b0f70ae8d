import { dayOf, type EpochMs, isoDate } from '../calendar/local-time.ts'
import { Channel, Satisfaction } from '../dossier/status.ts'
import { type DossierFacts, factsTimeliness, overdueSince } from './facts.ts'

/**
 * The additive counters kept per agency × field × procedure × day (rules.md §6). Flows are dated by
 * the day they happen; the two stocks (open, overdue) are differences of dated flows, so any window's
 * figures come from sums and nothing has to be rewritten when a day passes.
 */
export const counterColumns = [
  // dated by reception
  'received',
  'received_online',
  'received_post',
  'online_counted',
  'fee_bearing',
  'paid_online',
  'result_document',
  'e_result',
  'digitized',
  'reused',
  // 4.4: a component taken from the applicant's vault, or the e-result kept there
  'vault_linked',
  'citizen',
  'vneid',
  // 1.4: motcua's own dossiers (the ones it syncs), and those the national portal acknowledged
  'sync_due',
  'portal_synced',
  // dated by the end
  'resolved',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'withdrawn',
  'stopped',
  'done',
  'done_minutes',
  'late_apology',
  // dated by the rating (or the end for a complaint)
  'rated',
  'satisfied',
  'unhappy',
  // dated by the day the dossier passes its deadline / stops being overdue
  'overdue_in',
  'overdue_out',
] as const
export type CounterColumn = (typeof counterColumns)[number]
export type Counters = Record<CounterColumn, number>

export const zeroCounters = (): Counters => Object.fromEntries(counterColumns.map((c) => [c, 0])) as Counters

/** One increment of one counter on one (Vietnam-time) day. */
export type Contribution = { readonly day: string; readonly column: CounterColumn; readonly delta: number }

const dayKey = (at: EpochMs) => isoDate(dayOf(at))

/** What one dossier adds to the counters, as known now. */
export function contributions(f: DossierFacts): Contribution[] {
  const out: Contribution[] = []
  const add = (at: EpochMs, column: CounterColumn, delta = 1) => out.push({ day: dayKey(at), column, delta })
  const r = f.receivedAt
  add(r, 'received')
  if (f.channel === Channel.Online) add(r, 'received_online')
  if (f.channel === Channel.Post) add(r, 'received_post')
  // 3.3: an online dossier whose result is a document counts only with an e-result attached.
  if (f.channel === Channel.Online && (!f.resultIsDocument || f.eResult)) add(r, 'online_counted')
  if (f.feeVnd > 0) add(r, 'fee_bearing')
  if (f.feeVnd > 0 && f.paidOnline) add(r, 'paid_online')
  if (f.resultIsDocument) add(r, 'result_document')
  if (f.resultIsDocument && f.eResult) add(r, 'e_result')
  if (f.digitized) add(r, 'digitized')
  if (f.reused) add(r, 'reused')
  if (f.reused || f.eResult) add(r, 'vault_linked')
  if (f.citizen) add(r, 'citizen')
  if (f.citizen && f.vneid) add(r, 'vneid')
  if (f.origin === 'motcua') add(r, 'sync_due')
  if (f.origin === 'motcua' && f.portalSynced) add(r, 'portal_synced')

  const timeliness = factsTimeliness(f)
  if (f.end !== null && timeliness !== null) {
    const e = f.end.at
    add(e, 'resolved')
    add(e, `resolved_${timeliness}`)
    if (f.end.kind === 'withdrawn') add(e, 'withdrawn')
    if (f.end.kind === 'stopped') add(e, 'stopped')
    if (f.end.kind === 'done') {
      add(e, 'done')
      if (f.workingMinutes !== null) add(e, 'done_minutes', f.workingMinutes)
    }
    if (timeliness === 'late' && f.apology) add(e, 'late_apology')
    if (f.rating !== null) add(e, 'rated')
    if (f.rating === Satisfaction.VerySatisfied || f.rating === Satisfaction.Satisfied) add(e, 'satisfied')
    if (f.rating === Satisfaction.NotSatisfied || f.complaint) add(e, 'unhappy')
  }

  const since = overdueSince(f)
  if (since !== null) {
    add(since, 'overdue_in')
    if (f.end !== null) add(f.end.at, 'overdue_out')
  }
  return out
}
