import type { DossierEvent } from '../domain/dossier/events.ts'
import type { DossierStatus } from '../domain/dossier/status.ts'

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

/**
 * Someone the outbox relay delivers to: the national portal, e-mail/SMS notifications, an
 * integration client's webhook. `deliver` resolves when the partner has acknowledged the message
 * and throws (any error) when it must be retried later; it may be called again with a message it
 * already acknowledged (at-least-once delivery) and must then do nothing new.
 */
export type Consumer = {
  readonly name: string
  accepts(message: OutboxMessage): boolean
  deliver(message: OutboxMessage): Promise<void>
}

export { PermanentFailure } from '../domain/delivery/permanent-failure.ts'
