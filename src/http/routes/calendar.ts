import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type Static, Type } from 'typebox'
import { changeCalendar } from '../../app/calendar/change-calendar.ts'
import type { Principal } from '../../domain/access/principal.ts'
import { Permission } from '../../domain/access/route-permissions.ts'
import { changeReason } from '../../domain/calendar/calendar-change.ts'
import {
  checkHolidayRule,
  HolidayRule,
  HolidayRuleChange,
  type RuleProblem,
  reviseHolidayRule,
} from '../../domain/calendar/holiday-rule.ts'
import { formatInstant, parseClock, parseInstant, parseIsoDate } from '../../domain/calendar/local-time.ts'
import { formatLunar, solarToLunar } from '../../domain/calendar/lunar.ts'
import { decidedYearWithLaterRules, defaultYearDecision } from '../../domain/calendar/statutory-holidays.ts'
import { addWorkingTime, workingCalendar } from '../../domain/calendar/working-calendar.ts'
import { yearExceptions } from '../../domain/calendar/working-days.ts'
import { checkYearDecision, YearDecision } from '../../domain/calendar/year-decision.ts'
import type { TimeLimit } from '../../domain/catalog/time-limit.ts'
import { deleteYearDecision, findYearDecision, saveYearDecision } from '../../store/calendar/calendar-years.ts'
import {
  createHolidayRule,
  listHolidayRules,
  type RuleRevision,
  reviseStoredHolidayRule,
  type StoredHolidayRule,
} from '../../store/calendar/holiday-rules.ts'
import type { WorkingDaysSource } from '../../store/calendar/working-days-cache.ts'
import type { Db } from '../../store/database.ts'
import { problem, sendProblem } from '../problem.ts'

const YearParams = Type.Object({
  year: Type.Integer({ minimum: 1970, maximum: 2100, description: 'The calendar year' }),
})

const CalendarYearView = Type.Object({
  year: Type.Integer({ description: 'The calendar year' }),
  decided: Type.Boolean({ description: 'True when a published decision replaces the default rule' }),
  decision: { ...YearDecision, description: 'The decision in force, or the default rule (rules.md §4) when none' },
  exceptions: Type.Array(
    Type.Object({
      date: Type.String({ description: 'The day, YYYY-MM-DD' }),
      working: Type.Boolean({ description: 'True for a make-up working day, false for a day off' }),
      reason: Type.String({ description: 'Why, in Vietnamese' }),
    }),
    {
      description: 'Days whose status differs from Monday–Friday work, Saturday–Sunday rest',
    },
  ),
  enteredBy: Type.Union([Type.String(), Type.Null()], {
    description: 'The administrator who entered the decision; null for the default rule',
  }),
  enteredAt: Type.Union([Type.String(), Type.Null()], { description: 'When it was entered (ISO 8601)' }),
})

const HolidayRuleView = Type.Object({
  ...HolidayRule.properties,
  enteredBy: Type.String({ description: 'Who entered or last changed the rule (the migration for the shipped ones)' }),
  enteredAt: Type.String({ description: 'When, ISO 8601' }),
})

const HolidayRuleList = Type.Object({
  rules: Type.Array(HolidayRuleView, {
    description: 'Every holiday rule, enabled or not, by effective date (rules.md "Holidays (2026 review)")',
  }),
})

const RuleParams = Type.Object({ id: HolidayRule.properties.id })

const ruleView = (stored: StoredHolidayRule) => ({
  ...stored.rule,
  enteredBy: stored.enteredBy,
  enteredAt: stored.enteredAt.toISOString(),
})

const ruleProblem = (problems: readonly RuleProblem[]) =>
  problem('holidayRuleInvalid', 422, {
    errors: problems.map((p) => ({ path: `body${p.path}`, message: p.vi, en: p.en })),
  })

const { year: _year, ...decisionFields } = YearDecision.properties
const YearDecisionInput = Type.Object(
  {
    ...decisionFields,
  },
  { additionalProperties: false },
)

const DueQuery = Type.Object(
  {
    from: Type.String({ description: 'Reception instant, ISO 8601 (no offset = Vietnam local time)' }),
    workingDays: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, maximum: 3650, description: 'Limit in working days (N × 8 office hours)' }),
    ),
    hours: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, maximum: 29_200, description: 'Limit in working (office) hours' }),
    ),
    calendarDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 3650,
        description:
          'Limit in calendar days: the first day not counted, an end on a day off moves on (Civil Code Art. 147–148)',
      }),
    ),
    withinDay: Type.Optional(Type.Boolean({ description: 'Trong ngày: by the end of the reception day' })),
    cutoff: Type.Optional(
      Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Reception cut-off HH:MM' }),
    ),
    agency: Type.Optional(Type.String({ pattern: '^[a-z0-9-]+$', description: 'Use this agency’s office hours' })),
  },
  { additionalProperties: false },
)

function limitOf(query: Static<typeof DueQuery>): TimeLimit | null {
  const given = [
    query.workingDays !== undefined && ({ unit: 'working_days', value: query.workingDays } as const),
    query.hours !== undefined && ({ unit: 'working_hours', value: query.hours } as const),
    query.calendarDays !== undefined && ({ unit: 'calendar_days', value: query.calendarDays } as const),
    query.withinDay === true && ({ unit: 'within_day' } as const),
  ].filter((l) => l !== false)
  return given.length === 1 ? (given[0] as TimeLimit) : null
}

export type CalendarRouteOptions = { db: Db; now: () => Date; workingDays: WorkingDaysSource }

/** How the audit names the administrator: display name and account id. */
const whoIs = (p: Principal | null) => (p ? `${p.name} (${p.userId})` : 'unknown')

export const calendarRoutes: FastifyPluginAsyncTypebox<CalendarRouteOptions> = async (app, options) => {
  const { db, now, workingDays } = options

  const yearView = async (year: number) => {
    const stored = await findYearDecision(db, year)
    const rules = (await listHolidayRules(db)).map((r) => r.rule)
    return {
      year,
      decided: stored !== null,
      decision: stored ? decidedYearWithLaterRules(stored.decision, rules) : defaultYearDecision(year, rules),
      exceptions: yearExceptions(await workingDays.current(), year),
      enteredBy: stored?.enteredBy ?? null,
      enteredAt: stored?.enteredAt.toISOString() ?? null,
    }
  }

  app.get(
    '/api/calendar/years/:year',
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'getCalendarYear',
        tags: ['calendar'],
        summary: 'Ngày nghỉ, ngày làm bù của một năm / A year’s days off and make-up days',
        params: YearParams,
        response: { 200: CalendarYearView, 400: Type.Ref('Problem') },
      },
    },
    async (request) => yearView(request.params.year),
  )

  app.put(
    '/api/calendar/years/:year',
    {
      config: { permission: Permission.CalendarManage },
      schema: {
        operationId: 'setCalendarYear',
        tags: ['calendar'],
        summary: 'Nhập hoặc thay quyết định nghỉ lễ của một năm / Create or replace a year’s decision',
        description: 'Replaces the default rule for that year; audited. Needs the provincial administrator role.',
        params: YearParams,
        body: YearDecisionInput,
        response: {
          200: CalendarYearView,
          400: Type.Ref('Problem'),
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
          422: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const { year } = request.params
      const fields = request.body
      const enteredBy = whoIs(request.principal)
      const decision: YearDecision = { year, ...fields }
      const problems = checkYearDecision(decision)
      if (problems.length > 0)
        return sendProblem(
          reply,
          problem('calendarYearInvalid', 422, {
            errors: problems.map((p) => ({ path: `body${p.path}`, message: p.vi, en: p.en })),
          }),
        )
      await changeCalendar(db, workingDays, {
        by: enteredBy,
        at: now(),
        reason: () => changeReason.yearDecided(year, decision.decision.number),
        write: (tx) => saveYearDecision(tx, decision, enteredBy, now()),
      })
      return yearView(year)
    },
  )

  app.delete(
    '/api/calendar/years/:year',
    {
      config: { permission: Permission.CalendarManage },
      schema: {
        operationId: 'deleteCalendarYear',
        tags: ['calendar'],
        summary: 'Bỏ quyết định, trở về quy tắc mặc định / Remove a decision (default rule applies)',
        params: YearParams,
        response: {
          200: CalendarYearView,
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
          404: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const { year } = request.params
      const by = whoIs(request.principal)
      const removed = await changeCalendar(db, workingDays, {
        by,
        at: now(),
        reason: () => changeReason.yearRemoved(year),
        write: (tx) => deleteYearDecision(tx, year, by, now()),
      })
      if (!removed) return sendProblem(reply, problem('calendarYearNotFound', 404))
      return yearView(year)
    },
  )

  app.get(
    '/api/calendar/holiday-rules',
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'listHolidayRules',
        tags: ['calendar'],
        summary: 'Các quy tắc ngày nghỉ lễ, tết và nguồn pháp lý / The holiday rules with their legal sources',
        response: { 200: HolidayRuleList },
      },
    },
    async () => ({ rules: (await listHolidayRules(db)).map(ruleView) }),
  )

  app.post(
    '/api/calendar/holiday-rules',
    {
      config: { permission: Permission.CalendarManage },
      schema: {
        operationId: 'createHolidayRule',
        tags: ['calendar'],
        summary: 'Thêm quy tắc ngày nghỉ lễ / Add a holiday rule',
        description:
          'A new statutory holiday, effective from its date, applied without a release; audited. Needs the provincial administrator role.',
        body: HolidayRule,
        response: {
          201: HolidayRuleView,
          400: Type.Ref('Problem'),
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
          409: Type.Ref('Problem'),
          422: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const rule = request.body
      const problems = checkHolidayRule(rule)
      if (problems.length > 0) return sendProblem(reply, ruleProblem(problems))
      const enteredAt = now()
      const enteredBy = whoIs(request.principal)
      const created = await changeCalendar(db, workingDays, {
        by: enteredBy,
        at: enteredAt,
        reason: () => changeReason.ruleAdded(rule.reason, rule.source.instrument),
        write: (tx) => createHolidayRule(tx, rule, enteredBy, enteredAt),
      })
      if (!created) return sendProblem(reply, problem('holidayRuleExists', 409))
      return reply.code(201).send(ruleView({ rule, enteredBy, enteredAt }))
    },
  )

  app.patch(
    '/api/calendar/holiday-rules/:id',
    {
      config: { permission: Permission.CalendarManage },
      schema: {
        operationId: 'reviseHolidayRule',
        tags: ['calendar'],
        summary: 'Bật, tắt hoặc chấm dứt một quy tắc ngày nghỉ lễ / Enable, disable or end a holiday rule',
        description:
          'Changes whether and until when a rule applies, its compensation, name or source; its day and start stay (add a new rule instead). Audited; needs the provincial administrator role.',
        params: RuleParams,
        body: HolidayRuleChange,
        response: {
          200: HolidayRuleView,
          400: Type.Ref('Problem'),
          401: Type.Ref('Problem'),
          403: Type.Ref('Problem'),
          404: Type.Ref('Problem'),
          422: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const change = request.body
      const by = whoIs(request.principal)
      const outcome = await changeCalendar<RuleRevision>(db, workingDays, {
        by,
        at: now(),
        reason: (o) =>
          o.kind === 'saved' ? changeReason.ruleRevised(o.stored.rule.reason, o.stored.rule.source.instrument) : '',
        write: (tx) =>
          reviseStoredHolidayRule(tx, request.params.id, (rule) => reviseHolidayRule(rule, change), by, now()),
      })
      if (outcome.kind === 'not_found') return sendProblem(reply, problem('holidayRuleNotFound', 404))
      if (outcome.kind === 'invalid') return sendProblem(reply, ruleProblem(outcome.problems))
      return ruleView(outcome.stored)
    },
  )

  app.get(
    '/api/calendar/due',
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'computeAppointment',
        tags: ['calendar'],
        summary: 'Tính ngày hẹn trả / Appointment for a limit counted from a reception instant',
        querystring: DueQuery,
        response: {
          200: Type.Object({
            from: Type.String({ description: 'The reception instant counted from, ISO 8601 with +07:00' }),
            due: Type.String({ description: 'Ngày hẹn trả: the appointment, ISO 8601 with +07:00' }),
          }),
          400: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const query = request.query
      const from = parseInstant(query.from)
      const limit = limitOf(query)
      const bad = (path: string, en: string, vi: string) =>
        sendProblem(reply, problem('validation', 400, { errors: [{ path, message: vi, en }] }))
      if (from === null) return bad('querystring/from', 'not an ISO 8601 instant', 'không phải thời điểm ISO 8601')
      if (limit === null)
        return bad(
          'querystring',
          'give exactly one of workingDays, hours, calendarDays, withinDay',
          'cần đúng một trong workingDays, hours, calendarDays, withinDay',
        )
      let hours: { start: string; end: string }[] | undefined
      if (query.agency) {
        const agency = await db
          .selectFrom('agencies')
          .select('office_hours')
          .where('id', '=', query.agency)
          .executeTakeFirst()
        if (!agency) return bad('querystring/agency', 'unknown agency', 'không có cơ quan này')
        hours = agency.office_hours
      }
      try {
        const cal = workingCalendar(await workingDays.current(), hours)
        const due = addWorkingTime(cal, from, limit, { cutoffMinute: query.cutoff ? parseClock(query.cutoff) : null })
        return { from: formatInstant(from), due: due === null ? '' : formatInstant(due) }
      } catch (error) {
        if (error instanceof RangeError) return sendProblem(reply, problem('outOfCalendar', 400))
        throw error
      }
    },
  )

  app.get(
    '/api/calendar/lunar',
    {
      config: { permission: Permission.Public },
      schema: {
        operationId: 'getLunarDate',
        tags: ['calendar'],
        summary: 'Đổi dương lịch sang âm lịch Việt Nam / Vietnamese lunar date of a day',
        querystring: Type.Object(
          {
            date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Solar (Gregorian) day, YYYY-MM-DD' }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            date: Type.String({ description: 'The solar day asked, YYYY-MM-DD' }),
            lunar: Type.Object(
              {
                day: Type.Integer({ description: 'Lunar day, 1–30' }),
                month: Type.Integer({ description: 'Lunar month, 1–12' }),
                year: Type.Integer({ description: 'Lunar year (its Tết falls in this solar year or the next)' }),
                leap: Type.Boolean({ description: 'In a leap month (tháng nhuận)' }),
              },
              { description: 'Âm lịch: the Vietnamese lunar date, computed for UTC+7 (rules.md §4)' },
            ),
            text: Type.String({ description: 'D/M/Y, with L after a leap month' }),
          }),
          400: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const { date } = request.query
      const day = parseIsoDate(date)
      if (day === null || date < '1900-01-01' || date > '2100-12-31')
        return sendProblem(
          reply,
          problem('validation', 400, {
            errors: [
              { path: 'querystring/date', message: 'ngày không hợp lệ (1900–2100)', en: 'invalid date (1900–2100)' },
            ],
          }),
        )
      const lunar = solarToLunar(day)
      return { date, lunar, text: formatLunar(lunar) }
    },
  )
}
