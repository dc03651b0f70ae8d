import { sql } from 'kysely'
import type { Db } from '../store/database.ts'
import { type Consumer, type OutboxMessage, PermanentFailure } from './consumer.ts'

/** How deliveries are retried: exponential backoff with jitter, then the dead-letter state. */
export type RetryPolicy = {
  readonly maxAttempts: number
  readonly baseDelayMs: number
  readonly maxDelayMs: number
  /** A claimed delivery is someone's for this long; after a crash it becomes due again. */
  readonly leaseMs: number
  readonly batchSize: number
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 2_000,
  maxDelayMs: 15 * 60_000,
  leaseMs: 60_000,
  batchSize: 50,
}

/** The wait before attempt `attempts + 1`: base × 2^(attempts − 1), capped, ±20% jitter. */
export function backoffMs(policy: RetryPolicy, attempts: number, random: () => number): number {
  const raw = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1))
  return Math.round(raw * (0.8 + 0.4 * random()))
}

/**
 * Hands every outbox message not yet fanned out to the consumers that accept it (one delivery row
 * each) and marks it published. Rows locked by another process are skipped, not waited for.
 */
export async function fanOut(db: Db, consumers: readonly Consumer[], now: Date, limit = 500): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const rows = await sql<{ id: number; topic: string; message_key: string; payload: unknown; created_at: Date }>`
      SELECT id, topic, message_key, payload, created_at FROM outbox
      WHERE published_at IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(tx)
    if (rows.rows.length === 0) return 0
    const deliveries = rows.rows.flatMap((r) =>
      consumers
        .filter((c) => c.accepts(messageOf(r)))
        .map((c) => ({
          consumer: c.name,
          message_id: Number(r.id),
          message_key: r.message_key,
          state: 'pending' as const,
          next_attempt_at: now,
        })),
    )
    for (let i = 0; i < deliveries.length; i += 1000)
      await tx
        .insertInto('outbox_deliveries')
        .values(deliveries.slice(i, i + 1000))
        .onConflict((oc) => oc.columns(['consumer', 'message_id']).doNothing())
        .execute()
    await tx
      .updateTable('outbox')
      .set({ published_at: now })
      .where(
        'id',
        'in',
        rows.rows.map((r) => Number(r.id)),
      )
      .execute()
    return rows.rows.length
  })
}

function messageOf(r: { id: number; topic: string; message_key: string; payload: unknown; created_at: Date }) {
  return {
    id: Number(r.id),
    topic: r.topic,
    key: r.message_key,
    payload: r.payload as OutboxMessage['payload'],
    createdAt: r.created_at,
  } satisfies OutboxMessage
}

type Claimed = { consumer: string; message: OutboxMessage; attempts: number }

/**
 * Claims due deliveries for a lease: only the first undelivered message of each dossier for each
 * consumer (order per dossier), counting messages not yet fanned out as undelivered, locked rows
 * skipped so several processes share the work.
 */
export async function claimDue(
  db: Db,
  consumers: readonly string[],
  policy: RetryPolicy,
  now: Date,
): Promise<Claimed[]> {
  if (consumers.length === 0) return []
  const leaseUntil = new Date(now.getTime() + policy.leaseMs)
  const claimed = await sql<{ consumer: string; message_id: number; attempts: number }>`
    UPDATE outbox_deliveries d SET next_attempt_at = ${leaseUntil}
    FROM (
      SELECT consumer, message_id FROM outbox_deliveries h
      WHERE h.state = 'pending' AND h.next_attempt_at <= ${now} AND h.consumer = ANY(${[...consumers]}::text[])
        AND NOT EXISTS (
          SELECT 1 FROM outbox_deliveries e
          WHERE e.consumer = h.consumer AND e.message_key = h.message_key AND e.message_id < h.message_id
            AND e.state <> 'delivered')
        -- An earlier message of the key that another process is still fanning out has no delivery
        -- row yet (its transaction has not committed), so the check above cannot see it; it can see
        -- that the message is unpublished, and waits for it.
        AND NOT EXISTS (
          SELECT 1 FROM outbox o
          WHERE o.published_at IS NULL AND o.message_key = h.message_key AND o.id < h.message_id)
      ORDER BY h.message_id LIMIT ${policy.batchSize}
      FOR UPDATE SKIP LOCKED
    ) c
    WHERE d.consumer = c.consumer AND d.message_id = c.message_id
    RETURNING d.consumer, d.message_id, d.attempts`.execute(db)
  if (claimed.rows.length === 0) return []
  const messages = await db
    .selectFrom('outbox')
    .select(['id', 'topic', 'message_key', 'payload', 'created_at'])
    .where(
      'id',
      'in',
      claimed.rows.map((r) => Number(r.message_id)),
    )
    .execute()
  const byId = new Map(messages.map((m) => [Number(m.id), messageOf({ ...m, id: Number(m.id) })]))
  return claimed.rows
    .map((r) => ({ consumer: r.consumer, attempts: r.attempts, message: byId.get(Number(r.message_id)) }))
    .filter((c): c is Claimed => c.message !== undefined)
    .sort((a, b) => a.message.id - b.message.id)
}

export type RelayStats = { fannedOut: number; delivered: number; failed: number; dead: number }

/** Delivers claimed messages one after another and records each outcome. */
async function deliverClaimed(
  db: Db,
  consumers: ReadonlyMap<string, Consumer>,
  claimed: readonly Claimed[],
  policy: RetryPolicy,
  clock: () => Date,
  random: () => number,
  stats: RelayStats,
): Promise<void> {
  for (const c of claimed) {
    const consumer = consumers.get(c.consumer)
    if (!consumer) continue
    const where = { consumer: c.consumer, message_id: c.message.id }
    try {
      await consumer.deliver(c.message)
      await db
        .updateTable('outbox_deliveries')
        .set({ state: 'delivered', delivered_at: clock(), attempts: c.attempts + 1, last_error: null })
        .where('consumer', '=', where.consumer)
        .where('message_id', '=', where.message_id)
        .where('state', '=', 'pending')
        .execute()
      stats.delivered++
    } catch (error) {
      const attempts = c.attempts + 1
      const dead = error instanceof PermanentFailure || attempts >= policy.maxAttempts
      await db
        .updateTable('outbox_deliveries')
        .set({
          state: dead ? 'dead' : 'pending',
          attempts,
          last_error: String(error instanceof Error ? error.message : error).slice(0, 2000),
          next_attempt_at: new Date(clock().getTime() + backoffMs(policy, attempts, random)),
        })
        .where('consumer', '=', where.consumer)
        .where('message_id', '=', where.message_id)
        .where('state', '=', 'pending')
        .execute()
      if (dead) stats.dead++
      else stats.failed++
    }
  }
}

export type RelayOptions = {
  readonly policy?: RetryPolicy
  readonly clock?: () => Date
  readonly random?: () => number
}

/** One round: fan out new messages, then claim and deliver what is due. */
export async function relayOnce(
  db: Db,
  consumers: readonly Consumer[],
  options: RelayOptions = {},
): Promise<RelayStats> {
  const policy = options.policy ?? defaultRetryPolicy
  const clock = options.clock ?? (() => new Date())
  const stats: RelayStats = { fannedOut: 0, delivered: 0, failed: 0, dead: 0 }
  stats.fannedOut = await fanOut(db, consumers, clock())
  const byName = new Map(consumers.map((c) => [c.name, c]))
  for (;;) {
    const claimed = await claimDue(db, [...byName.keys()], policy, clock())
    if (claimed.length === 0) break
    await deliverClaimed(db, byName, claimed, policy, clock, options.random ?? Math.random, stats)
  }
  return stats
}

/**
 * The relay as a background job of the server: a round every `intervalMs`, and at once when woken
 * (after a command). `consumers` is asked each round, so new webhook subscriptions take effect.
 */
export function startOutboxRelay(
  db: Db,
  consumers: () => Promise<readonly Consumer[]>,
  options: RelayOptions & { intervalMs?: number; onError?: (error: unknown) => void } = {},
): { wake(): void; stop(): Promise<void> } {
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  let stopped = false
  let again = false
  const round = async () => {
    try {
      await relayOnce(db, await consumers(), options)
    } catch (error) {
      options.onError?.(error)
    }
  }
  const schedule = (ms: number) => {
    if (stopped) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(run, ms)
    timer.unref()
  }
  const run = () => {
    if (running) {
      again = true
      return
    }
    running = round().finally(() => {
      running = null
      if (again) {
        again = false
        schedule(0)
      } else schedule(options.intervalMs ?? 1_000)
    })
  }
  schedule(0)
  return {
    wake: () => schedule(0),
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
