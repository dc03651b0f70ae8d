import type { MailAttachment, Mailer } from '../adapters/mail/smtp-mailer.ts'
import { renderForm } from '../adapters/pdf/render-form.ts'
import type { SmsSender } from '../adapters/sms/sms-gateway.ts'
import { dayOf, isoDate } from '../domain/calendar/local-time.ts'
import { type Dossier, foldEvents } from '../domain/dossier/state.ts'
import { buildDossierForm } from '../domain/forms/build.ts'
import { type ChannelPlan, channelPlan, NotificationChannel } from '../domain/notifications/channels.ts'
import {
  type Notification,
  NotificationKind,
  notificationFor,
  notifyingEvents,
} from '../domain/notifications/templates.ts'
import type { Db } from '../store/database.ts'
import { loadEvents } from '../store/dossiers/dossier-queries.ts'
import { formContext } from '../store/forms/form-context.ts'
import { getPreferences } from '../store/notifications/preferences.ts'
import { vaultOwnerOf } from '../store/vault/vault-items.ts'
import { type Consumer, type OutboxMessage, PermanentFailure } from './consumer.ts'

export type NotificationConsumerOptions = {
  readonly db: Db
  readonly mailer: Mailer
  readonly sms: SmsSender
  /** Public site the notices link to (tracking page, the applicant's dossier page). */
  readonly publicBaseUrl: string
  /** Form 01 of the dossier as a PDF, attached to the reception e-mail; null when it cannot be built. */
  readonly renderReceipt: (dossierId: string, dossier: Dossier) => Promise<MailAttachment | null>
  readonly now?: () => Date
}

type Status = 'sent' | 'failed' | 'skipped'

/**
 * Thông báo cho người nộp (rules.md §8): e-mail and SMS to the applicant for each notifying event,
 * on the channels their preferences allow. Each (message, channel) is recorded; a channel already
 * `sent` is never sent again, so redelivery is harmless. A failed channel is recorded and thrown
 * (transient: retried by the relay; all permanent: PermanentFailure).
 */
export function notificationConsumer(options: NotificationConsumerOptions): Consumer {
  const { db } = options
  const now = options.now ?? (() => new Date())

  async function record(message: OutboxMessage, plan: ChannelPlan, kind: string, status: Status, detail: string) {
    const at = now()
    await db
      .insertInto('notifications')
      .values({
        message_id: message.id,
        dossier_id: message.payload.dossierId,
        channel: plan.channel,
        recipient: plan.recipient,
        kind,
        status,
        detail,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(['message_id', 'channel'])
          .doUpdateSet((eb) => ({
            recipient: eb.ref('excluded.recipient'),
            status: eb.ref('excluded.status'),
            detail: eb.ref('excluded.detail'),
            attempts: eb('notifications.attempts', '+', 1),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where('notifications.status', '<>', 'sent'),
      )
      .execute()
  }

  async function send(
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

  return {
    name: 'notifications',
    accepts: (message) =>
      notifyingEvents.has(message.payload.event.type) && message.topic === `dossier.${message.payload.event.type}`,
    async deliver(message) {
      const { dossierId, seq, event } = message.payload
      const d = await stateAt(db, dossierId, seq)
      if (!d) throw new PermanentFailure(`dossier ${dossierId} has no event ${seq}`)
      const links = { publicBaseUrl: options.publicBaseUrl, dossierId }
      const notice = notificationFor(event, d, await procedureName(db, d), links)
      if (!notice) return
      const sent = await sentChannels(db, message.id)
      const failures: Error[] = []
      for (const plan of channelPlan(d.applicant, await getPreferences(db, vaultOwnerOf(d.applicant)))) {
        if (sent.has(plan.channel)) continue
        if (plan.skip !== null || plan.recipient === null) {
          await record(message, plan, notice.kind, 'skipped', plan.skip ?? '')
          continue
        }
        try {
          const detail = await send(message, { ...plan, recipient: plan.recipient }, notice, d)
          await record(message, plan, notice.kind, 'sent', detail)
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error))
          await record(message, plan, notice.kind, 'failed', failure.message)
          failures.push(failure)
        }
      }
      if (failures.length === 0) return
      const summary = `notification of message ${message.id}: ${failures.map((f) => f.message).join('; ')}`
      throw failures.every((f) => f instanceof PermanentFailure) ? new PermanentFailure(summary) : new Error(summary)
    },
  }
}

/** The dossier as it stood right after event `seq`: notices speak of that moment, not of today. */
async function stateAt(db: Db, dossierId: string, seq: number): Promise<Dossier | null> {
  const events = await loadEvents(db, dossierId)
  if (!events.some((e) => e.seq === seq)) return null
  return foldEvents(events.filter((e) => e.seq <= seq).map((e) => e.event))
}

async function procedureName(db: Db, d: Dossier): Promise<string> {
  const row = await db
    .selectFrom('procedure_versions')
    .select('name')
    .where('procedure_code', '=', d.procedure.code)
    .where('version', '=', d.procedure.version)
    .executeTakeFirst()
  return row?.name ?? d.procedure.code
}

async function sentChannels(db: Db, messageId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('notifications')
    .select('channel')
    .where('message_id', '=', messageId)
    .where('status', '=', 'sent')
    .execute()
  return new Set(rows.map((r) => r.channel))
}

/** Form 01 (Giấy tiếp nhận hồ sơ và hẹn trả kết quả) rendered as the forms route renders it. */
export function receiptFromForms(db: Db, publicBaseUrl: string) {
  return async (_dossierId: string, d: Dossier): Promise<MailAttachment | null> => {
    if (d.receivedAt === null) return null
    const ctx = await formContext(db, d, isoDate(dayOf(d.receivedAt)), publicBaseUrl)
    const form = ctx ? buildDossierForm('01', d, ctx) : null
    if (!form) return null
    return { fileName: form.fileName, contentType: 'application/pdf', content: await renderForm(form) }
  }
}
