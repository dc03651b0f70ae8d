import type { DossierEvent } from '../dossier/events.ts'
import type { DossierStatus } from '../dossier/status.ts'

/** One message of the outbox, written in the command's transaction (one per event). */
export type OutboxMessage = {
  /** Increasing; a consumer de-duplicates by it. */
  readonly id: number
  /** `dossier.<event type>`, e.g. `dossier.received`. */
  readonly topic: string
  /** The dossier id: messages with one key are delivered in order. */
  readonly key: string
  readonly payload: {
    readonly dossierId: string
    readonly code: string | null
    /** The event's sequence number in the dossier's log. */
    readonly seq: number
    readonly status: DossierStatus
    readonly event: DossierEvent
  }
  readonly createdAt: Date
}
