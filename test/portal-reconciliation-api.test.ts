import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { parseString } from '@fast-csv/parse'
import { inboundClient } from '../src/adapters/national-portal/inbound-client.ts'
import { portalListingClient } from '../src/adapters/national-portal/portal-listing.ts'
import type { ReconciliationRunView } from '../src/http/schemas/reconciliation-run.ts'
import { type FakeNationalPortal, startFakeNationalPortal } from './support/fake-national-portal.ts'
import { runCommand, submitOnline } from './support/http-dossier.ts'
import { inboundDossier } from './support/inbound-dossiers.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

/** CSV rows as an independent parser (fast-csv, exceljs's own) reads them. */
const csvRows = (text: string) =>
  new Promise<string[][]>((resolve, reject) => {
    const rows: string[][] = []
    parseString(text)
      .on('data', (r: string[]) => rows.push(r))
      .on('error', reject)
      .on('end', () => resolve(rows))
  })

describe(`the reconciliation routes on ${engineName}`, () => {
  let t: TestApp
  let portal: FakeNationalPortal
  let admin: Record<string, string>
  let who: Record<string, Record<string, string>>

  before(async () => {
    portal = await startFakeNationalPortal()
    const options = { baseUrl: portal.baseUrl, apiKey: portal.apiKey, timeoutMs: 2_000 }
    t = await createTestApp({
      portalReconciliation: { listing: portalListingClient(options), client: inboundClient(options) },
    })
    admin = await signedIn(t, { grants: [{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }] })
    who = {
      citizen: await signedIn(t, { citizen: { identityNumber: '056190009999', name: 'Ngô Thị Báo Cáo' } }),
      counter: await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] }),
    }
  })
  after(async () => {
    await t.close()
    await portal.close()
  })

  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: admin, payload })
  const runsCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('portal_reconciliation_runs')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  test('a run asked for by the administrator answers its lists and is listed among the runs', async () => {
    const national = inboundDossier(portal)
    portal.inbound.enqueue(national)
    const res = await post('/api/portal/reconciliation/runs', { from: '2026-11-26', to: '2026-11-26' })
    const run = res.json<ReconciliationRunView>()
    const listed = (
      await t.app.inject({ method: 'GET', url: '/api/portal/reconciliation/runs', headers: admin })
    ).json<{
      runs: ReconciliationRunView[]
    }>()
    assert.deepEqual(
      [
        res.statusCode,
        run.items?.portalOnly.some((p) => p.nationalId === national.MaHoSoQuocGia),
        listed.runs.some((r) => r.id === run.id),
      ],
      [201, true, true],
    )
  })

  test('a window whose first day is after its last is refused in Vietnamese and English, and no run is kept', async () => {
    const before = await runsCount()
    const res = await post('/api/portal/reconciliation/runs', { from: '2026-11-27', to: '2026-11-26' })
    const body = res.json<{ title: string; en: { title: string } }>()
    assert.deepEqual(
      [res.statusCode, body.title, body.en.title, await runsCount()],
      [400, 'Khoảng ngày không hợp lệ', 'Invalid window of days', before],
    )
  })

  test('re-sending a dossier not yet received is refused and writes nothing to the outbox', async () => {
    const d = await submitOnline(t, who.citizen ?? {})
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const before = await count()
    const res = await post('/api/portal/reconciliation/resends', { dossierId: d.id })
    assert.deepEqual([res.statusCode, await count()], [409, before])
  })

  test('re-sending a received dossier is accepted with the version to send', async () => {
    const d = await runCommand(t, who.counter ?? {}, await submitOnline(t, who.citizen ?? {}), 'reception')
    const res = await post('/api/portal/reconciliation/resends', { dossierId: d.id })
    assert.deepEqual([res.statusCode, res.json<{ version: number }>().version], [202, d.version])
  })

  test('re-pulling a national dossier twice over HTTP gives the same dossier', async () => {
    const national = inboundDossier(portal)
    portal.inbound.enqueue(national)
    const pull = async () =>
      (await post('/api/portal/reconciliation/repulls', { nationalId: national.MaHoSoQuocGia })).json<{
        outcome: string
        dossierId: string | null
      }>()
    const [first, second] = [await pull(), await pull()]
    assert.deepEqual([first.outcome, second.outcome, second.dossierId], ['created', 'created', first.dossierId])
  })

  test('a run’s report downloads as CSV an independent parser reads, one row per difference', async () => {
    const national = inboundDossier(portal)
    portal.inbound.enqueue(national)
    const run = (
      await post('/api/portal/reconciliation/runs', { from: '2026-11-26', to: '2026-11-26' })
    ).json<ReconciliationRunView>()
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/portal/reconciliation/runs/${run.id}/report.csv`,
      headers: admin,
    })
    const rows = await csvRows(res.body.replace(/^\uFEFF/, ''))
    const c = run.counts ?? { portalOnly: 0, motcuaOnly: 0, mismatched: 0 }
    assert.deepEqual(
      [res.headers['content-type'], rows[0]?.[0], rows.length - 1, rows.some((r) => r[2] === national.MaHoSoQuocGia)],
      ['text/csv; charset=utf-8', 'Loại / Kind', c.portalOnly + c.motcuaOnly + c.mismatched, true],
    )
  })
})
