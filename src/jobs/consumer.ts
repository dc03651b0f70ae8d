import type { OutboxMessage } from '../domain/delivery/outbox-message.ts'

export type { OutboxMessage }

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
