import type { ChannelPreference } from '../../domain/notifications/channels.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Db } from '../database.ts'

/**
 * The applicant's recorded choice of notice channels (rules.md §8), or null when they never chose:
 * then every channel with a known address is used (see channelPlan).
 * `applicantKey` is the vault owner's key: `citizen:<identity number>` or `user:<id>`.
 */
export async function getPreferences(db: Db, applicantKey: string): Promise<ChannelPreference | null> {
  const row = await db
    .selectFrom('notification_preferences')
    .select(['email', 'sms'])
    .where('applicant_key', '=', applicantKey)
    .executeTakeFirst()
  return row ?? null
}

/** Records the applicant's choice, replacing any earlier one, and audits it in the same transaction. */
export async function setPreferences(
  db: Db,
  applicantKey: string,
  choice: ChannelPreference,
  now: Date,
  actor: string,
): Promise<ChannelPreference> {
  const after = { email: choice.email, sms: choice.sms }
  return db.transaction().execute(async (tx) => {
    const before = await tx
      .selectFrom('notification_preferences')
      .select(['email', 'sms'])
      .where('applicant_key', '=', applicantKey)
      .forUpdate()
      .executeTakeFirst()
    await tx
      .insertInto('notification_preferences')
      .values({ applicant_key: applicantKey, ...after })
      .onConflict((oc) => oc.column('applicant_key').doUpdateSet(after))
      .execute()
    await appendAudit(tx, {
      at: now,
      actor,
      action: before ? 'notification-preferences.replaced' : 'notification-preferences.created',
      subject: `notification-preferences:${applicantKey}`,
      before: before ?? null,
      after,
    })
    return after
  })
}
