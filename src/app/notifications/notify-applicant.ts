import type { MailAttachment, Mailer } from '../../adapters/mail/smtp-mailer.ts'
import type { SmsSender } from '../../adapters/sms/sms-gateway.ts'
import type { OutboxMessage } from '../../domain/delivery/outbox-message.ts'
import { PermanentFailure } from '../../domain/delivery/permanent-failure.ts'
import { type Dossier, foldEvents } from '../../domain/dossier/state.ts'
import { type ChannelPlan, channelPlan, NotificationChannel } from '../../domain/notifications/channels.ts'
import {
  type Notification,
  NotificationKind,
  notificationFor,
  notifyingEvents,
} from '../../domain/notifications/templates.ts'
import type { Db } from '../../store/database.ts'
import { loadEvents } from '../../store/dossiers/dossier-queries.ts'
import { procedureNameOf, recordNotification, sentChannels } from '../../store/notifications/notification-records.ts'
import { getPreferences } from '../../store/notifications/preferences.ts'
import { vaultOwnerOf } from '../../store/vault/vault-items.ts'

export type NotifyOptions = {
  readonly db: Db
  readonly mailer: Mailer
  readonly sms: SmsSender
  /** Public site the notices link to (tracking page, the applicant's dossier page). */
  readonly publicBaseUrl: string
  /** Form 01 of the dossier as a PDF, attached to the reception e-mail; null when it cannot be built. */
  readonly renderReceipt: (dossierId: string, dossier: Dossier) => Promise<MailAttachment | null>
  readonly now?: () => Date
}

/**
 * Whether a message is about an event the applicant is told of: a `dossier.*` message only, judged by
 * its topic before its payload is read (other modules' messages carry no dossier event).
 */
export const notifies = (message: OutboxMessage) => {
  if (!message.topic.startsWith('dossier.')) return false
  const type = message.topic.slice('dossier.'.length)
  return message.payload.event?.type === type && notifyingEvents.has(message.payload.event.type)
}

type Status = 'sent' | 'failed' | 'skipped'

/**
 * Thông báo cho người nộp (rules.md §8): e-mail and SMS to the applicant for a notifying event, on
 * the channels their preferences allow. Each (message, channel) is recorded; a channel already
 * `sent` is never sent again, so redelivery is harmless. A failed channel is recorded and thrown
 * (transient: retried by the relay; all permanent: PermanentFailure).
 */
export async function notifyApplicant(options: NotifyOptions, message: OutboxMessage): Promise<void> {
  const { db } = options
  const now = options.now ?? (() => new Date())
  const record = (plan: ChannelPlan, kind: string, status: Status, detail: string) =>
    recordNotification(db, {
      messageId: message.id,
      dossierId: message.payload.dossierId,
      channel: plan.channel,
      recipient: plan.recipient,
      kind,
      status,
      detail,
      at: now(),
    })
  const { dossierId, seq, event } = message.payload
  const d = await stateAt(db, dossierId, seq)
  if (!d) throw new PermanentFailure(`dossier ${dossierId} has no event ${seq}`)
  const links = { publicBaseUrl: options.publicBaseUrl, dossierId }
  const notice = notificationFor(event, d, await procedureNameOf(db, d.procedure), links)
  if (!notice) return
  const sent = await sentChannels(db, message.id)
  const failures: Error[] = []
  for (const plan of channelPlan(d.applicant, await getPreferences(db, vaultOwnerOf(d.applicant)))) {
    if (sent.has(plan.channel)) continue
    if (plan.skip !== null || plan.recipient === null) {
      await record(plan, notice.kind, 'skipped', plan.skip ?? '')
      continue
    }
    try {
      const detail = await send(options, message, { ...plan, recipient: plan.recipient }, notice, d)
      await record(plan, notice.kind, 'sent', detail)
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error))
      await record(plan, notice.kind, 'failed', failure.message)
      failures.push(failure)
    }
  }
  if (failures.length === 0) return
  const summary = `notification of message ${message.id}: ${failures.map((f) => f.message).join('; ')}`
  throw failures.every((f) => f instanceof PermanentFailure) ? new PermanentFailure(summary) : new Error(summary)
}

async function send(
  options: NotifyOptions,
  message: OutboxMessage,
  plan: ChannelPlan & { recipient: string },
  notice: Notification,
  d: Dossier,
) {
  if (plan.channel === NotificationChannel.Sms) {
    const { id } = await options.sms.send({
      to: plan.recipient,
      content: notice.sms,
      requestId: `motcua-${message.id}`,
    })
    return `gateway ${id}`
  }
  const receipt =
    notice.kind === NotificationKind.Reception ? await options.renderReceipt(message.payload.dossierId, d) : null
  const { messageId } = await options.mailer.send({
    to: plan.recipient,
    subject: notice.subject,
    text: notice.text,
    attachments: receipt ? [receipt] : [],
  })
  return `smtp ${messageId}`
}

/** The dossier as it stood right after event `seq`: notices speak of that moment, not of today. */
async function stateAt(db: Db, dossierId: string, seq: number): Promise<Dossier | null> {
  const events = await loadEvents(db, dossierId)
  if (!events.some((e) => e.seq === seq)) return null
  return foldEvents(events.filter((e) => e.seq <= seq).map((e) => e.event))
}
