import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { syncDossier } from '../src/app/portal/sync-dossier.ts'
import type { StatisticsView } from '../src/http/routes/statistics.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { runCommand, submitOnline } from './support/http-dossier.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

// Mô tả công thức tính chỉ số 766 (VPCP, via ChippedTopaz/qd766), 1.4: dossiers synced with a reception
// date in the period ÷ dossiers received in it.
describe(`the sync rate of the Decision 766 index on ${engineName}`, () => {
  let t: TestApp
  let who: Record<string, Record<string, string>>
  before(async () => {
    t = await createTestApp()
    who = {
      citizen: await signedIn(t, { citizen: { identityNumber: '056190007788', name: 'Trần Văn Đồng Bộ' } }),
      counter: await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] }),
    }
  })
  after(() => t.close())

  const received = async () => {
    const d: DossierView = await submitOnline(t, who.citizen ?? {})
    return runCommand(t, who.counter ?? {}, d, 'reception')
  }

  test('1.4 counts the received dossiers the national portal acknowledged ÷ those received', async () => {
    const acknowledged = await received()
    await received()
    const portal = { send: async () => 'thanh_cong' as const }
    const sync = { db: t.database.db, client: portal, publicBaseUrl: 'https://motcua.example' }
    assert.equal((await syncDossier(sync, acknowledged.id)).kind, 'sent')
    assert.equal((await syncDossier(sync, acknowledged.id)).kind, 'up-to-date', 'counted once')
    const res = await t.app.inject({ method: 'GET', url: '/api/statistics' })
    assert.equal(res.statusCode, 200, res.body)
    const s = res.json<StatisticsView>()
    assert.deepEqual(s.index766.indicators['1.4'], { ratio: 0.5, points: 3, max: 6, notApplicable: null })
  })
})
