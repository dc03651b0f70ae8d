import { leasePull, releasePull } from '../../store/document-axis/axis-pull-lease.ts'
import type { AxisDeps } from './axis-deps.ts'
import { handOverPending } from './hand-over.ts'
import { type TakeInOutcome, takeInMessage } from './take-in-message.ts'

export type PullRound =
  | { readonly kind: 'leased-elsewhere' }
  | { readonly kind: 'pulled'; readonly outcomes: readonly TakeInOutcome[]; readonly handedOver: number }

/**
 * Nhận văn bản từ trục, one instance at a time (a lease): documents stored but not yet handed over
 * go first, then every message the axis lists for us is taken in once, in the axis's order. A message
 * listed twice in one answer is taken once; one that fails (the axis went down) stays listed by the
 * axis and is taken in by a later round.
 */
export async function pullIncoming(
  deps: AxisDeps,
  options: { readonly holder: string; readonly leaseMs: number; readonly limit: number },
): Promise<PullRound> {
  if (!(await leasePull(deps.db, options.holder, deps.now(), options.leaseMs))) return { kind: 'leased-elsewhere' }
  try {
    const handedOver = await handOverPending(deps, options.limit)
    const seen = new Set<string>()
    const outcomes: TakeInOutcome[] = []
    for (const item of await deps.client.pending()) {
      if (seen.has(item.axisId)) continue
      seen.add(item.axisId)
      if (seen.size > options.limit) break
      outcomes.push(await takeInMessage(deps, item))
    }
    return { kind: 'pulled', outcomes, handedOver }
  } finally {
    await releasePull(deps.db, options.holder)
  }
}
