import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Problem } from '../src/http/problem.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

type YearView = {
  year: number
  decided: boolean
  exceptions: { date: string; working: boolean; reason: string }[]
  enteredBy: string | null
}

const decision2027 = {
  daysOff: [
    { date: '2027-01-01', kind: 'holiday', reason: 'Tết Dương lịch' },
    ...['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map(
      (date) => ({
        date,
        kind: 'holiday',
        reason: 'Tết Nguyên đán Đinh Mùi (thử nghiệm)',
      }),
    ),
  ],
  makeUpWorkdays: [{ date: '2027-02-20', reason: 'Làm bù (thử nghiệm)' }],
  decision: { number: '999/TEST', date: '2026-11-01', issuer: 'Kiểm thử' },
  sources: ['https://example.invalid/test'],
}

describe(`calendar administration and deadlines over HTTP on ${engineName}`, () => {
  let t: TestApp
  let admin: Record<string, string>
  let counterOfficer: Record<string, string>
  before(async () => {
    t = await createTestApp()
    admin = await signedIn(t, {
      grants: [{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }],
      name: 'Nguyễn Văn Quản Trị',
    })
    counterOfficer = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
  })
  after(async () => t.close())

  const put = (year: number, body: unknown, headers: Record<string, string> | null = admin) =>
    t.app.inject({ method: 'PUT', url: `/api/calendar/years/${year}`, payload: body as object, headers: headers ?? {} })
  const dueOn = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/calendar/due?${query}` })
    assert.equal(res.statusCode, 200, res.body)
    return res.json<{ due: string }>().due
  }

  test('the published decisions are loaded: 2026 is decided, 2027 follows the default rule', async () => {
    const y2026 = (await t.app.inject({ method: 'GET', url: '/api/calendar/years/2026' })).json<YearView>()
    assert.equal(y2026.decided, true)
    assert.ok(y2026.exceptions.some((e) => e.date === '2026-08-22' && e.working))
    const y2027 = (await t.app.inject({ method: 'GET', url: '/api/calendar/years/2027' })).json<YearView>()
    assert.equal(y2027.decided, false)
    assert.ok(y2027.exceptions.some((e) => e.date === '2027-02-10' && !e.working))
  })

  test('signed out a decision is refused with 401, as another role with 403, and nothing changes', async () => {
    const res = await put(2027, decision2027, null)
    assert.equal(res.statusCode, 401)
    assert.equal((await put(2027, decision2027, counterOfficer)).statusCode, 403)
    assert.equal((await put(2027, decision2027, { cookie: admin.cookie ?? '' })).statusCode, 403, 'no CSRF token')
    assert.match(String(res.headers['content-type']), /problem\+json/)
    const y2027 = (await t.app.inject({ method: 'GET', url: '/api/calendar/years/2027' })).json<YearView>()
    assert.equal(y2027.decided, false)
  })

  test('a make-up day on a weekday, a duplicate and a date of another year get 422 naming each, and change nothing', async () => {
    const res = await put(2027, {
      ...decision2027,
      daysOff: [...decision2027.daysOff, decision2027.daysOff[0], { date: '2028-01-01', kind: 'holiday', reason: 'x' }],
      makeUpWorkdays: [{ date: '2027-02-17', reason: 'thứ Tư' }],
    })
    assert.equal(res.statusCode, 422, res.body)
    const body = res.json<Problem>()
    assert.deepEqual(
      body.errors?.map((e) => e.path),
      ['body/daysOff/8/date', 'body/daysOff/9/date', 'body/makeUpWorkdays/0/date'],
    )
    assert.ok(body.errors?.every((e) => e.message && e.en))
    const count = await t.database.db
      .selectFrom('audit_log')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    assert.equal(count.n, 0)
  })

  test('a malformed body (unknown kind, missing field) gets 400', async () => {
    const res = await put(2027, { ...decision2027, daysOff: [{ date: '2027-01-01', kind: 'party', reason: 'x' }] })
    assert.equal(res.statusCode, 400)
  })

  test('a valid decision replaces the default rule, is audited, and moves appointments at once', async () => {
    const beforeDue = await dueOn('from=2027-02-03T09:00&workingDays=1')
    assert.equal(beforeDue, '2027-02-04T09:00:00+07:00')
    const res = await put(2027, decision2027)
    assert.equal(res.statusCode, 200, res.body)
    const view = res.json<YearView>()
    assert.equal(view.decided, true)
    assert.match(view.enteredBy ?? '', /^Nguyễn Văn Quản Trị \(/)
    assert.equal(await dueOn('from=2027-02-03T09:00&workingDays=1'), '2027-02-15T09:00:00+07:00')
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject', '=', 'calendar-year:2027')
      .execute()
    assert.equal(audit.length, 1)
    assert.equal(audit[0]?.action, 'calendar-year.created')
    assert.equal(audit[0]?.actor, view.enteredBy)
  })

  test('removing the decision restores the default rule and is audited with what was removed', async () => {
    const res = await t.app.inject({
      method: 'DELETE',
      url: '/api/calendar/years/2027',
      headers: admin,
    })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json<YearView>().decided, false)
    assert.equal(await dueOn('from=2027-02-03T09:00&workingDays=1'), '2027-02-04T09:00:00+07:00')
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before'])
      .where('subject', '=', 'calendar-year:2027')
      .orderBy('id')
      .execute()
    assert.deepEqual(
      audit.map((a) => a.action),
      ['calendar-year.created', 'calendar-year.deleted'],
    )
    assert.ok(audit[1]?.before)
  })

  test('due: cut-off, calendar days and an agency’s office hours; exactly one limit is required', async () => {
    assert.equal(
      await dueOn('from=2026-11-02T15:30:00%2B07:00&workingDays=1&cutoff=15:00'),
      '2026-11-03T17:00:00+07:00',
    )
    assert.equal(await dueOn('from=2026-11-02T09:00&calendarDays=5'), '2026-11-09T17:00:00+07:00')
    assert.equal(await dueOn('from=2026-11-02T09:00&hours=2&agency=xa-22333'), '2026-11-02T11:00:00+07:00')
    const both = await t.app.inject({
      method: 'GET',
      url: '/api/calendar/due?from=2026-11-02T09:00&hours=2&workingDays=1',
    })
    assert.equal(both.statusCode, 400)
    const far = await t.app.inject({ method: 'GET', url: '/api/calendar/due?from=2100-12-31T09:00&workingDays=60' })
    assert.equal(far.statusCode, 400)
    assert.equal(far.json<Problem>().type, 'urn:motcua:problem:outOfCalendar')
  })

  test('lunar: 6 June 2020 is 15/4L/2020', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/calendar/lunar?date=2020-06-06' })
    assert.equal(res.json<{ text: string }>().text, '15/4L/2020')
  })
})
