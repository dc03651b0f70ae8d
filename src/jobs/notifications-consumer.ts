import { type NotifyOptions, notifies, notifyApplicant } from '../app/notifications/notify-applicant.ts'
import type { Consumer } from './consumer.ts'

export { receiptFromForms } from '../app/notifications/reception-receipt.ts'

/** Applicant notifications as a consumer of the outbox: each notifying event, on the allowed channels. */
export function notificationConsumer(options: NotifyOptions): Consumer {
  return { name: 'notifications', accepts: notifies, deliver: (message) => notifyApplicant(options, message) }
}
