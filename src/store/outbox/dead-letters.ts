import { appendAudit } from '../audit/audit-log.ts'
import type { Db } from '../database.ts'

export type DeadLetter = {
  consumer: string
  messageId: number
  topic: string
  dossierId: string
  code: string | null
  attempts: number
  lastError: string | null
  createdAt: string
}

/** Deliveries that gave up, oldest first: each holds back its dossier's later messages for that consumer. */
export async function listDeadLetters(db: Db, limit = 200): Promise<DeadLetter[]> {
  const rows = await db
    .selectFrom('outbox_deliveries as d')
    .innerJoin('outbox as o', 'o.id', 'd.message_id')
    .select([
      'd.consumer',
      'd.message_id',
      'o.topic',
      'o.message_key',
      'o.payload',
      'd.attempts',
      'd.last_error',
      'o.created_at',
    ])
    .where('d.state', '=', 'dead')
    .orderBy('d.message_id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    consumer: r.consumer,
    messageId: Number(r.message_id),
    topic: r.topic,
    dossierId: r.message_key,
    code: (r.payload as { code?: string | null }).code ?? null,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
  }))
}

/** Puts a dead delivery back in the queue with fresh attempts; audited. False when there is none. */
export async function redrive(db: Db, consumer: string, messageId: number, actor: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const done = await tx
      .updateTable('outbox_deliveries')
      .set({ state: 'pending', attempts: 0, next_attempt_at: now })
      .where('consumer', '=', consumer)
      .where('message_id', '=', messageId)
      .where('state', '=', 'dead')
      .executeTakeFirst()
    if (Number(done.numUpdatedRows) === 0) return false
    await appendAudit(tx, {
      at: now,
      actor,
      action: 'outbox.redriven',
      subject: `delivery:${consumer}:${messageId}`,
      before: { state: 'dead' },
      after: { state: 'pending' },
    })
    return true
  })
}
