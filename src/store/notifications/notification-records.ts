import type { Db } from '../database.ts'

/** One channel's outcome for one outbox message. */
export type NotificationRecord = {
  readonly messageId: number
  readonly dossierId: string
  readonly channel: 'email' | 'sms'
  readonly recipient: string | null
  readonly kind: string
  readonly status: 'sent' | 'failed' | 'skipped'
  readonly detail: string
  readonly at: Date
}

/** Records a channel's outcome; a channel already `sent` for the message is never overwritten. */
export async function recordNotification(db: Db, r: NotificationRecord): Promise<void> {
  await db
    .insertInto('notifications')
    .values({
      message_id: r.messageId,
      dossier_id: r.dossierId,
      channel: r.channel,
      recipient: r.recipient,
      kind: r.kind,
      status: r.status,
      detail: r.detail,
      created_at: r.at,
      updated_at: r.at,
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

/** The channels a message was already delivered on. */
export async function sentChannels(db: Db, messageId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('notifications')
    .select('channel')
    .where('message_id', '=', messageId)
    .where('status', '=', 'sent')
    .execute()
  return new Set(rows.map((r) => r.channel))
}

/** The procedure's name as the notices print it (its code when unknown). */
export async function procedureNameOf(db: Db, procedure: { code: string; version: number }): Promise<string> {
  const row = await db
    .selectFrom('procedure_versions')
    .select('name')
    .where('procedure_code', '=', procedure.code)
    .where('version', '=', procedure.version)
    .executeTakeFirst()
  return row?.name ?? procedure.code
}
