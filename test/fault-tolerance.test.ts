import assert from 'node:assert/strict'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, type TestContext, test } from 'node:test'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { webhookKeyBytes, webhookSecret } from '../src/domain/webhooks/webhook-secret.ts'
import type { Database } from '../src/store/schema.ts'
import { onlineBirthRegistration } from './support/http-dossier.ts'
import { type ServeProcess, startServe } from './support/serve-process.ts'
import { createScratchDatabase } from './support/test-database.ts'
import { type ReceivedWebhook, startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts'

/*
 * Fault tolerance of the outbox relay as it runs in production: `bin/motcua serve` child processes on
 * PostgreSQL, an integration client's webhook subscription, and a partner endpoint that
 * de-duplicates by `webhook-id`. The relay promises at-least-once delivery in order per dossier, so
 * the partner's de-duplicated stream must hold every message concerning its agencies exactly once.
 */

const serverUrl = process.env.DATABASE_URL
const skip = serverUrl ? false : 'needs DATABASE_URL (PostgreSQL): serve processes share one database server'
const agency = 'ttpvhcc-22333'
/**
 * The relay leases a claimed delivery for MOTCUA_RELAY_LEASE_MS (60 s by default): after a crash it is
 * due again then. The crash scenario shortens it to wait less; two live servers keep the default, so a
 * slow batch never outlives its lease. Each webhook call is one attempt within the partner timeout (10 s).
 */
const crashLeaseMs = 20_000
const recoveryTimeoutMs = 100_000

type Cleanup = () => Promise<void> | void
type Session = { cookie: string; csrf: string }
type Setup = {
  url: string
  db: Kysely<Database>
  receiver: WebhookReceiver
  subscriptionId: string
  clientId: string
  dataDir: string
  servers: ServeProcess[]
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * A fresh database, a receiver and `bin/motcua serve` on it. The integration client and its
 * subscription are inserted while the first start seeds (as soon as the catalogue is in), so the
 * relay's first round already sees the subscription and the seed dossiers' messages are delivered too.
 */
async function freshServe(
  cleanups: Cleanup[],
  grants: 'agency' | 'all',
  publicBaseUrl: string,
  leaseMs?: number,
): Promise<Setup> {
  if (!serverUrl) throw new Error('DATABASE_URL')
  const scratch = await createScratchDatabase(serverUrl)
  cleanups.push(scratch.drop)
  const pool = new pg.Pool({ connectionString: scratch.url, max: 3 })
  pool.on('error', () => {})
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  cleanups.push(() => db.destroy())
  const secret = webhookSecret(randomBytes(webhookKeyBytes.generated))
  const receiver = await startWebhookReceiver(secret)
  cleanups.push(() => receiver.close())
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-fault-'))
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
  const servers: ServeProcess[] = []
  const serve = await startServe(serveEnv(scratch.url, publicBaseUrl, leaseMs), dataDir)
  servers.push(serve)
  cleanups.push(() => Promise.all(servers.map((s) => s.stop('SIGKILL'))).then(() => {}))
  const clientId = randomUUID()
  const subscriptionId = randomUUID()
  const subscribed = (async () => {
    const deadline = Date.now() + 60_000
    for (;;) {
      if (Date.now() > deadline) throw new Error(`the catalogue never appeared:\n${serve.output().slice(-3000)}`)
      const found = await db
        .selectFrom('agencies')
        .select('id')
        .where('id', '=', agency)
        .executeTakeFirst()
        .catch(() => undefined)
      if (found) break
      await pause(50)
    }
    const agencies =
      grants === 'all' ? (await db.selectFrom('agencies').select('id').execute()).map((a) => a.id) : [agency]
    const now = new Date()
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('users')
        .values({
          id: clientId,
          kind: 'integration',
          username: `partner-${clientId}`,
          display_name: 'Đối tác thử',
          created_at: now,
        })
        .execute()
      await tx
        .insertInto('role_grants')
        .values(agencies.map((a) => ({ user_id: clientId, role: 'integration', agency_id: a })))
        .execute()
      await tx
        .insertInto('webhook_subscriptions')
        .values({
          id: subscriptionId,
          client_id: clientId,
          url: receiver.url,
          secret,
          topics: ['dossier.*'],
          created_at: now,
        })
        .execute()
    })
    // Proof that the subscription was there before the relay's first round: nothing fanned out yet.
    const published = await db
      .selectFrom('outbox')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('published_at', 'is not', null)
      .executeTakeFirstOrThrow()
    assert.equal(published.n, 0, 'the relay had fanned out messages before the subscription was inserted')
  })()
  await Promise.all([serve.healthy(60_000), subscribed])
  return { url: scratch.url, db, receiver, subscriptionId, clientId, dataDir, servers }
}

function serveEnv(databaseUrl: string, publicBaseUrl: string, leaseMs = 60_000): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    MOTCUA_DEMO: '1',
    MOTCUA_RELAY_INTERVAL_MS: '100',
    MOTCUA_RELAY_LEASE_MS: String(leaseMs),
    // The deadline watcher is not what these servers are killed to test.
    MOTCUA_DEADLINE_WATCH: 'false',
    LOG_LEVEL: 'warn',
    // The CloudEvent's source names the process that delivered it.
    PUBLIC_BASE_URL: publicBaseUrl,
  }
}

async function demoLogin(base: string, as: 'citizen' | 'counter_officer'): Promise<Session> {
  const res = await fetch(`${base}/api/auth/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as }),
  })
  assert.equal(res.status, 200, await res.clone().text())
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return { cookie, csrf: csrfToken }
}

async function post(base: string, session: Session, path: string, body: object): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  })
}

type BurstResult = { acknowledged: { id: string; version: number }[]; refused: number; failed: number }

/**
 * `count` online submissions, `concurrency` at a time, the i-th to `bases[i % bases.length]`;
 * `onAck` runs after each acknowledgement (201), with the number acknowledged so far.
 */
async function burst(
  bases: readonly string[],
  citizen: Session,
  count: number,
  concurrency: number,
  onAck: (acknowledged: number) => void = () => {},
): Promise<BurstResult> {
  const result: BurstResult = { acknowledged: [], refused: 0, failed: 0 }
  let next = 0
  const worker = async () => {
    while (next < count) {
      const i = next++
      try {
        const res = await post(bases[i % bases.length] as string, citizen, '/api/dossiers', onlineBirthRegistration())
        if (res.status === 201) {
          const d = (await res.json()) as { id: string; version: number }
          result.acknowledged.push({ id: d.id, version: d.version })
          onAck(result.acknowledged.length)
        } else {
          await res.arrayBuffer()
          result.refused++
        }
      } catch {
        result.failed++
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return result
}

type Expected = { id: string; dossierId: string; seq: number; topic: string }

/** The outbox messages (id > `after`) about dossiers the client's agencies receive or process. */
async function expectedMessages(s: Setup, after = 0): Promise<Expected[]> {
  const rows = await sql<{ id: string; message_key: string; seq: number; topic: string }>`
    SELECT o.id::text AS id, o.message_key, (o.payload->>'seq')::int AS seq, o.topic FROM outbox o
    JOIN dossiers d ON d.id::text = o.message_key
    WHERE o.id > ${after} AND EXISTS (
      SELECT 1 FROM role_grants g WHERE g.user_id = ${s.clientId}
        AND g.agency_id IN (d.receiving_agency_id, d.processing_agency_id))
    ORDER BY o.id`.execute(s.db)
  return rows.rows.map((r) => ({ id: r.id, dossierId: r.message_key, seq: r.seq, topic: r.topic }))
}

async function maxOutboxId(db: Kysely<Database>): Promise<number> {
  const row = await sql<{ n: string | null }>`SELECT max(id)::text AS n FROM outbox`.execute(db)
  return Number(row.rows[0]?.n ?? 0)
}

/** Waits until every expected message was processed by the receiver, then for 2 s of quiet. */
async function allArrived(s: Setup, expected: () => Promise<Expected[]>, timeoutMs: number): Promise<number> {
  const started = Date.now()
  for (;;) {
    const want = await expected()
    const got = new Set(s.receiver.processed.map((r) => r.id))
    const missing = want.filter((m) => !got.has(m.id))
    if (missing.length === 0) break
    if (Date.now() - started > timeoutMs) {
      const states = await deliveryStates(s)
      throw new Error(
        `${missing.length} of ${want.length} messages never arrived within ${timeoutMs} ms, e.g. ${JSON.stringify(
          missing.slice(0, 5),
        )}; deliveries ${JSON.stringify(states)}`,
      )
    }
    await pause(200)
  }
  const took = Date.now() - started
  await s.receiver.quiet(2_000, 30_000)
  return took
}

/**
 * Waits until the relay has nothing left that could add a message about the seed: every outbox message
 * fanned out, the signed-documents consumer (which appends e-result events) done, and every expected
 * message received.
 */
async function seedSettled(s: Setup, timeoutMs: number): Promise<void> {
  const started = Date.now()
  for (;;) {
    const open = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL)::int
        + (SELECT count(*) FROM outbox_deliveries WHERE consumer = 'signed-documents' AND state = 'pending')::int AS n
    `.execute(s.db)
    if (Number(open.rows[0]?.n ?? 0) === 0) break
    if (Date.now() - started > timeoutMs) throw new Error(`the seed did not settle within ${timeoutMs} ms`)
    await pause(200)
  }
  await allArrived(s, () => expectedMessages(s), Math.max(1_000, timeoutMs - (Date.now() - started)))
}

async function deliveryStates(s: Setup): Promise<Record<string, number>> {
  const rows = await s.db
    .selectFrom('outbox_deliveries')
    .select(['state', sql<number>`count(*)::int`.as('n')])
    .where('consumer', '=', `webhook:${s.subscriptionId}`)
    .groupBy('state')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.state, r.n]))
}

/**
 * The partner's view is right: after de-duplication, exactly the expected messages (no more, none
 * missing), no two ids for one dossier event, seq increasing per dossier in arrival order, every
 * request correctly signed, and no delivery left pending or dead. Returns the duplicates seen.
 */
async function assertExactlyOnceInOrder(
  t: TestContext,
  s: Setup,
  expected: readonly Expected[],
  label: string,
): Promise<ReceivedWebhook[]> {
  const ids = new Set(expected.map((m) => m.id))
  const first = s.receiver.processed.filter((r) => ids.has(r.id) || Number(r.id) > Number(expected[0]?.id ?? 0))
  const firstIds = new Set(first.map((r) => r.id))
  assert.deepEqual(
    expected.filter((m) => !firstIds.has(m.id)).map((m) => m.id),
    [],
    `${label}: expected messages missing at the receiver`,
  )
  assert.deepEqual(
    first.filter((r) => !ids.has(r.id)).map((r) => `${r.id} ${r.topic} ${r.dossierId}`),
    [],
    `${label}: messages arrived that do not concern the client (or were not expected)`,
  )
  const byEvent = new Map<string, string>()
  for (const r of first) {
    const k = `${r.dossierId}#${r.seq}`
    assert.equal(byEvent.get(k) ?? r.id, r.id, `${label}: two message ids for the dossier event ${k}`)
    byEvent.set(k, r.id)
  }
  const want = new Map(expected.map((m) => [m.id, m]))
  for (const r of first) {
    const m = want.get(r.id)
    assert.ok(m)
    assert.equal(r.dossierId, m.dossierId, `${label}: message ${r.id} names another dossier`)
    assert.equal(r.seq, m.seq, `${label}: message ${r.id} carries another seq`)
  }
  const lastSeq = new Map<string, number>()
  const outOfOrder: string[] = []
  for (const r of first) {
    const prev = lastSeq.get(r.dossierId)
    if (prev !== undefined && r.seq <= prev) outOfOrder.push(`${r.dossierId}: seq ${r.seq} after ${prev}`)
    lastSeq.set(r.dossierId, r.seq)
  }
  assert.deepEqual(outOfOrder, [], `${label}: deliveries out of order per dossier`)
  const relevant = s.receiver.requests.filter((r) => ids.has(r.id))
  assert.deepEqual(
    relevant.filter((r) => !r.signatureOk).map((r) => r.id),
    [],
    `${label}: requests with a bad webhook-signature`,
  )
  const states = await deliveryStates(s)
  assert.equal(states.pending ?? 0, 0, `${label}: deliveries still pending ${JSON.stringify(states)}`)
  assert.equal(states.dead ?? 0, 0, `${label}: dead deliveries ${JSON.stringify(states)}`)
  const duplicates = s.receiver.duplicates.filter((r) => ids.has(r.id))
  t.diagnostic(
    `${label}: ${expected.length} messages about ${new Set(expected.map((m) => m.dossierId)).size} dossiers ` +
      `arrived once after de-duplication; ${relevant.length} requests, ${duplicates.length} duplicate deliveries` +
      (duplicates.length ? ` (ids ${[...new Set(duplicates.map((d) => d.id))].join(', ')})` : ''),
  )
  return duplicates
}

// The two scenarios run side by side: the first spends most of its time waiting out the relay's lease.
describe('fault tolerance of the outbox relay: bin/motcua serve on PostgreSQL', { skip, concurrency: true }, () => {
  const cleanups: Cleanup[] = []
  after(async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {})
  })

  describe('one server, killed and restarted', { concurrency: false }, () => {
    let s: Setup
    let citizen: Session
    before(async () => {
      s = await freshServe(cleanups, 'all', 'http://node-a.test', crashLeaseMs)
    })

    test('a SIGKILL in the middle of a burst loses no acknowledged dossier and delivers every message once after de-duplication', async (t) => {
      const first = s.servers[0] as ServeProcess
      citizen = await demoLogin(first.base, 'citizen')
      const seedMessages = await expectedMessages(s)
      assert.ok(seedMessages.length > 200, `only ${seedMessages.length} seed messages`)
      let killedAt = 0
      const result = await burst([first.base], citizen, 60, 8, (n) => {
        if (n >= 20 && killedAt === 0) {
          killedAt = Date.now()
          first.child.kill('SIGKILL')
        }
      })
      await first.stop('SIGKILL')
      const processedAtKill = s.receiver.processed.length
      const consumer = `webhook:${s.subscriptionId}`
      t.diagnostic(
        `burst: ${result.acknowledged.length} acknowledged, ${result.refused} refused, ${result.failed} failed (killed ` +
          `after 20 acknowledgements); the receiver had processed ${processedAtKill} of ${seedMessages.length}+ messages`,
      )
      assert.ok(result.acknowledged.length >= 20)
      assert.ok(result.failed > 0, 'the kill cut no request short: it came after the burst')
      // Deliveries the killed relay had claimed (leased) but not finished: due again when the lease ends.
      const orphaned = await sql<{ message_key: string; held: number }>`
        SELECT l.message_key, (SELECT count(*)::int FROM outbox_deliveries f
          WHERE f.consumer = l.consumer AND f.message_key = l.message_key AND f.state = 'pending') AS held
        FROM outbox_deliveries l
        WHERE l.state = 'pending' AND l.next_attempt_at > now() AND l.consumer = ${consumer}`.execute(s.db)
      const leases = await sql<{ ms: number | null }>`
        SELECT max(extract(epoch FROM next_attempt_at - now()) * 1000)::float8 AS ms FROM outbox_deliveries
        WHERE state = 'pending' AND attempts = 0 AND consumer = ${consumer}`.execute(s.db)
      assert.ok((leases.rows[0]?.ms ?? 0) <= crashLeaseMs, `a lease ends ${leases.rows[0]?.ms} ms from now`)
      const statesAtKill = await deliveryStates(s)
      t.diagnostic(
        `deliveries leased by the killed process: ${orphaned.rows.length}, holding back ` +
          `${orphaned.rows.reduce((n, r) => n + r.held, 0)} messages of their dossiers until the lease ends; ` +
          `deliveries at the kill: ${JSON.stringify(statesAtKill)}`,
      )

      const restarted = await startServe(serveEnv(s.url, 'http://node-a.test', crashLeaseMs), s.dataDir)
      s.servers.push(restarted)
      const restartStarted = Date.now()
      await restarted.healthy(60_000)
      const healthyAt = Date.now()
      const took = await allArrived(s, () => expectedMessages(s), recoveryTimeoutMs)
      const afterRestart = s.receiver.processed.slice(processedAtKill).map((r) => r.at - healthyAt)
      const perFive = new Map<number, number>()
      for (const ms of afterRestart) {
        const bucket = Math.floor(ms / 5_000) * 5
        perFive.set(bucket, (perFive.get(bucket) ?? 0) + 1)
      }
      t.diagnostic(
        `restart healthy in ${healthyAt - restartStarted} ms; all messages arrived ${took} ms after health, ` +
          `${Date.now() - killedAt - 2_000} ms after the kill; arrivals per 5 s after health: ` +
          [...perFive].map(([sec, n]) => `${sec}s:${n}`).join(' '),
      )

      const expected = await expectedMessages(s)
      // Every acknowledged dossier's submission arrived.
      const submitted = new Set(
        s.receiver.processed.filter((r) => r.topic === 'dossier.submitted').map((r) => r.dossierId),
      )
      assert.deepEqual(
        result.acknowledged.filter((d) => !submitted.has(d.id)).map((d) => d.id),
        [],
        'acknowledged dossiers whose dossier.submitted never arrived',
      )
      const committed = new Set(expected.filter((m) => m.topic === 'dossier.submitted').map((m) => m.dossierId))
      for (const d of result.acknowledged)
        assert.ok(committed.has(d.id), `acknowledged dossier ${d.id} not in the outbox`)
      // Seed dossiers' messages are among the expected ones, and all arrived once, in order.
      const seedIds = new Set(seedMessages.map((m) => m.id))
      assert.equal(s.receiver.processed.filter((r) => seedIds.has(r.id)).length, seedMessages.length)
      const duplicates = await assertExactlyOnceInOrder(t, s, expected, 'kill mid-burst')
      t.diagnostic(
        `unacknowledged but committed submissions (delivered too): ${committed.size - seedMessages.filter((m) => m.topic === 'dossier.submitted').length - result.acknowledged.length}; ` +
          `duplicates after the crash: ${duplicates.length}`,
      )
    })

    test('a partner down (503) during a burst, then up, receives everything exactly once after de-duplication, in order', async (t) => {
      let server = s.servers.at(-1) as ServeProcess
      if (server.child.exitCode !== null || server.child.signalCode !== null) {
        server = await startServe(serveEnv(s.url, 'http://node-a.test', crashLeaseMs), s.dataDir)
        s.servers.push(server)
        await server.healthy(60_000)
      }
      citizen ??= await demoLogin(server.base, 'citizen')
      const counter = await demoLogin(server.base, 'counter_officer')
      const before = await maxOutboxId(s.db)
      const requestsBefore = s.receiver.requests.length
      s.receiver.unavailable = true
      t.after(() => {
        s.receiver.unavailable = false
      })
      const result = await burst([server.base], citizen, 20, 4)
      assert.equal(result.acknowledged.length, 20)
      // A second and third event per dossier while the partner is down: reception, transfer.
      await Promise.all(
        result.acknowledged.map(async (d) => {
          const received = await post(server.base, counter, `/api/dossiers/${d.id}/reception`, {
            expectedVersion: d.version,
          })
          assert.equal(received.status, 200, await received.clone().text())
          const v = (await received.json()) as { version: number }
          const transferred = await post(server.base, counter, `/api/dossiers/${d.id}/transfer`, {
            expectedVersion: v.version,
          })
          assert.equal(transferred.status, 200, await transferred.clone().text())
          await transferred.arrayBuffer()
        }),
      )
      // The partner comes back only once the relay has met the outage: every command above was made while
      // it was down, however long they took on a loaded machine.
      const metOutage = () => s.receiver.requests.slice(requestsBefore).some((r) => r.status === 503)
      for (let waited = 0; !metOutage() && waited < 30_000; waited += 100) await pause(100)
      s.receiver.unavailable = false
      const refusedWhileDown = s.receiver.requests.slice(requestsBefore).filter((r) => r.status === 503).length
      assert.ok(refusedWhileDown > 0, 'the relay did not try the partner while it was down')
      const took = await allArrived(s, () => expectedMessages(s, before), 60_000)
      const expected = await expectedMessages(s, before)
      assert.equal(expected.length, 60)
      t.diagnostic(`${refusedWhileDown} requests answered 503 during the outage; all arrived ${took} ms after it ended`)
      await assertExactlyOnceInOrder(t, s, expected, 'partner down then up')
    })
  })

  describe('two servers on one database', { concurrency: false }, () => {
    let s: Setup
    before(async () => {
      s = await freshServe(cleanups, 'agency', 'http://node-a.test')
      const second = await startServe(serveEnv(s.url, 'http://node-b.test'), s.dataDir)
      s.servers.push(second)
      await second.healthy(60_000)
    })

    test('a burst split across both servers is delivered exactly once, in order per dossier', async (t) => {
      const [a, b] = s.servers as [ServeProcess, ServeProcess]
      // Let the seed messages drain first, so the burst is what both relays share. The relay's
      // signed-documents consumer signs the seed's issued results and so appends
      // electronic-result-issued events: the seed is what the log holds once that work is done.
      await seedSettled(s, 60_000)
      const seed = await expectedMessages(s)
      const before = await maxOutboxId(s.db)
      const citizen = await demoLogin(a.base, 'citizen')
      const counter = await demoLogin(b.base, 'counter_officer')
      const result = await burst([a.base, b.base], citizen, 60, 8)
      assert.equal(result.acknowledged.length, 60)
      // Receptions on the other server than the submission, so one dossier's events come from both.
      await Promise.all(
        result.acknowledged.map(async (d, i) => {
          const res = await post(i % 2 ? a.base : b.base, counter, `/api/dossiers/${d.id}/reception`, {
            expectedVersion: d.version,
          })
          assert.equal(res.status, 200, await res.clone().text())
          await res.arrayBuffer()
        }),
      )
      await allArrived(s, () => expectedMessages(s, before), 60_000)
      const expected = await expectedMessages(s, before)
      assert.equal(expected.length, 120)
      const duplicates = await assertExactlyOnceInOrder(t, s, expected, 'two servers')
      assert.deepEqual(
        duplicates.map((d) => d.id),
        [],
        'duplicate deliveries without any failure',
      )
      const all = await assertExactlyOnceInOrder(t, s, [...seed, ...expected], 'two servers, with the seed')
      assert.equal(all.length, 0)
      const ids = new Set(expected.map((m) => m.id))
      const bySource = new Map<string, number>()
      for (const r of s.receiver.processed.filter((x) => ids.has(x.id)))
        bySource.set(r.source, (bySource.get(r.source) ?? 0) + 1)
      t.diagnostic(`burst deliveries by process: ${JSON.stringify(Object.fromEntries(bySource))}`)
      assert.equal(bySource.size, 2, `only one relay delivered: ${JSON.stringify(Object.fromEntries(bySource))}`)
    })
  })
})
