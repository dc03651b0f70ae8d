import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { PortalUnavailable } from '../src/adapters/national-portal/portal-client.ts'
import { pullOnce } from '../src/app/portal/intake-pull.ts'
import type { FakeNationalPortal } from './support/fake-national-portal.ts'
import { inboundDossier, intakeDepsOf } from './support/inbound-dossiers.ts'
import { type PushSetup, startPushSetup } from './support/inbound-push.ts'
import type { TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

/**
 * Issue 16 §1: a dossier submitted on the National Public Service Portal is one dossier in motcua
 * however often the platform delivers it — pushed twice, or pulled again as a duplicate or out of order.
 * The national dossier id (MaHoSoQuocGia) is the key (rules.md "Inbound dossiers from the national portal").
 */
describe(`an inbound dossier is received once on ${engineName}`, () => {
  let setup: PushSetup
  let portal: FakeNationalPortal
  let t: TestApp

  before(async () => {
    setup = await startPushSetup()
    ;({ portal, t } = setup)
  })
  after(() => setup.close())

  const dossiersOf = async (nationalId: string) =>
    t.database.db
      .selectFrom('portal_intakes as i')
      .innerJoin('dossiers as d', 'd.id', 'i.dossier_id')
      .select('d.id')
      .where('i.national_id', '=', nationalId)
      .execute()
  const dossierCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('dossiers')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  const push = (body: object) => setup.push('/api/portal/inbound-dossiers', body)

  test('pushed twice: created the first time, the second answer says it exists with the same motcua id', async () => {
    const before = await dossierCount()
    const dossier = inboundDossier(portal)
    const first = await push(dossier)
    assert.equal(first.statusCode, 201, first.body)
    const created = first.json<{ MaHoSoDiaPhuong: string; KetQua: string }>()
    assert.equal(created.KetQua, 'da_tiep_nhan')
    const second = await push(dossier)
    assert.equal(second.statusCode, 200, second.body)
    assert.deepEqual(second.json(), {
      MaHoSoQuocGia: dossier.MaHoSoQuocGia,
      MaHoSoDiaPhuong: created.MaHoSoDiaPhuong,
      KetQua: 'da_ton_tai',
    })
    assert.equal(await dossierCount(), before + 1)
    assert.deepEqual(await dossiersOf(dossier.MaHoSoQuocGia), [{ id: created.MaHoSoDiaPhuong }])
  })

  test('pulled with duplicates, out of order and a 5xx in between: one dossier per national id, none skipped', async () => {
    const deps = intakeDepsOf(t, portal)
    const [a, b, c] = [inboundDossier(portal), inboundDossier(portal), inboundDossier(portal)] as const
    // c was submitted first but arrives last; a and b come twice.
    portal.inbound.enqueue(b, a, b, a, c)
    const options = { holder: 'kiem-thu', leaseMs: 30_000, pageSize: 2, maxPages: 10 }
    portal.failNext(1)
    await assert.rejects(pullOnce(deps, options), PortalUnavailable)
    const before = await dossierCount()
    const round = await pullOnce(deps, options)
    assert.deepEqual(round, { kind: 'pulled', pages: 3, items: 5, cursor: '5' })
    assert.equal(await dossierCount(), before + 3)
    for (const d of [a, b, c]) assert.equal((await dossiersOf(d.MaHoSoQuocGia)).length, 1, d.MaHoSoQuocGia)
    // The platform delivers all of them again (a replayed queue): nothing new.
    portal.inbound.enqueue(a, b, c)
    assert.deepEqual(await pullOnce(deps, options), { kind: 'pulled', pages: 2, items: 3, cursor: '8' })
    assert.equal(await dossierCount(), before + 3)
  })

  test('a page with each dossier in it three times is still one dossier per national id', async () => {
    const deps = intakeDepsOf(t, portal)
    const dossiers = Array.from({ length: 4 }, () => inboundDossier(portal))
    portal.inbound.enqueue(...dossiers, ...dossiers, ...dossiers)
    const before = await dossierCount()
    await pullOnce(deps, { holder: 'kiem-thu', leaseMs: 30_000, pageSize: 50, maxPages: 1 })
    assert.equal(await dossierCount(), before + dossiers.length)
  })

  test('a dossier pushed and also pulled is still one dossier', async () => {
    const dossier = inboundDossier(portal)
    const pushed = await push(dossier)
    assert.equal(pushed.statusCode, 201, pushed.body)
    portal.inbound.enqueue(dossier)
    await pullOnce(intakeDepsOf(t, portal), { holder: 'kiem-thu', leaseMs: 30_000, pageSize: 50, maxPages: 10 })
    assert.equal((await dossiersOf(dossier.MaHoSoQuocGia)).length, 1)
  })
})
