import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { StatisticsView } from '../src/http/routes/statistics.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { runCommand, submitOnline } from './support/http-dossier.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

describe(`public statistics on ${engineName}`, () => {
  let t: TestApp
  let who: Record<string, Record<string, string>>
  before(async () => {
    t = await createTestApp()
    who = {
      citizen: await signedIn(t, { citizen: { identityNumber: '056190007777', name: 'Trần Văn Thống Kê' } }),
      counter: await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] }),
      leader: await signedIn(t, { grants: [{ role: 'leader', agencyId: 'xa-22333' }] }),
      specialist: await signedIn(t, { grants: [{ role: 'specialist', agencyId: 'xa-22333' }], name: 'Võ Đức Sơn' }),
      clerk: await signedIn(t, { grants: [{ role: 'clerk', agencyId: 'xa-22333' }] }),
    }
  })
  after(() => t.close())

  const run = (as: string, d: DossierView, path: string, body: object = {}) =>
    runCommand(t, who[as] ?? {}, d, path, body)
  const submit = () => submitOnline(t, who.citizen ?? {})
  const statistics = async (query = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/statistics${query}` })
    assert.equal(res.statusCode, 200, res.body)
    return res.json<StatisticsView>()
  }

  test('before any dossier, the last 30 days are all zero with no shares', async () => {
    const s = await statistics()
    assert.deepEqual(s, {
      from: '2026-10-28',
      to: '2026-11-26',
      received: 0,
      receivedOnline: 0,
      onlineShare: null,
      resolved: 0,
      early: 0,
      onTime: 0,
      late: 0,
      onTimeShare: null,
      byField: [],
    })
  })

  test('one dossier received and another issued count as two received online and one resolved in time', async () => {
    await run('counter', await submit(), 'reception')

    let d = await submit()
    d = await run('counter', d, 'reception')
    d = await run('counter', d, 'transfer')
    const specialistId = (
      await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: who.specialist })
    ).json<{ user: { id: string } }>().user.id
    d = await run('leader', d, 'assignment', { assigneeId: specialistId, assigneeName: 'Võ Đức Sơn' })
    d = await run('specialist', d, 'appraisal', { outcome: 'approve', note: 'Đủ điều kiện' })
    d = await run('leader', d, 'approval')
    d = await run('clerk', d, 'issuance', { resultNumber: '26/GKS' })
    assert.equal(d.status, 9)

    const s = await statistics()
    assert.equal(s.received, 2)
    assert.equal(s.receivedOnline, 2)
    assert.equal(s.onlineShare, 1)
    assert.equal(s.resolved, 1)
    assert.equal(s.early + s.onTime, 1)
    assert.equal(s.late, 0)
    assert.equal(s.onTimeShare, 1)
    assert.equal(s.byField.length, 1)
    const field = s.byField[0]
    assert.ok(field)
    assert.ok(field.field.length > 0 && field.fieldName.length > 0, JSON.stringify(field))
    assert.deepEqual(
      { received: field.received, resolved: field.resolved, late: field.late },
      {
        received: 2,
        resolved: 1,
        late: 0,
      },
    )

    const explicit = await statistics('?from=2026-11-26&to=2026-11-26')
    assert.deepEqual(explicit, { ...s, from: '2026-11-26', to: '2026-11-26' })
    const before = await statistics('?from=2026-01-01&to=2026-11-25')
    assert.equal(before.received, 0)
    assert.equal(before.onTimeShare, null)
  })

  test('a bad or reversed period is a 400 problem', async () => {
    for (const query of ['?from=2026-02-30', '?to=26-11-2026', '?from=yesterday', '?from=2026-11-27&to=2026-11-26']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/statistics${query}` })
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`)
      assert.equal(res.json<{ status: number }>().status, 400)
    }
  })
})
