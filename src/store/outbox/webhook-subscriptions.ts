import { randomBytes, randomUUID } from 'node:crypto'
import { webhookKeyBytes, webhookSecret } from '../../domain/webhooks/webhook-secret.ts'
import { appendAudit } from '../audit/audit-log.ts'
import type { Db } from '../database.ts'

export type SubscriptionView = { id: string; url: string; topics: string[]; createdAt: string; active: boolean }

/** Subscribes an integration client; the signing secret is returned once, here. */
export async function subscribe(
  db: Db,
  clientId: string,
  input: { url: string; topics: string[] },
  now: Date,
): Promise<{ id: string; secret: string }> {
  const id = randomUUID()
  const secret = webhookSecret(randomBytes(webhookKeyBytes.generated))
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('webhook_subscriptions')
      .values({ id, client_id: clientId, url: input.url, secret, topics: input.topics, created_at: now })
      .execute()
    await appendAudit(tx, {
      at: now,
      actor: `client ${clientId}`,
      action: 'webhook.subscribed',
      subject: `webhook:${id}`,
      before: null,
      after: input,
    })
  })
  return { id, secret }
}

export async function listSubscriptions(db: Db, clientId: string): Promise<SubscriptionView[]> {
  const rows = await db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'url', 'topics', 'created_at', 'active'])
    .where('client_id', '=', clientId)
    .orderBy('created_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    url: r.url,
    topics: r.topics,
    createdAt: r.created_at.toISOString(),
    active: r.active,
  }))
}

/** Stops deliveries to a subscription (kept for the record); false when it is not the client's. */
export async function unsubscribe(db: Db, clientId: string, id: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const done = await tx
      .updateTable('webhook_subscriptions')
      .set({ active: false })
      .where('id', '=', id)
      .where('client_id', '=', clientId)
      .where('active', '=', true)
      .executeTakeFirst()
    if (Number(done.numUpdatedRows) === 0) return false
    await appendAudit(tx, {
      at: now,
      actor: `client ${clientId}`,
      action: 'webhook.unsubscribed',
      subject: `webhook:${id}`,
      before: null,
      after: null,
    })
    return true
  })
}
