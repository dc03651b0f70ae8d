import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { KyselyPlugin } from 'kysely'
import { pullOnce } from '../src/app/portal/intake-pull.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from './support/fake-national-portal.ts'
import { inboundDossier, intakeDepsOf } from './support/inbound-dossiers.ts'
import { createTestApp, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

/**
 * Issue 16 "Figures": a pulled page of national dossiers is created by one transaction of a handful
 * of statements instead of nine statements a dossier, with the same result as one by one; a dossier
 * the batch cannot take sends the page one by one, so it alone is refused (rules.md "Inbound dossiers
 * from the national portal").
 */
describe(`an inbound page is taken in by one transaction on ${engineName}`, () => {
  let portal: FakeNationalPortal
  let t: TestApp

  before(async () => {
    portal = await startFakeNationalPortal()
    t = await createTestApp()
  })
  after(async () => {
    await t.close()
    await portal.close()
  })

  /** The intake's deps on a database handle that counts the statements run through it. */
  const counted = () => {
    const seen = { statements: 0 }
    const counter: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        seen.statements++
        return args.result
      },
    }
    const deps = intakeDepsOf(t, portal)
    return { deps: { ...deps, db: deps.db.withPlugin(counter) }, seen }
  }
  const pull = (deps: ReturnType<typeof counted>['deps']) =>
    pullOnce(deps, { holder: 'kiem-thu', leaseMs: 30_000, pageSize: 50, maxPages: 1 })
  const intakesOf = (ids: readonly string[]) =>
    t.database.db
      .selectFrom('portal_intakes as i')
      .leftJoin('dossiers as d', 'd.id', 'i.dossier_id')
      .select(['i.national_id', 'i.state', 'i.reason', 'd.status', 'd.channel', 'd.receiving_agency_id', 'd.id'])
      .where('i.national_id', 'in', [...ids])
      .orderBy('i.national_id')
      .execute()

  test('thirty dossiers of a page cost fewer statements than dossiers (one by one, nine each)', async () => {
    const dossiers = Array.from({ length: 30 }, () => inboundDossier(portal))
    portal.inbound.enqueue(...dossiers)
    const { deps, seen } = counted()
    await pull(deps)
    const intakes = await intakesOf(dossiers.map((d) => d.MaHoSoQuocGia))
    assert.deepEqual(
      intakes.map((i) => [i.state, i.status, i.channel, i.receiving_agency_id]),
      dossiers.map(() => ['created', 1, 2, 'ttpvhcc-22333']),
    )
    assert.ok(seen.statements < dossiers.length, `${seen.statements} statements`)
  })

  test('each dossier of a batched page has its event, its outbox message, its file link and its audit entry', async () => {
    const dossiers = Array.from({ length: 5 }, () => inboundDossier(portal))
    portal.inbound.enqueue(...dossiers)
    await pull(counted().deps)
    const ids = (await intakesOf(dossiers.map((d) => d.MaHoSoQuocGia))).map((i) => i.id as string)
    const countOf = async (table: 'dossier_events' | 'dossier_files', column: 'dossier_id') =>
      (await t.database.db.selectFrom(table).select(column).where(column, 'in', ids).execute()).length
    assert.equal(await countOf('dossier_events', 'dossier_id'), ids.length)
    assert.equal(await countOf('dossier_files', 'dossier_id'), ids.length)
    const messages = await t.database.db
      .selectFrom('outbox')
      .select('message_key')
      .where('message_key', 'in', ids)
      .execute()
    assert.equal(messages.length, ids.length)
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('subject')
      .where('action', '=', 'portal-intake.created')
      .where(
        'subject',
        'in',
        dossiers.map((d) => d.MaHoSoQuocGia),
      )
      .execute()
    assert.equal(audited.length, dossiers.length)
  })

  test('a page with one dossier whose declaration does not fit its form: that one is refused, the others are created', async () => {
    const good = Array.from({ length: 4 }, () => inboundDossier(portal))
    const bad = inboundDossier(portal, { ToKhai: { PhienBanBieuMau: 999, DuLieu: {} } })
    portal.inbound.enqueue(...good.slice(0, 2), bad, ...good.slice(2))
    await pull(counted().deps)
    const intakes = await intakesOf([...good, bad].map((d) => d.MaHoSoQuocGia))
    const byId = new Map(intakes.map((i) => [i.national_id, i]))
    assert.deepEqual(
      good.map((d) => byId.get(d.MaHoSoQuocGia)?.state),
      good.map(() => 'created'),
    )
    assert.deepEqual([byId.get(bad.MaHoSoQuocGia)?.state, byId.get(bad.MaHoSoQuocGia)?.reason], ['rejected', 'refused'])
  })
})
