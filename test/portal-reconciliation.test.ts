import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { portalClient } from '../src/adapters/national-portal/portal-client.ts'
import { portalListingClient } from '../src/adapters/national-portal/portal-listing.ts'
import { compareWindow, type ReconcileDeps, reconcileWindow } from '../src/app/portal/reconcile-with-portal.ts'
import { repullNationalDossier, resendDossier } from '../src/app/portal/resync-from-reconciliation.ts'
import { DossierStatus } from '../src/domain/dossier/status.ts'
import type { Comparison } from '../src/domain/portal/reconciliation.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import type { Consumer } from '../src/jobs/consumer.ts'
import { nationalPortalConsumer } from '../src/jobs/national-portal-consumer.ts'
import { defaultRetryPolicy, relayOnce } from '../src/jobs/outbox-relay.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from './support/fake-national-portal.ts'
import { runCommand, submitOnline } from './support/http-dossier.ts'
import { inboundDossier, intakeDepsOf } from './support/inbound-dossiers.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

const day = { from: '2026-11-26', to: '2026-11-26' }

describe(`reconciliation with the national portal on ${engineName}`, () => {
  let t: TestApp
  let portal: FakeNationalPortal
  let consumer: Consumer
  let deps: ReconcileDeps
  let listing: ReturnType<typeof portalListingClient>
  let who: Record<string, Record<string, string>>
  let clock = new Date()

  before(async () => {
    t = await createTestApp()
    portal = await startFakeNationalPortal()
    const client = portalClient({ baseUrl: portal.baseUrl, apiKey: portal.apiKey, timeoutMs: 2_000 })
    consumer = nationalPortalConsumer({ db: t.database.db, client, publicBaseUrl: 'https://motcua.khanhhoa.gov.vn' })
    listing = portalListingClient({ baseUrl: portal.baseUrl, apiKey: portal.apiKey, timeoutMs: 2_000 })
    deps = { db: t.database.db, listing, now: () => new Date() }
    who = {
      citizen: await signedIn(t, { citizen: { identityNumber: '056190008888', name: 'Trần Văn Đối Soát' } }),
      counter: await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] }),
    }
  })
  after(async () => {
    await portal.close()
    await t.close()
  })

  /** One round of the real relay with the portal consumer alone, past any backoff. */
  async function relay(): Promise<void> {
    clock = new Date(clock.getTime() + 60 * 60_000)
    await relayOnce(t.database.db, [consumer], { policy: defaultRetryPolicy, clock: () => clock })
  }

  /** Marks every message so far delivered to the portal consumer without sending: the portal never hears of them. */
  async function lose(): Promise<void> {
    await relayOnce(t.database.db, [{ ...consumer, deliver: async () => {} }], {
      policy: defaultRetryPolicy,
      clock: () => clock,
    })
  }

  const received = async (): Promise<DossierView> => {
    const d = await runCommand(t, who.counter ?? {}, await submitOnline(t, who.citizen ?? {}), 'reception')
    await relay()
    return d
  }

  const findLocal = (c: Comparison, dossierId: string) => ({
    motcuaOnly: c.motcuaOnly.some((d) => d.dossierId === dossierId),
    mismatched: c.mismatched.some((m) => m.local.dossierId === dossierId),
  })

  test('a received dossier the portal acknowledged is in step', async () => {
    const before = (await compareWindow(deps, day)).inStep
    await received()
    assert.equal((await compareWindow(deps, day)).inStep - before, 1)
  })

  test('a received dossier whose record the portal lost is motcua-only', async () => {
    const d = await received()
    portal.records.delete(d.code as string)
    assert.equal(findLocal(await compareWindow(deps, day), d.id).motcuaOnly, true)
  })

  test('a later status that never reached the portal is a mismatch carrying both statuses', async () => {
    const d = await runCommand(t, who.counter ?? {}, await received(), 'transfer')
    await lose()
    const mismatch = (await compareWindow(deps, day)).mismatched.find((m) => m.local.dossierId === d.id)
    assert.deepEqual([mismatch?.local.status, mismatch?.portal.status], [d.status, DossierStatus.Received])
  })

  test('a national dossier the portal has and motcua never took in is portal-only', async () => {
    const national = inboundDossier(portal)
    portal.inbound.enqueue(national)
    const c = await compareWindow(deps, day)
    assert.ok(c.portalOnly.some((p) => p.nationalId === national.MaHoSoQuocGia))
  })

  test('the whole list is read page after page', async () => {
    portal.listingPageSize(1)
    try {
      const national = inboundDossier(portal)
      portal.inbound.enqueue(national)
      const before = portal.listingRequests.length
      const c = await compareWindow(deps, day)
      assert.ok(c.portalOnly.some((p) => p.nationalId === national.MaHoSoQuocGia))
      assert.ok(portal.listingRequests.length - before > 2, 'more than two pages were asked for')
    } finally {
      portal.listingPageSize(50)
    }
  })

  test('re-sending a mismatched dossier through the outbox makes the portal agree', async () => {
    const d = await runCommand(t, who.counter ?? {}, await received(), 'transfer')
    await lose()
    const before = await compareWindow(deps, day)
    await resendDossier(t.database.db, { dossierId: d.id, actor: 'test', now: new Date() })
    await relay()
    const after = await compareWindow(deps, day)
    assert.deepEqual(
      [findLocal(before, d.id).mismatched, findLocal(after, d.id).mismatched, after.inStep - before.inStep],
      [true, false, 1],
    )
  })

  test('re-sending a dossier the portal lost brings its current version back', async () => {
    const d = await received()
    portal.records.delete(d.code as string)
    await resendDossier(t.database.db, { dossierId: d.id, actor: 'test', now: new Date() })
    await relay()
    assert.equal((portal.records.get(d.code as string) as { PhienBan?: number } | undefined)?.PhienBan, d.version)
  })

  test('a re-send is audited with the version the portal had acknowledged', async () => {
    const d = await received()
    await resendDossier(t.database.db, { dossierId: d.id, actor: 'quan-tri-tinh', now: new Date() })
    const row = await t.database.db
      .selectFrom('audit_log')
      .select(['actor', 'before', 'after'])
      .where('subject', '=', `dossier:${d.id}`)
      .where('action', '=', 'portal-reconciliation.resend')
      .executeTakeFirstOrThrow()
    assert.deepEqual(row, {
      actor: 'quan-tri-tinh',
      before: { acknowledgedVersion: d.version },
      after: { resendVersion: d.version },
    })
  })

  test('re-pulling a missing national dossier twice takes it in exactly once', async () => {
    const national = inboundDossier(portal)
    portal.inbound.enqueue(national)
    const intake = { ...intakeDepsOf(t, portal), listing }
    const request = { nationalId: national.MaHoSoQuocGia, actor: 'test' }
    const [first, second] = [await repullNationalDossier(intake, request), await repullNationalDossier(intake, request)]
    const made = await t.database.db
      .selectFrom('portal_intakes')
      .select('dossier_id')
      .where('national_id', '=', national.MaHoSoQuocGia)
      .execute()
    assert.deepEqual(
      [first.kind, second.kind, made.length, 'dossierId' in second && second.dossierId === made[0]?.dossier_id],
      ['created', 'created', 1, true],
    )
  })

  test('a re-pulled national dossier is in step with the portal afterwards', async () => {
    const national = inboundDossier(portal)
    portal.inbound.enqueue(national)
    await repullNationalDossier(
      { ...intakeDepsOf(t, portal), listing },
      { nationalId: national.MaHoSoQuocGia, actor: 't' },
    )
    const c = await compareWindow(deps, day)
    assert.equal(
      c.portalOnly.some((p) => p.nationalId === national.MaHoSoQuocGia),
      false,
    )
  })

  test('re-pulling a national id the portal does not have answers not-found and creates nothing', async () => {
    const before = await t.database.db.selectFrom('portal_intakes').select('national_id').execute()
    const outcome = await repullNationalDossier(
      { ...intakeDepsOf(t, portal), listing },
      { nationalId: 'G22.khong-co', actor: 'test' },
    )
    const after = await t.database.db.selectFrom('portal_intakes').select('national_id').execute()
    assert.deepEqual([outcome.kind, after.length], ['not-found', before.length])
  })

  test('a portal 5xx during a run leaves a failed run recorded and changes nothing else', async () => {
    const d = await received()
    portal.records.delete(d.code as string)
    const counts = async () =>
      Promise.all(
        (['outbox', 'portal_sync', 'portal_intakes', 'audit_log'] as const).map(async (table) =>
          Number(
            (
              await t.database.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      )
    const before = await counts()
    portal.failNext(1)
    const run = await reconcileWindow(deps, day, 'test')
    assert.deepEqual([run.state, run.items, await counts()], ['failed', null, before])
  })

  test('a run is kept with its counts and lists', async () => {
    const d = await received()
    portal.records.delete(d.code as string)
    const run = await reconcileWindow(deps, day, 'test')
    assert.deepEqual(
      [
        run.state,
        run.counts?.motcuaOnly === run.items?.motcuaOnly.length,
        run.items?.motcuaOnly.some((x) => x.dossierId === d.id),
      ],
      ['done', true, true],
    )
  })
})
