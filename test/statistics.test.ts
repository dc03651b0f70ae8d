import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { StatisticsView } from '../src/http/routes/statistics.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { approved, assigned, runCommand, submitOnline } from './support/http-dossier.ts'
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
  const officers = () => ({ counter: who.counter ?? {}, leader: who.leader ?? {}, specialist: who.specialist ?? {} })
  const submit = () => submitOnline(t, who.citizen ?? {})
  const statistics = async (query = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/statistics${query}` })
    assert.equal(res.statusCode, 200, res.body)
    return res.json<StatisticsView>()
  }

  test("before any dossier, this year's window (15 Dec → 14 Dec) is all zero and every ratio is n/a", async () => {
    const s = await statistics()
    assert.deepEqual(s.window, { from: '2025-12-15', to: '2026-12-14', measuredTo: '2026-11-26' })
    assert.equal(s.figures.received, 0)
    assert.equal(s.onTimeRate, 'n/a')
    assert.equal(s.onlineRate, 'n/a')
    assert.equal(s.index766.indicators['2.1']?.ratio, null)
    assert.equal(s.index766.indicators['2.1']?.notApplicable?.reason, 'zero_denominator')
    assert.equal(s.index766.indicators['2.1']?.points, 0, 'nothing arose: no points (national formula, rules.md)')
    assert.deepEqual(s.byField, [])
  })

  test('one dossier received and another issued count as two received online and one resolved in time', async () => {
    await run('counter', await submit(), 'reception')

    let d = await submit()
    d = await approved(t, officers(), await assigned(t, officers(), d))
    d = await run('clerk', d, 'issuance', { resultNumber: '26/GKS' })
    assert.equal(d.status, 9)

    const s = await statistics()
    // Birth registration is due the same day (Luật Hộ tịch 2014 Art. 16(2)): the one issued today is on
    // time (not early), and the open one is counted at the window's end, past today's close.
    assert.deepEqual(s.figures, {
      received: 2,
      receivedOnline: 2,
      receivedInPersonOrPost: 0,
      carriedOver: 0,
      resolved: 1,
      resolvedEarly: 0,
      resolvedOnTime: 1,
      resolvedLate: 0,
      withdrawn: 0,
      stopped: 0,
      inProgress: 1,
      inProgressWithinDeadline: 0,
      inProgressOverdue: 1,
    })
    assert.equal(s.onlineRate, 1)
    assert.equal(s.onTimeRate, 0.5, 'one of the two is past its same-day deadline')
    assert.deepEqual(
      s.trend.map((m) => [m.month, m.received, m.resolved]),
      [['2026-11', 2, 1]],
      'the month in progress is in the trend',
    )
    assert.equal(s.index766.indicators['2.1']?.ratio, 0.5)
    assert.equal(s.byField.length, 1)
    const field = s.byField[0]
    assert.ok(field)
    assert.ok(field.field.length > 0 && field.fieldName.length > 0, JSON.stringify(field))
    assert.equal(field.figures.received, 2)
    assert.equal(field.figures.resolved, 1)

    const today = await statistics('?from=2026-11-26&to=2026-11-26')
    assert.deepEqual(today.figures, s.figures)
    const earlier = await statistics('?from=2026-01-01&to=2026-11-25')
    assert.equal(earlier.figures.received, 0)
    assert.equal(earlier.onTimeRate, 'n/a')
    const later = await statistics('?from=2026-11-27&to=2026-12-31')
    assert.equal(later.figures.carriedOver, 1, 'the open dossier carries over into a later window')
    assert.equal(later.figures.received, 0)
  })

  test('a bad or reversed period is a 400 problem', async () => {
    for (const query of ['?from=2026-02-30', '?to=26-11-2026', '?from=yesterday', '?from=2026-11-27&to=2026-11-26']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/statistics${query}` })
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`)
      assert.equal(res.json<{ status: number }>().status, 400)
    }
  })
})
