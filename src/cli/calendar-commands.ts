import { userInfo } from 'node:os'
import { resolve } from 'node:path'
import { type Command, InvalidArgumentError } from 'commander'
import { changeCalendar } from '../app/calendar/change-calendar.ts'
import { processConfig } from '../config/process-config.ts'
import { changeReason } from '../domain/calendar/calendar-change.ts'
import { type HolidayRule, reviseHolidayRule } from '../domain/calendar/holiday-rule.ts'
import { formatInstant, parseClock, parseInstant, parseIsoDate } from '../domain/calendar/local-time.ts'
import { formatLunar, solarToLunar } from '../domain/calendar/lunar.ts'
import { statutoryHolidayRules } from '../domain/calendar/statutory-holiday-rules.ts'
import { addWorkingTime, workingCalendar, workingTimeBetween } from '../domain/calendar/working-calendar.ts'
import { buildWorkingDays, type WorkingDays, yearExceptions } from '../domain/calendar/working-days.ts'
import type { TimeLimit } from '../domain/catalog/time-limit.ts'
import { listYearDecisions } from '../store/calendar/calendar-years.ts'
import { listHolidayRules, type RuleRevision, reviseStoredHolidayRule } from '../store/calendar/holiday-rules.ts'
import { workingDaysFromDatabase } from '../store/calendar/working-days-cache.ts'
import { type Db, locateDatabase, openDatabase } from '../store/database.ts'
import { publishedDecisions } from '../store/seed/published-decisions.ts'

/** Stops with a message in Vietnamese and English; nothing has been changed. */
function fail(vi: string, en: string): never {
  console.error(`motcua: ${vi} / ${en}`)
  process.exit(2)
}

/** Runs a calendar computation, turning "outside 1970–2100" into a clear refusal. */
function insideCalendar<T>(compute: () => T): T {
  try {
    return compute()
  } catch (error) {
    if (error instanceof RangeError) fail('ngoài phạm vi lịch 1970–2100', 'outside the calendar 1970–2100')
    throw error
  }
}

const instant = (flag: string) => (text: string) => {
  const ms = parseInstant(text)
  if (ms === null) throw new InvalidArgumentError(`${flag}: không phải thời điểm ISO 8601 / not an ISO 8601 instant`)
  return ms
}
const positive = (text: string) => {
  const n = Number(text)
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('cần một số dương / expected a positive number')
  return n
}
const clock = (text: string) => {
  const m = parseClock(text)
  if (m === null) throw new InvalidArgumentError('cần giờ dạng HH:MM / expected HH:MM')
  return m
}

type SourceOptions = { dataDir?: string }

async function withDatabase<T>(dataDir: string, use: (db: Db) => Promise<T>): Promise<T> {
  const open = await openDatabase(locateDatabase(processConfig().database, resolve(dataDir)))
  try {
    return await use(open.db)
  } finally {
    await open.close()
  }
}

/** The published decisions and holiday rules bundled with motcua, or a database's when `--data-dir` names one. */
async function workingDays(options: SourceOptions): Promise<WorkingDays> {
  if (options.dataDir === undefined) return buildWorkingDays(publishedDecisions())
  return withDatabase(options.dataDir, async (db) =>
    buildWorkingDays(
      await listYearDecisions(db),
      (await listHolidayRules(db)).map((r) => r.rule),
    ),
  )
}

async function holidayRules(options: SourceOptions): Promise<readonly HolidayRule[]> {
  if (options.dataDir === undefined) return statutoryHolidayRules
  return withDatabase(options.dataDir, async (db) => (await listHolidayRules(db)).map((r) => r.rule))
}

const ruleLine = (r: HolidayRule) =>
  [
    r.enabled ? 'bật' : 'tắt',
    `${r.effectiveFrom}..${r.effectiveTo ?? ''}`.padEnd(22),
    r.id.padEnd(32),
    r.reason,
    `— ${r.source.instrument}, ${r.source.article}`,
  ].join('  ')

/** Enables or disables a rule in the database, audited under the operating-system user. */
async function setEnabled(id: string, enabled: boolean, dataDir: string): Promise<void> {
  const actor = `motcua calendar (${userInfo().username})`
  const at = new Date()
  // The serving processes' calendars refresh within their cache's minute; open dossiers move in the watcher.
  const outcome = await withDatabase(dataDir, (db) =>
    changeCalendar<RuleRevision>(db, workingDaysFromDatabase(db), {
      by: actor,
      at,
      reason: (o) =>
        o.kind === 'saved' ? changeReason.ruleRevised(o.stored.rule.reason, o.stored.rule.source.instrument) : '',
      write: (tx) => reviseStoredHolidayRule(tx, id, (rule) => reviseHolidayRule(rule, { enabled }), actor, at),
    }),
  )
  if (outcome.kind === 'not_found') fail(`không có quy tắc ${id}`, `no rule ${id}`)
  if (outcome.kind === 'invalid')
    fail(outcome.problems.map((p) => p.vi).join('; '), outcome.problems.map((p) => p.en).join('; '))
  console.log(ruleLine(outcome.stored.rule))
}

const dataDirHelp = 'read the decisions from this database (DATABASE_URL wins) instead of the bundled published ones'

export function addCalendarCommands(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('lịch làm việc / the working calendar: days off, deadlines, lunar dates')

  calendar
    .command('days')
    .description('every date of a year whose status differs from Monday–Friday work, Saturday–Sunday rest')
    .requiredOption('--year <year>', 'year (1970–2100)', (t) => {
      const y = Number(t)
      if (!Number.isInteger(y) || y < 1970 || y > 2100)
        throw new InvalidArgumentError('năm 1970–2100 / a year 1970–2100')
      return y
    })
    .option('--json', 'print a JSON array')
    .option('--data-dir <dir>', dataDirHelp)
    .action(async (opts: SourceOptions & { year: number; json?: boolean }) => {
      const list = yearExceptions(await workingDays(opts), opts.year)
      if (opts.json) console.log(JSON.stringify(list))
      else for (const d of list) console.log(`${d.date}  ${d.working ? 'làm việc' : 'nghỉ    '}  ${d.reason}`)
    })

  calendar
    .command('rules')
    .description('the holiday rules (ngày nghỉ lễ, tết) with their effective dates and legal sources')
    .option('--json', 'print a JSON array')
    .option('--data-dir <dir>', 'read the rules from this database (DATABASE_URL wins) instead of the bundled ones')
    .action(async (opts: SourceOptions & { json?: boolean }) => {
      const rules = await holidayRules(opts)
      if (opts.json) console.log(JSON.stringify(rules))
      else for (const r of rules) console.log(ruleLine(r))
    })

  for (const [name, enabled] of [
    ['rule-enable', true],
    ['rule-disable', false],
  ] as const)
    calendar
      .command(`${name} <id>`)
      .description(`${enabled ? 'apply' : 'stop applying'} a holiday rule in the database (audited)`)
      .requiredOption('--data-dir <dir>', 'the database to change (DATABASE_URL wins)')
      .action(async (id: string, opts: { dataDir: string }) => setEnabled(id, enabled, opts.dataDir))

  calendar
    .command('due')
    .description('the appointment for a limit counted from a reception instant (ISO 8601, +07:00)')
    .requiredOption('--from <instant>', 'reception instant, ISO 8601 (no offset = Vietnam time)', instant('--from'))
    .option('--working-days <n>', 'limit in working days (N × 8 office hours)', positive)
    .option('--hours <h>', 'limit in working hours', positive)
    .option('--calendar-days <d>', 'limit in calendar days (Civil Code Art. 147–148)', positive)
    .option('--within-day', 'the limit is "within the day"')
    .option('--cutoff <HH:MM>', 'reception at or after this time counts from the next working day', clock)
    .option('--data-dir <dir>', dataDirHelp)
    .action(
      async (
        opts: SourceOptions & {
          from: number
          workingDays?: number
          hours?: number
          calendarDays?: number
          withinDay?: boolean
          cutoff?: number
        },
      ) => {
        const limits: TimeLimit[] = [
          ...(opts.workingDays ? [{ unit: 'working_days', value: opts.workingDays } as const] : []),
          ...(opts.hours ? [{ unit: 'working_hours', value: opts.hours } as const] : []),
          ...(opts.calendarDays ? [{ unit: 'calendar_days', value: opts.calendarDays } as const] : []),
          ...(opts.withinDay ? [{ unit: 'within_day' } as const] : []),
        ]
        const [limit] = limits
        if (limits.length !== 1 || !limit)
          fail(
            'cần đúng một trong --working-days, --hours, --calendar-days, --within-day',
            'give exactly one of --working-days, --hours, --calendar-days, --within-day',
          )
        const cal = workingCalendar(await workingDays(opts))
        const due = insideCalendar(() => addWorkingTime(cal, opts.from, limit, { cutoffMinute: opts.cutoff ?? null }))
        console.log(due === null ? '' : formatInstant(due))
      },
    )

  calendar
    .command('between')
    .description('office hours between two instants (a decimal number; negative if --to is earlier)')
    .requiredOption('--from <instant>', 'ISO 8601 instant', instant('--from'))
    .requiredOption('--to <instant>', 'ISO 8601 instant', instant('--to'))
    .option('--data-dir <dir>', dataDirHelp)
    .action(async (opts: SourceOptions & { from: number; to: number }) => {
      const cal = workingCalendar(await workingDays(opts))
      const minutes = insideCalendar(() => workingTimeBetween(cal, opts.from, opts.to))
      console.log(String(Math.round((minutes / 60) * 1e4) / 1e4))
    })

  calendar
    .command('lunar')
    .description('the Vietnamese lunar date (UTC+7) of a day, as D/M/Y with L after a leap month')
    .requiredOption('--date <YYYY-MM-DD>', 'solar date', (t) => {
      const day = parseIsoDate(t)
      if (day === null || t < '1900-01-01' || t > '2100-12-31')
        throw new InvalidArgumentError('ngày 1900–2100 dạng YYYY-MM-DD / a date 1900–2100 as YYYY-MM-DD')
      return day
    })
    .action((opts: { date: number }) => {
      console.log(formatLunar(solarToLunar(opts.date)))
    })
}
