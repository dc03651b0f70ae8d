import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { inboundClient } from '../../src/adapters/national-portal/inbound-client.ts'
import { PortalUnavailable } from '../../src/adapters/national-portal/portal-client.ts'
import { pullPetitionsOnce } from '../../src/app/petitions/pull-portal-petitions.ts'
import { workingDaysFromDatabase } from '../../src/store/calendar/working-days-cache.ts'
import type { OpenDatabase } from '../../src/store/database.ts'
import { agencyCalendars } from '../../src/store/dossiers/agency-calendars.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from '../support/fake-national-portal.ts'
import { inboundPetition } from '../support/inbound-petitions.ts'
import { fixedNow } from '../support/test-app.ts'
import { createTestDatabase, engineName } from '../support/test-database.ts'

/**
 * Issue 16 §3 by pull (PORTAL_INBOUND_MODE=pull): the platform's petition feed, read with a cursor by
 * one instance at a time, gives one petition per MaPAKNQuocGia however the feed repeats or reorders
 * them, and a failing or slow platform skips none (rules.md "Petitions", from the national portal).
 */
describe(`pulled national-portal petitions are received once on ${engineName}`, () => {
  let portal: FakeNationalPortal
  let database: OpenDatabase
  before(async () => {
    portal = await startFakeNationalPortal()
    database = await createTestDatabase()
  })
  after(async () => {
    await database.close()
    await portal.close()
  })
  const deps = (timeoutMs = 2_000) => ({
    db: database.db,
    calendars: agencyCalendars(database.db, workingDaysFromDatabase(database.db)),
    now: () => fixedNow,
    client: inboundClient({ baseUrl: portal.baseUrl, apiKey: portal.apiKey, timeoutMs }),
  })
  const options = { holder: 'kiem-thu', leaseMs: 30_000, pageSize: 2, maxPages: 10 }
  const petitionsOf = (portalId: string) =>
    database.db.selectFrom('petitions').select(['code', 'channel']).where('external_id', '=', portalId).execute()
  const cursor = async () =>
    (await database.db.selectFrom('portal_petition_cursor').select('cursor').executeTakeFirstOrThrow()).cursor

  test('duplicates, out of order and a 5xx in between: one petition per portal id, none skipped', async () => {
    const [a, b, c] = [inboundPetition(), inboundPetition(), inboundPetition()] as const
    const start = Number((await cursor()) ?? 0)
    // c was sent first but arrives last; a and b come twice.
    portal.inbound.petitions.enqueue(b, a, b, a, c)
    portal.failNext(1)
    await assert.rejects(pullPetitionsOnce(deps(), options), PortalUnavailable)
    const round = await pullPetitionsOnce(deps(), options)
    assert.deepEqual(round, { kind: 'pulled', pages: 3, items: 5, cursor: String(start + 5) })
    for (const p of [a, b, c])
      assert.deepEqual(
        (await petitionsOf(p.MaPAKNQuocGia)).map((r) => r.channel),
        ['national-portal'],
        p.MaPAKNQuocGia,
      )
  })

  test('the feed replayed from the start receives nothing new', async () => {
    const petition = inboundPetition()
    portal.inbound.petitions.enqueue(petition)
    await pullPetitionsOnce(deps(), options)
    const code = (await petitionsOf(petition.MaPAKNQuocGia))[0]?.code
    await database.db.updateTable('portal_petition_cursor').set({ cursor: null }).execute()
    await pullPetitionsOnce(deps(), { ...options, pageSize: 50, maxPages: 100 })
    assert.deepEqual(await petitionsOf(petition.MaPAKNQuocGia), [{ code, channel: 'national-portal' }])
  })

  test('a platform slower than the timeout fails the round and leaves the cursor where it was', async () => {
    const before = await cursor()
    portal.inbound.petitions.enqueue(inboundPetition())
    portal.delayNext(1_500)
    await assert.rejects(pullPetitionsOnce(deps(500), options), PortalUnavailable)
    assert.equal(await cursor(), before)
  })

  test('the next round after a slow one takes in what it missed', async () => {
    const petition = inboundPetition()
    portal.inbound.petitions.enqueue(petition)
    portal.delayNext(1_500)
    await assert.rejects(pullPetitionsOnce(deps(500), options), PortalUnavailable)
    await pullPetitionsOnce(deps(), options)
    assert.equal((await petitionsOf(petition.MaPAKNQuocGia)).length, 1)
  })

  test('while one instance holds the feed, another’s round does not read it', async () => {
    await database.db
      .insertInto('job_leases')
      .values({
        job: 'portal-petitions-pull',
        holder: 'other-server',
        expires_at: new Date(fixedNow.getTime() + 60_000),
      })
      .execute()
    const requests = portal.inbound.petitions.pageRequests.length
    const round = await pullPetitionsOnce(deps(), options)
    await database.db.deleteFrom('job_leases').where('holder', '=', 'other-server').execute()
    assert.deepEqual([round, portal.inbound.petitions.pageRequests.length], [{ kind: 'leased-elsewhere' }, requests])
  })

  test('a body off the schema is kept as a refusal, skipped, and the cursor moves past it', async () => {
    const good = inboundPetition()
    const bad = { ...inboundPetition(), TieuDe: '' }
    const start = Number((await cursor()) ?? 0)
    portal.inbound.petitions.enqueue(bad, good)
    await pullPetitionsOnce(deps(), options)
    const refusals = await database.db
      .selectFrom('portal_petition_refusals')
      .select(['claimed_portal_id', 'portal_id', 'reason', 'received_via'])
      .where('claimed_portal_id', '=', bad.MaPAKNQuocGia)
      .execute()
    assert.deepEqual(
      [refusals, (await petitionsOf(good.MaPAKNQuocGia)).length, await cursor()],
      [
        [{ claimed_portal_id: bad.MaPAKNQuocGia, portal_id: null, reason: 'invalid-body', received_via: 'pull' }],
        1,
        String(start + 2),
      ],
    )
  })
})
