import { webhookSignature } from '../domain/webhooks/webhook-secret.ts'
import type { Db } from '../store/database.ts'
import { type Consumer, type OutboxMessage, PermanentFailure } from './consumer.ts'

/** An integration client's webhook subscription (table webhook_subscriptions). */
export type WebhookSubscription = {
  readonly id: string
  readonly clientId: string
  readonly url: string
  readonly secret: string
  /** Topics such as `dossier.received`, or `dossier.*` for all. */
  readonly topics: readonly string[]
}

/** CloudEvents 1.0 JSON for one outbox message. */
export function cloudEvent(message: OutboxMessage, source: string) {
  return {
    specversion: '1.0',
    id: String(message.id),
    source,
    type: `vn.motcua.${message.topic}`,
    subject: message.payload.code ?? message.payload.dossierId,
    time: message.createdAt.toISOString(),
    datacontenttype: 'application/json',
    data: message.payload,
  }
}

/** `*` means every dossier event: a resend reconciliation asks of the portal is no event of the dossier. */
const matches = (topics: readonly string[], topic: string) =>
  topics.some(
    (t) =>
      t === topic ||
      (t === '*' && topic.startsWith('dossier.')) ||
      (t.endsWith('.*') && topic.startsWith(t.slice(0, -1))),
  )

/**
 * Delivers to one subscription, for the dossiers of the client's agencies only: 2xx is delivered;
 * 4xx (but 408 and 429) a permanent refusal; anything else is retried.
 */
export function webhookConsumer(
  db: Db,
  s: WebhookSubscription,
  options: { source: string; timeoutMs?: number; now?: () => Date },
): Consumer {
  return {
    name: `webhook:${s.id}`,
    accepts: (m) => matches(s.topics, m.topic),
    async deliver(message) {
      if (!(await concernsClient(db, s.clientId, message.payload.dossierId))) return
      const body = JSON.stringify(cloudEvent(message, options.source))
      const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000)
      const id = String(message.id)
      const response = await fetch(s.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/cloudevents+json; charset=utf-8',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          // Standard Webhooks: the receiver recomputes the signature and rejects old timestamps (replays).
          'webhook-signature': webhookSignature(s.secret, id, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      })
      await response.arrayBuffer()
      if (response.ok) return
      const permanent = response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status)
      const error = `webhook ${s.url} answered ${response.status}`
      throw permanent ? new PermanentFailure(error) : new Error(error)
    },
  }
}

/** A client sees the dossiers its agencies receive or process (the same rule as its API reads). */
async function concernsClient(db: Db, clientId: string, dossierId: string): Promise<boolean> {
  const row = await db
    .selectFrom('dossiers as d')
    .innerJoin('role_grants as g', (j) => j.on('g.user_id', '=', clientId))
    .select('d.id')
    .where('d.id', '=', dossierId)
    .where((eb) =>
      eb.or([
        eb('g.agency_id', '=', eb.ref('d.receiving_agency_id')),
        eb('g.agency_id', '=', eb.ref('d.processing_agency_id')),
      ]),
    )
    .executeTakeFirst()
  return row !== undefined
}

export async function loadWebhookConsumers(
  db: Db,
  options: { source: string; timeoutMs?: number },
): Promise<Consumer[]> {
  const rows = await db.selectFrom('webhook_subscriptions').selectAll().where('active', '=', true).execute()
  return rows.map((r) =>
    webhookConsumer(db, { id: r.id, clientId: r.client_id, url: r.url, secret: r.secret, topics: r.topics }, options),
  )
}
