import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { recordFacts } from '../src/store/kpi/record-facts.ts'
import { facts } from './support/kpi-facts.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

type Json = Record<string, any>

// Two agencies in November 2026, counted by hand: the commune Bắc Nha Trang (xa-22333) and the
// Department of Justice (so-tu-phap).
const commune = { agencyId: 'xa-22333', fieldId: 'ho-tich' }
const dossiers = [
  facts('X1', {
    ...commune,
    procedureCode: '1.001193',
    received: '2026-11-02T09:00',
    deadline: '2026-11-05T17:00',
    end: { kind: 'done', at: '2026-11-04T10:00' },
    online: true,
    eResult: true,
  }),
  facts('X2', {
    ...commune,
    procedureCode: '1.001193',
    received: '2026-11-03T09:00',
    deadline: '2026-11-06T17:00',
    end: { kind: 'done', at: '2026-11-09T10:00' },
  }),
  facts('X3', { ...commune, procedureCode: '1.000894', received: '2026-11-10T09:00', deadline: '2026-11-13T17:00' }),
  facts('X4', {
    ...commune,
    procedureCode: '1.000894',
    received: '2026-11-20T09:00',
    deadline: '2026-12-10T17:00',
    online: true,
  }),
  facts('S1', {
    agencyId: 'so-tu-phap',
    fieldId: 'ho-tich',
    procedureCode: '2.000635',
    received: '2026-11-02T09:00',
    deadline: '2026-11-20T17:00',
    end: { kind: 'done', at: '2026-11-10T10:00' },
    online: true,
  }),
]

describe(`indicator API on ${engineName}`, () => {
  let t: TestApp
  let monitor: Record<string, string>
  let admin: Record<string, string>
  before(async () => {
    t = await createTestApp()
    await t.database.db.transaction().execute((tx) => recordFacts(tx, dossiers))
    monitor = await signedIn(t, { grants: [{ role: 'monitor', agencyId: 'ubnd-tinh' }] })
    admin = await signedIn(t, { grants: [{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }] })
  })
  after(() => t.close())

  const get = async (url: string, headers = monitor) => {
    const res = await t.app.inject({ method: 'GET', url, headers })
    assert.equal(res.statusCode, 200, res.body)
    return res.json<Json>()
  }
  const november = 'from=2026-11-01&to=2026-11-30'

  test('the ranking puts the department (all on time) above the commune (one late, one overdue)', async () => {
    const r = await get(`/api/indicators/ranking?${november}`)
    assert.deepEqual(
      r.rows.map((row: Json) => [row.rank, row.agencyId, row.onTimeRate]),
      [
        [1, 'so-tu-phap', 1],
        [2, 'xa-22333', 0.5], // X1 early + X4 within ÷ (2 resolved + 2 in progress)
      ],
    )
    const commune = r.rows[1]
    assert.equal(commune.index766.indicators['2.1'].points, 10)
    assert.deepEqual(commune.figures.inProgressOverdue, 1) // X3, due 13 Nov
    assert.equal(r.window.measuredTo, '2026-11-26')
  })

  test('drill-down: the commune by field, the field by procedure, a figure by its dossiers', async () => {
    const byField = await get(`/api/indicators/breakdown?${november}&agency=xa-22333`)
    assert.equal(byField.by, 'field')
    assert.deepEqual(
      byField.rows.map((r: Json) => [r.key, r.name, r.figures.received]),
      [['ho-tich', 'Hộ tịch', 4]],
    )
    const byProcedure = await get(`/api/indicators/breakdown?${november}&agency=xa-22333&field=ho-tich`)
    assert.deepEqual(
      byProcedure.rows.map((r: Json) => [
        r.key,
        r.figures.received,
        r.figures.resolvedLate,
        r.figures.inProgressOverdue,
      ]),
      [
        ['1.000894', 2, 0, 1],
        ['1.001193', 2, 1, 0],
      ],
    )
    const late = await get(`/api/indicators/dossiers?${november}&agency=xa-22333&set=late`)
    assert.deepEqual(
      late.dossiers.map((d: Json) => [d.code, d.timeliness]),
      [['X2', 'late']],
    )
    const overdue = await get(`/api/indicators/dossiers?${november}&agency=xa-22333&set=overdue`)
    assert.deepEqual(
      overdue.dossiers.map((d: Json) => d.code),
      ['X3'],
    )
    const received = await get(`/api/indicators/dossiers?${november}&agency=xa-22333&set=received&limit=2`)
    assert.equal(received.total, 4)
    assert.deepEqual(
      received.dossiers.map((d: Json) => d.code),
      ['X4', 'X3'],
    )
    assert.ok(!JSON.stringify(received).includes('applicant'), 'no applicant data in indicator lists')
  })

  test('II.06a groups by level and field and its totals add up', async () => {
    const r = await get(`/api/reports/ii06a?${november}`)
    assert.deepEqual(
      r.rows.map((row: Json) => [row.level, row.fieldId, row.figures.received, row.figures.resolved]),
      [
        ['province', 'ho-tich', 1, 1],
        ['commune', 'ho-tich', 4, 2],
      ],
    )
    assert.equal(r.total.received, 5)
    assert.equal(r.total.inProgress, 2)
  })

  test('a target set by the provincial administrator applies from its date and is audited', async () => {
    const before = await get(`/api/indicators/overview?${november}&agency=xa-22333`)
    const lateRate = before.programme.find((m: Json) => m.measure === 'late_rate')
    // (1 late + 1 overdue) ÷ (2 resolved + 2 in progress) = 0.5, against the default "below 10%"
    assert.deepEqual([lateRate.value, lateRate.met], [0.5, false])
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/indicators/targets',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: {
        measure: 'late_rate',
        comparator: 'below',
        value: 0.6,
        effectiveFrom: '2026-11-01',
        source: 'Kế hoạch thử nghiệm',
      },
    })
    assert.equal(put.statusCode, 200, put.body)
    const after = await get(`/api/indicators/overview?${november}&agency=xa-22333`)
    assert.equal(after.programme.find((m: Json) => m.measure === 'late_rate').met, true)
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject'])
      .where('subject', 'like', 'reform-target:%')
      .execute()
    assert.deepEqual(audit, [{ action: 'reform-target.created', subject: 'reform-target:late_rate@2026-11-01' }])
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/indicators/targets',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: { measure: 'late_rate', comparator: 'below', value: 7, effectiveFrom: '2026-11-01', source: 'x' },
    })
    assert.equal(bad.statusCode, 400)
  })

  test('an unknown agency is a 404 problem in Vietnamese and English', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/indicators/overview?agency=khong-co', headers: monitor })
    assert.equal(res.statusCode, 404)
    const body = res.json<Json>()
    assert.equal(body.title, 'Không tìm thấy cơ quan')
    assert.equal(body.en.title, 'Agency not found')
  })
})
