import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { HolidayRule } from '../src/domain/calendar/holiday-rule.ts'
import type { Problem } from '../src/http/problem.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

// A new statutory holiday is data (rules.md "Holidays (2026 review)"): the provincial administrator
// adds it over the API and deadlines of that year change at once; nobody else may, and a bad rule
// is refused with nothing written.
const newHoliday: HolidayRule = {
  id: 'ngay-thu-nghiem-15-6',
  day: { kind: 'solar', month: 6, day: 15 },
  effectiveFrom: '2028-01-01',
  effectiveTo: null,
  enabled: true,
  compensated: true,
  reason: 'Ngày lễ thử nghiệm (15/6)',
  source: { instrument: 'Văn bản thử nghiệm', article: 'Điều 1', url: null, verified: 'kiểm thử' },
}

describe(`holiday rules over HTTP on ${engineName}`, () => {
  let t: TestApp
  let admin: Record<string, string>
  let counterOfficer: Record<string, string>
  before(async () => {
    t = await createTestApp()
    admin = await signedIn(t, { grants: [{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }], name: 'Quản Trị' })
    counterOfficer = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
  })
  after(async () => t.close())

  const oneDayFromJune14 = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/calendar/due?from=2028-06-14T09:00&workingDays=1' })
    return res.json<{ due: string }>().due
  }
  const written = async () => {
    const rules = await t.database.db.selectFrom('holiday_rules').select('rule').execute()
    const audits = await t.database.db.selectFrom('audit_log').select('id').execute()
    return { rules: rules.map((r) => JSON.stringify(r.rule)).sort(), audits: audits.length }
  }
  const post = (body: unknown, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/calendar/holiday-rules', payload: body as object, headers })

  test('anyone reads the rules with their sources, Culture Day among them', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/calendar/holiday-rules' })
    assert.equal(res.statusCode, 200)
    const culture = res.json<{ rules: HolidayRule[] }>().rules.find((r) => r.id === 'ngay-van-hoa-viet-nam')
    assert.equal(culture?.effectiveFrom, '2026-07-01')
    assert.match(culture?.source.instrument ?? '', /28\/2026\/QH16/)
  })

  test('a non-administrator is refused and nothing is written', async () => {
    const before = await written()
    const res = await post(newHoliday, counterOfficer)
    assert.equal(res.statusCode, 403)
    assert.deepEqual(await written(), before)
  })

  test('a rule ending before it starts, an impossible day or a duplicate id is refused in Vietnamese and English, nothing written', async () => {
    const before = await written()
    const backwards = await post({ ...newHoliday, effectiveTo: '2027-12-31' }, admin)
    assert.equal(backwards.statusCode, 422)
    assert.match(backwards.headers['content-type']?.toString() ?? '', /problem\+json/)
    const problem = backwards.json<Problem>()
    assert.equal(problem.errors?.[0]?.path, 'body/effectiveTo')
    assert.ok(problem.errors?.[0]?.message && problem.errors[0].en)
    assert.equal((await post({ ...newHoliday, day: { kind: 'solar', month: 2, day: 30 } }, admin)).statusCode, 422)
    assert.equal((await post({ ...newHoliday, day: { kind: 'solar', month: 13, day: 1 } }, admin)).statusCode, 400)
    assert.equal((await post({ ...newHoliday, id: 'ngay-van-hoa-viet-nam' }, admin)).statusCode, 409)
    assert.deepEqual(await written(), before)
  })

  test('the administrator adds a holiday: the appointment of that year moves, the change is audited; disabling it moves it back', async () => {
    assert.equal(await oneDayFromJune14(), '2028-06-15T09:00:00+07:00')
    const created = await post(newHoliday, admin)
    assert.equal(created.statusCode, 201, created.body)
    assert.equal(await oneDayFromJune14(), '2028-06-16T09:00:00+07:00')
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject', '=', `holiday-rule:${newHoliday.id}`)
      .execute()
    assert.deepEqual(
      audit.map((a) => a.action),
      ['holiday-rule.created'],
    )
    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/calendar/holiday-rules/${newHoliday.id}`,
      payload: { enabled: false },
      headers: admin,
    })
    assert.equal(disabled.statusCode, 200, disabled.body)
    assert.equal(disabled.json<HolidayRule>().enabled, false)
    assert.equal(await oneDayFromJune14(), '2028-06-15T09:00:00+07:00')
  })

  test('ending a rule before its start, or changing an unknown rule, is refused and nothing is written', async () => {
    const before = await written()
    const patch = (id: string, body: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/calendar/holiday-rules/${id}`, payload: body, headers: admin })
    assert.equal((await patch('ngay-van-hoa-viet-nam', { effectiveTo: '2026-06-30' })).statusCode, 422)
    assert.equal((await patch('khong-co-quy-tac-nay', { enabled: false })).statusCode, 404)
    assert.equal((await patch('ngay-van-hoa-viet-nam', { day: { kind: 'solar', month: 1, day: 2 } })).statusCode, 400)
    assert.deepEqual(await written(), before)
  })
})
