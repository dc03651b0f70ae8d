import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { after, before, describe, test } from 'node:test'
import {
  PortalCredentialsRefused,
  PortalUnavailable,
  portalClient,
} from '../src/adapters/national-portal/portal-client.ts'
import type { PortalRecord } from '../src/adapters/national-portal/portal-record.ts'
import { type PortalSyncOptions, reconcile } from '../src/app/portal/sync-dossier.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { type Consumer, type OutboxMessage, PermanentFailure } from '../src/jobs/consumer.ts'
import { nationalPortalConsumer } from '../src/jobs/national-portal-consumer.ts'
import { defaultRetryPolicy, relayOnce } from '../src/jobs/outbox-relay.ts'
import { outOfSync, syncRate } from '../src/store/portal/portal-sync.ts'
import { decisionFor } from './support/declaration-samples.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from './support/fake-national-portal.ts'
import { runCommand, submitOnline } from './support/http-dossier.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

const publicBaseUrl = 'https://motcua.khanhhoa.gov.vn'

describe(`the national portal sync on ${engineName}`, () => {
  let t: TestApp
  let portal: FakeNationalPortal
  let options: PortalSyncOptions
  let consumer: Consumer
  let who: Record<string, Record<string, string>>
  let specialistId: string
  let cursor = 0

  before(async () => {
    t = await createTestApp()
    portal = await startFakeNationalPortal()
    const client = portalClient({ baseUrl: portal.baseUrl, apiKey: portal.apiKey, timeoutMs: 300 })
    options = { db: t.database.db, client, publicBaseUrl }
    consumer = nationalPortalConsumer(options)
    who = {
      citizen: await signedIn(t, { citizen: { identityNumber: '056190007777', name: 'Phan Thị Đồng Bộ' } }),
      counter: await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] }),
      leader: await signedIn(t, { grants: [{ role: 'leader', agencyId: 'xa-22333' }] }),
      specialist: await signedIn(t, { grants: [{ role: 'specialist', agencyId: 'xa-22333' }], name: 'Võ Đức Sơn' }),
      clerk: await signedIn(t, { grants: [{ role: 'clerk', agencyId: 'xa-22333' }] }),
    }
    specialistId = (await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: who.specialist })).json<{
      user: { id: string }
    }>().user.id
  })
  after(async () => {
    await portal.close()
    await t.close()
  })

  const run = (as: string, d: DossierView, path: string, body: object = {}) =>
    runCommand(t, who[as] ?? {}, d, path, body)
  const submit = () => submitOnline(t, who.citizen ?? {})
  const received = async () => run('counter', await submit(), 'reception')

  /** The outbox messages after the cursor, in order, as the relay hands them over. */
  async function pending(): Promise<OutboxMessage[]> {
    const rows = await t.database.db.selectFrom('outbox').selectAll().where('id', '>', cursor).orderBy('id').execute()
    return rows.map((r) => ({
      id: r.id,
      topic: r.topic,
      key: r.message_key,
      payload: r.payload as OutboxMessage['payload'],
      createdAt: r.created_at,
    }))
  }

  /** Plays the relay: delivers every new message to the portal consumer, in order. */
  async function relay(): Promise<OutboxMessage[]> {
    const messages = await pending()
    for (const m of messages) {
      if (consumer.accepts(m)) await consumer.deliver(m)
      cursor = m.id
    }
    return messages
  }

  let clock = new Date()
  /**
   * One round of the real relay (fan-out, claims, backoff in outbox_deliveries) with the portal
   * consumer alone, its clock moved past any backoff first; returns the HTTP requests the round made.
   */
  async function relayRound(): Promise<number> {
    const before = portal.requests.length
    clock = new Date(clock.getTime() + 60 * 60_000)
    await relayOnce(t.database.db, [consumer], { policy: defaultRetryPolicy, clock: () => clock })
    return portal.requests.length - before
  }

  /** [state, attempts] of the portal's deliveries of a dossier's messages, in order. */
  const deliveriesOf = async (dossierId: string) =>
    (
      await t.database.db
        .selectFrom('outbox_deliveries')
        .select(['state', 'attempts'])
        .where('consumer', '=', consumer.name)
        .where('message_key', '=', dossierId)
        .orderBy('message_id')
        .execute()
    ).map((r) => [r.state, r.attempts])

  /** Lets the messages so far go undelivered, as if the relay had lost them. */
  async function lose(): Promise<void> {
    cursor = (await pending()).at(-1)?.id ?? cursor
  }

  const acceptedFor = (code: string | null) => portal.accepted.filter((r) => r.MaHoSo === code) as PortalRecord[]

  const syncedVersion = async (id: string) =>
    (await t.database.db
      .selectFrom('portal_sync')
      .select(['synced_version', 'last_error'])
      .where('dossier_id', '=', id)
      .executeTakeFirst()) ?? null

  test('a dossier’s whole life reaches the portal: one record per change, statuses in order, result link at the end', async () => {
    let d = await submit()
    await relay()
    assert.equal(await syncedVersion(d.id), null, 'an online submission not yet received is not sent')
    const statuses: number[] = []
    const steps: [string, string, object?][] = [
      ['counter', 'reception'],
      ['counter', 'transfer'],
      ['leader', 'assignment', { assigneeId: specialistId, assigneeName: 'Võ Đức Sơn' }],
      ['specialist', 'appraisal', { outcome: 'approve', note: 'Đủ điều kiện', ...decisionFor('1.001193') }],
      ['leader', 'approval'],
      ['clerk', 'issuance', { resultNumber: '25/GKS' }],
      ['counter', 'result-return', { method: 'counter' }],
    ]
    for (const [as, path, body] of steps) {
      d = await run(as, d, path, body)
      statuses.push(d.status)
      await relay()
    }
    const records = acceptedFor(d.code)
    assert.deepEqual(
      records.map((r) => r.TrangThaiHoSo),
      statuses,
    )
    assert.deepEqual(statuses, [2, 4, 4, 4, 4, 9, 10])
    const last = records.at(-1)
    assert.ok(last)
    assert.equal(last.PhienBan, d.version)
    assert.deepEqual(
      last.LichSuTrangThai.map((s) => s.TrangThai),
      [1, 2, 4, 9, 10],
    )
    assert.equal(last.MaTTHC, '1.001193')
    assert.equal(last.KenhThucHien, 2)
    const result = last.DanhSachGiayToKetQua[0]
    assert.equal(result?.MaKetQua, '25/GKS')
    assert.match(
      result?.DuongDanTepTinKetQua ?? '',
      new RegExp(`^${publicBaseUrl}/api/dossiers/${d.id}/files/[0-9a-f]{64}$`),
    )
    assert.ok(d.declaration, 'the birth registration was submitted with its declaration')
    assert.deepEqual(
      last.ToKhai,
      { PhienBanBieuMau: d.declaration?.formVersion, DuLieu: d.declaration?.data },
      'the portal gets the declaration as declared, on its form version',
    )
    assert.equal(last.NgayTiepNhan, '20261126100000', 'Vietnam time of the fixed test clock')
    assert.deepEqual(await syncedVersion(d.id), { synced_version: d.version, last_error: null })
  })

  test('redelivering old messages sends nothing: the portal already holds the current version', async () => {
    const d = await run('counter', await received(), 'transfer')
    const messages = await relay()
    const before = portal.requests.length
    for (const m of messages.filter((m) => m.key === d.id).reverse()) await consumer.deliver(m)
    assert.equal(portal.requests.length, before)
  })

  test('a record the portal finds malformed is refused with 400 and reported as a permanent failure', async () => {
    const d = await received()
    const message = (await pending()).find((m) => m.key === d.id)
    assert.ok(message)
    await lose()
    const broken = nationalPortalConsumer({
      ...options,
      client: { send: (r) => options.client.send({ ...r, NgayTiepNhan: '2026-11-26' }) },
    })
    await assert.rejects(broken.deliver(message), (error: Error) => {
      assert.ok(error instanceof PermanentFailure, String(error))
      assert.match(error.message, /HTTP 400 Trường NgayTiepNhan phải là thời điểm dạng yyyyMMddHHmmss/)
      return true
    })
    assert.equal(portal.requests.at(-1)?.status, 400)
    assert.match((await syncedVersion(d.id))?.last_error ?? '', /NgayTiepNhan/)
    assert.equal((await syncedVersion(d.id))?.synced_version, 0)
  })

  test('a missing or unknown field is refused by name', async () => {
    const first = portal.accepted[0] as PortalRecord
    const { DanhSachPhiLePhi: _, ...withoutFee } = first
    await assert.rejects(options.client.send(withoutFee as PortalRecord), /Trường DanhSachPhiLePhi là bắt buộc/)
    await assert.rejects(
      options.client.send({ ...first, TrangThai: 2 } as PortalRecord),
      /Trường TrangThai không thuộc danh mục trường đồng bộ/,
    )
  })

  test('503s and a timeout: one HTTP attempt per relay claim, and the relay’s retries bring the record', async () => {
    await relayRound() // what earlier tests left unrelayed, so the rounds below carry only this dossier
    await lose()
    let d = await received()
    portal.failNext(2)
    assert.equal(await relayRound(), 1, 'one attempt in the first claim')
    assert.deepEqual(
      await deliveriesOf(d.id),
      [
        ['pending', 1],
        ['pending', 0],
      ],
      'the next message waits its turn',
    )
    assert.equal(await relayRound(), 1, 'one attempt in the second claim')
    assert.equal(await relayRound(), 1, 'one attempt in the third claim')
    assert.deepEqual(
      portal.requests.slice(-3).map((r) => r.status),
      [503, 503, 200],
    )
    // The reception's message finds the portal already holding the version: delivered without a request.
    assert.deepEqual(await deliveriesOf(d.id), [
      ['delivered', 3],
      ['delivered', 1],
    ])
    assert.equal(acceptedFor(d.code).at(-1)?.PhienBan, d.version)

    d = await run('counter', d, 'transfer')
    portal.delayNext(1_000)
    const before = portal.requests.length
    assert.equal(await relayRound(), 1, 'the attempt that timed out is the claim’s only one')
    assert.equal(await relayRound(), 1)
    assert.deepEqual(
      portal.requests.slice(before).map((r) => r.status),
      [null, 200],
      'the first claim timed out, the relay’s retry was acknowledged',
    )
    assert.equal(acceptedFor(d.code).filter((r) => r.PhienBan === d.version).length, 1, 'stored once')
    assert.deepEqual(await syncedVersion(d.id), { synced_version: d.version, last_error: null })

    portal.dropEvery(2)
    try {
      const steps: [string, string, object?][] = [
        ['leader', 'assignment', { assigneeId: specialistId, assigneeName: 'Võ Đức Sơn' }],
        ['specialist', 'appraisal', { outcome: 'approve', note: 'Đủ điều kiện', ...decisionFor('1.001193') }],
        ['leader', 'approval'],
      ]
      for (const [as, path, body] of steps) {
        d = await run(as, d, path, body)
        for (let round = 0; round < 4 && (await syncedVersion(d.id))?.synced_version !== d.version; round++)
          assert.equal(await relayRound(), 1, 'one attempt per claim')
      }
    } finally {
      portal.dropEvery(0)
    }
    assert.ok(portal.requests.some((r) => r.status === 500))
    assert.deepEqual(await syncedVersion(d.id), { synced_version: d.version, last_error: null })
    await lose()
  })

  test('a portal that is down fails the delivery after one attempt, remembers why, and a later retry sends it', async () => {
    const d = await received()
    portal.failNext(100)
    const before = portal.requests.length
    try {
      await assert.rejects(relay(), (error: Error) => error instanceof PortalUnavailable)
    } finally {
      portal.failNext(0)
    }
    assert.equal(portal.requests.length - before, 1, 'the client does not retry on its own')
    assert.match((await syncedVersion(d.id))?.last_error ?? '', /HTTP 503/)
    await relay()
    assert.deepEqual(await syncedVersion(d.id), { synced_version: d.version, last_error: null })
  })

  test('a wrong API key is a configuration problem, not the message’s: retried later, never dropped', async () => {
    const wrong = portalClient({ baseUrl: portal.baseUrl, apiKey: 'sai', timeoutMs: 300 })
    const record = portal.accepted[0] as PortalRecord
    await assert.rejects(wrong.send(record), (error: Error) => {
      assert.ok(error instanceof PortalCredentialsRefused)
      assert.ok(!(error instanceof PermanentFailure))
      return true
    })
  })

  test('reconciliation lists exactly the out-of-sync received dossiers and re-sends them', async () => {
    await relay()
    await reconcile(options)
    assert.deepEqual(await outOfSync(t.database.db), [])
    assert.equal((await syncRate(t.database.db)).rate, 1)

    const behind = await received()
    await relay()
    const advanced = await run('counter', behind, 'transfer')
    const never = await received()
    await submit()
    await lose()
    const inSync = await received()
    await relay()

    const listed = await outOfSync(t.database.db)
    assert.deepEqual(
      listed.map((r) => ({ code: r.code, version: r.version, syncedVersion: r.syncedVersion })),
      [
        { code: advanced.code, version: advanced.version, syncedVersion: behind.version },
        { code: never.code, version: never.version, syncedVersion: 0 },
      ],
    )
    const rate = await syncRate(t.database.db)
    assert.equal(rate.received - rate.synced, 2)
    assert.ok(!listed.some((r) => r.code === inSync.code))

    const before = portal.requests.length
    assert.deepEqual(await reconcile(options), { outOfSync: 2, sent: 2, failed: [] })
    assert.equal(portal.requests.length - before, 2, 'only the two out-of-sync dossiers were sent')
    assert.equal(acceptedFor(advanced.code).at(-1)?.PhienBan, advanced.version)
    assert.equal(acceptedFor(never.code).at(-1)?.PhienBan, never.version)
    assert.deepEqual(await outOfSync(t.database.db), [])
    assert.equal((await syncRate(t.database.db)).rate, 1)
  })
})

test('portal reconcile without PORTAL_BASE_URL and PORTAL_API_KEY says so in Vietnamese and English', () => {
  const script = [
    "import { Command } from 'commander'",
    "import { addPortalCommands } from './src/cli/portal-commands.ts'",
    "const program = new Command('motcua')",
    "addPortalCommands(program, ['--data-dir <dir>', 'data', './data'])",
    "await program.parseAsync(['node', 'motcua', 'portal', 'reconcile'])",
  ].join('\n')
  const env = { ...process.env }
  delete env.PORTAL_BASE_URL
  delete env.PORTAL_API_KEY
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env })
  assert.equal(result.status, 2, result.stderr)
  assert.match(result.stderr, /chưa cấu hình Cổng DVCQG, thiếu biến môi trường PORTAL_BASE_URL, PORTAL_API_KEY/)
  assert.match(result.stderr, /set PORTAL_BASE_URL, PORTAL_API_KEY/)
})
