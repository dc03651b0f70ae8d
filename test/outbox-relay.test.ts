import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { type Consumer, type OutboxMessage, PermanentFailure } from '../src/jobs/consumer.ts'
import { defaultRetryPolicy, type RetryPolicy, relayOnce } from '../src/jobs/outbox-relay.ts'
import { webhookConsumer } from '../src/jobs/webhook-consumer.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import { type OpenDatabase, openDatabase } from '../src/store/database.ts'
import { dossierCommands } from '../src/store/dossiers/dossier-commands.ts'
import { subscribe } from '../src/store/outbox/webhook-subscriptions.ts'
import { actors, applicant } from './support/dossier-fixtures.ts'
import { createScratchDatabase, createTestDatabase, engineName } from './support/test-database.ts'
import { startWebhookReceiver, verifiedByStandardWebhooks } from './support/webhook-receiver.ts'

const policy: RetryPolicy = { ...defaultRetryPolicy, baseDelayMs: 1_000, maxAttempts: 3, leaseMs: 30_000 }

/** A partner that de-duplicates by message id and can be switched off. */
function recordingConsumer(name: string) {
  const received: OutboxMessage[] = []
  const seen = new Set<number>()
  let down = false
  let refuse: ((m: OutboxMessage) => boolean) | null = null
  const consumer: Consumer = {
    name,
    accepts: () => true,
    async deliver(m) {
      if (down) throw new Error('partner unavailable')
      if (refuse?.(m)) throw new PermanentFailure('malformed')
      if (seen.has(m.id)) return
      seen.add(m.id)
      received.push(m)
    },
  }
  return {
    consumer,
    received,
    setDown: (v: boolean) => {
      down = v
    },
    setRefuse: (f: ((m: OutboxMessage) => boolean) | null) => {
      refuse = f
    },
  }
}

describe(`outbox relay on ${engineName}`, () => {
  let database: OpenDatabase
  let engine: ReturnType<typeof dossierCommands>
  let clock = new Date('2026-11-24T02:00:00Z')
  const at = () => clock
  before(async () => {
    database = await createTestDatabase()
    engine = dossierCommands(database.db, workingDaysFromDatabase(database.db))
  })
  after(() => database.close())

  /** A dossier submitted, received and transferred: three messages. */
  async function threeMessages(): Promise<string> {
    const created = await engine.create(
      {
        action: 'submit',
        actor: actors.applicant,
        channel: 2,
        applicant,
        procedure: { code: '1.001193', version: 1 },
        receivingAgencyId: 'ttpvhcc-22333',
        components: [],
      },
      { idempotencyKey: randomUUID(), now: clock },
    )
    assert.ok(created.ok)
    for (const [version, command] of [
      [1, { action: 'receive', actor: actors.counter }],
      [2, { action: 'transfer', actor: actors.counter }],
    ] as const) {
      const outcome = await engine.run(created.dossierId, command, version, {
        idempotencyKey: randomUUID(),
        now: clock,
      })
      assert.ok(outcome.ok)
    }
    return created.dossierId
  }
  const seqs = (list: OutboxMessage[], dossierId: string) =>
    list.filter((m) => m.key === dossierId).map((m) => m.payload.seq)

  test('every message reaches every consumer once, in order per dossier', async () => {
    const a = recordingConsumer('a')
    const b = recordingConsumer('b')
    const ids = [await threeMessages(), await threeMessages()]
    const stats = await relayOnce(database.db, [a.consumer, b.consumer], { policy, clock: at })
    assert.equal(stats.delivered, 12)
    for (const id of ids) {
      assert.deepEqual(seqs(a.received, id), [1, 2, 3])
      assert.deepEqual(seqs(b.received, id), [1, 2, 3])
    }
    assert.deepEqual((await relayOnce(database.db, [a.consumer, b.consumer], { policy, clock: at })).delivered, 0)
  })

  test('a partner down for a while gets everything, in order, once it is up', async () => {
    const p = recordingConsumer('down-then-up')
    const id = await threeMessages()
    p.setDown(true)
    const first = await relayOnce(database.db, [p.consumer], { policy, clock: at, random: () => 0.5 })
    assert.equal(first.failed > 0, true)
    assert.equal(p.received.length, 0)
    p.setDown(false)
    // Not yet due: the first retry waits the base delay.
    assert.equal((await relayOnce(database.db, [p.consumer], { policy, clock: at })).delivered, 0)
    clock = new Date(clock.getTime() + 5_000)
    await relayOnce(database.db, [p.consumer], { policy, clock: at })
    assert.deepEqual(seqs(p.received, id), [1, 2, 3])
  })

  test('after the last attempt a delivery is dead, holds back the dossier’s later messages, and can be re-driven', async () => {
    const p = recordingConsumer('dead-letter')
    const id = await threeMessages()
    p.setRefuse((m) => m.key === id && m.payload.seq === 2)
    await relayOnce(database.db, [p.consumer], { policy, clock: at })
    assert.deepEqual(seqs(p.received, id), [1], 'seq 3 waits behind the dead seq 2')
    const dead = await database.db
      .selectFrom('outbox_deliveries')
      .select(['state', 'attempts', 'last_error'])
      .where('consumer', '=', 'dead-letter')
      .where('state', '=', 'dead')
      .execute()
    assert.deepEqual(dead, [{ state: 'dead', attempts: 1, last_error: 'malformed' }])
    p.setRefuse(null)
    await database.db
      .updateTable('outbox_deliveries')
      .set({ state: 'pending', attempts: 0, next_attempt_at: clock })
      .where('consumer', '=', 'dead-letter')
      .where('state', '=', 'dead')
      .execute()
    await relayOnce(database.db, [p.consumer], { policy, clock: at })
    assert.deepEqual(seqs(p.received, id), [1, 2, 3])
  })

  test('webhooks are CloudEvents that the official Standard Webhooks library verifies with the subscription secret', async () => {
    const client = randomUUID()
    await database.db
      .insertInto('users')
      .values({ id: client, kind: 'integration', display_name: 'Hệ thống thử', created_at: clock })
      .execute()
    await database.db
      .insertInto('role_grants')
      .values({ user_id: client, role: 'integration', agency_id: 'ttpvhcc-22333' })
      .execute()
    const receiver = await startWebhookReceiver()
    try {
      const topics = ['dossier.received']
      const { id: subscriptionId, secret } = await subscribe(database.db, client, { url: receiver.url, topics }, clock)
      receiver.secret = secret
      // The webhook timestamp is real time: the official library checks it against its own clock.
      const hook = webhookConsumer(
        database.db,
        { id: subscriptionId, clientId: client, url: receiver.url, secret, topics },
        { source: 'urn:motcua:khanh-hoa' },
      )
      const id = await threeMessages()
      receiver.unavailable = true
      await relayOnce(database.db, [hook], { policy, clock: at })
      receiver.unavailable = false
      clock = new Date(clock.getTime() + 5_000)
      await relayOnce(database.db, [hook], { policy, clock: at })
      const mine = receiver.requests.filter((r) => r.dossierId === id)
      assert.deepEqual(
        mine.map((r) => r.status),
        [503, 204],
        'the 503 was retried once',
      )
      const last = mine[1]
      assert.ok(last?.event, 'the CloudEvents SDK parses the delivery')
      assert.ok(last.signatureOk, 'the official library verifies it with the subscription secret')
      const message = await database.db
        .selectFrom('outbox')
        .select(['id', 'created_at'])
        .where('topic', '=', 'dossier.received')
        .where('message_key', '=', id)
        .executeTakeFirstOrThrow()
      const { specversion, id: eventId, source, type, time, datacontenttype } = last.event
      assert.deepEqual(
        { specversion, eventId, source, type, time, datacontenttype },
        {
          specversion: '1.0',
          eventId: String(message.id),
          source: 'urn:motcua:khanh-hoa',
          type: 'vn.motcua.dossier.received',
          time: message.created_at.toISOString(),
          datacontenttype: 'application/json',
        },
      )
      assert.equal(last.event.subject, (last.event.data as { code?: string }).code)
      assert.equal(last.headers['webhook-id'], String(message.id))
      const tampered = last.body.replace('"dossier.received"', '"dossier.returned"').replace(id, randomUUID())
      assert.notEqual(tampered, last.body)
      assert.ok(!verifiedByStandardWebhooks(secret, tampered, last.headers), 'a tampered body is rejected')
      const other = await subscribe(database.db, client, { url: receiver.url, topics }, clock)
      assert.ok(!verifiedByStandardWebhooks(other.secret, last.body, last.headers), 'another secret is rejected')
    } finally {
      await receiver.close()
    }
  })
})

describe('two relays on one PostgreSQL', {
  skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL (PostgreSQL): PGlite has a single connection',
}, () => {
  /**
   * Two servers' connections to one scratch database, migrated with the demo catalogue, and a way
   * to submit and receive a dossier (two outbox messages each) through the engine.
   */
  async function twoServers() {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL ?? '')
    const first = await openDatabase({ kind: 'postgres', url: scratch.url })
    const second = await openDatabase({ kind: 'postgres', url: scratch.url })
    const { migrate } = await import('../src/store/migrate.ts')
    const { loadCatalogFile } = await import('../src/store/catalog/load-catalog-file.ts')
    await migrate(first.db)
    await loadCatalogFile(first.db)
    const engine = dossierCommands(first.db, workingDaysFromDatabase(first.db))
    const now = new Date('2026-11-24T02:00:00Z')
    return {
      first,
      second,
      async receivedDossier(): Promise<string> {
        const created = await engine.create(
          {
            action: 'submit',
            actor: actors.applicant,
            channel: 2,
            applicant,
            procedure: { code: '1.001193', version: 1 },
            receivingAgencyId: 'ttpvhcc-22333',
            components: [],
          },
          { idempotencyKey: randomUUID(), now },
        )
        assert.ok(created.ok)
        const received = await engine.run(created.dossierId, { action: 'receive', actor: actors.counter }, 1, {
          idempotencyKey: randomUUID(),
          now,
        })
        assert.ok(received.ok)
        return created.dossierId
      },
      async close() {
        await first.close()
        await second.close()
        await scratch.drop()
      },
    }
  }

  test('share the work through SKIP LOCKED and deliver no message twice', async () => {
    const servers = await twoServers()
    const { first, second } = servers
    try {
      for (let i = 0; i < 40; i++) await servers.receivedDossier()
      const counts = new Map<number, number>()
      const slow: Consumer = {
        name: 'shared',
        accepts: () => true,
        async deliver(m) {
          counts.set(m.id, (counts.get(m.id) ?? 0) + 1)
          await new Promise((r) => setTimeout(r, 2))
        },
      }
      const small = { ...policy, batchSize: 5 }
      await Promise.all([
        relayOnce(first.db, [slow], { policy: small }),
        relayOnce(second.db, [slow], { policy: small }),
      ])
      assert.equal(counts.size, 80)
      assert.deepEqual(
        [...counts.values()].filter((n) => n > 1),
        [],
      )
    } finally {
      await servers.close()
    }
  })

  test('a later message of a dossier waits while another relay is still fanning out its earlier one', async () => {
    const servers = await twoServers()
    const { first, second } = servers
    try {
      const dossierId = await servers.receivedDossier()
      const order: number[] = []
      const recording: Consumer = {
        name: 'ordered',
        accepts: () => true,
        async deliver(m) {
          order.push(m.payload.seq)
        },
      }
      // The first relay's fan-out holds the dossier's first message (its transaction is open), as
      // when two servers fan out at the same moment; the second relay skips it and sees the second.
      let release = () => {}
      const held = new Promise<void>((r) => {
        release = r
      })
      let locked = () => {}
      const isLocked = new Promise<void>((r) => {
        locked = r
      })
      const holding = first.db.transaction().execute(async (tx) => {
        await tx
          .selectFrom('outbox')
          .select('id')
          .where('message_key', '=', dossierId)
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .execute()
        locked()
        await held
      })
      await isLocked
      let during: Awaited<ReturnType<typeof relayOnce>>
      try {
        during = await relayOnce(second.db, [recording], { policy })
      } finally {
        release()
        await holding
      }
      assert.equal(during.fannedOut, 1, 'the second relay fans out the message that is not held')
      assert.deepEqual(order, [], 'the second message is not delivered before the first')
      await relayOnce(second.db, [recording], { policy })
      assert.deepEqual(order, [1, 2])
    } finally {
      await servers.close()
    }
  })
})
