import { StatusCode } from './edxml/status-code.ts'
import type { IncomingEvent } from './incoming.ts'

/**
 * One step of a recipient's handling of a document we sent, in the axis's status codes (01 đã đến …
 * 06 hoàn thành, edxml/status-code.ts): reported over the national axis, or read from a motcua
 * recipient's incoming register. `description` is the recipient's own words (a refusal's reason, 02).
 */
export type DeliveryStep = {
  readonly code: StatusCode
  /** When the recipient took the step (ISO 8601) */
  readonly at: string
  readonly description: string
}

/**
 * Quá trình gửi nhận văn bản: what became of an issued document at one recipient — the sender's
 * theo dõi việc chuyển phát văn bản đi (Decree 30/2020/NĐ-CP Art. 18; rules.md "Delivery trail and
 * axis directory"). A motcua recipient is read from its own register; one outside, from the
 * statuses it reported over the axis.
 */
export type Delivery =
  | {
      readonly kind: 'agency'
      readonly agencyId: string
      /** The recipient's incoming document */
      readonly documentId: string
      readonly steps: readonly DeliveryStep[]
    }
  | { readonly kind: 'external'; readonly code: string; readonly name: string; readonly steps: readonly DeliveryStep[] }

/**
 * The code each step of an incoming document stands for — the ones motcua reports to an axis sender
 * (incoming-registered.ts) and shows to a motcua sender alike: arrival 01, registration 03 (đã tiếp
 * nhận), assignment 04, an opinion 05, done or answered 06. Revocation and replacement are the
 * sender's own acts, not the recipient's steps.
 */
const codeOfIncomingEvent: Partial<Record<IncomingEvent['type'], StatusCode>> = {
  arrived: StatusCode.Arrived,
  registered: StatusCode.Accepted,
  assigned: StatusCode.Assigned,
  'opinion-added': StatusCode.Processing,
  done: StatusCode.Done,
  answered: StatusCode.Done,
}

export const statusOfIncomingEvent = (e: IncomingEvent): StatusCode | null => codeOfIncomingEvent[e.type] ?? null

/**
 * A motcua recipient's register events as steps, in trail order — codes only, as an axis sender hears
 * them (queue-status-reply.ts): the recipient's internal opinions and notes stay in its own register.
 */
export function stepsOfIncoming(events: readonly IncomingEvent[]): DeliveryStep[] {
  return trailOf(
    events.flatMap((e) => {
      const code = statusOfIncomingEvent(e)
      return code ? [{ code, at: e.at, description: '' }] : []
    }),
  )
}

/**
 * Steps in time order (ties keep their given order), a step repeating the one before it dropped: a
 * status reported twice, each opinion's 05, "done" then "answered" (both 06) show once.
 */
export function trailOf(steps: readonly DeliveryStep[]): DeliveryStep[] {
  const ordered = steps
    .map((s, i) => ({ s, i, t: Date.parse(s.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.s)
  return ordered.filter((s, i) => i === 0 || ordered[i - 1]?.code !== s.code)
}
