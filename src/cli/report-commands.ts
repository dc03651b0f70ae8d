import { resolve } from 'node:path'
import { type Command, InvalidArgumentError } from 'commander'
import { processConfig } from '../config/process-config.ts'
import { localDate, parseIsoDate } from '../domain/calendar/local-time.ts'
import { locateDatabase, openDatabase } from '../store/database.ts'
import { provinceOverview } from '../store/kpi/indicator-report.ts'

const date = (flag: string) => (text: string) => {
  if (parseIsoDate(text) === null) throw new InvalidArgumentError(`${flag}: cần ngày YYYY-MM-DD / expected YYYY-MM-DD`)
  return text
}

/** `report kpi`: the II.06a figures and the Decision 766 index of a window, for scripts and checks. */
export function addReportCommands(program: Command, dataDirOption: readonly [string, string, string]): void {
  const report = program.command('report').description('indicator reports (rules.md §6)')
  report
    .command('kpi')
    .description('II.06a figures, on-time and online rates and the Decision 766 index for a window (--to inclusive)')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD', date('--from'))
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD (inclusive)', date('--to'))
    .option('--agency <code>', 'processing agency: its QCVN 102 code or motcua id')
    .option('--json', 'print JSON')
    .option(...dataDirOption)
    .action(async (opts: { from: string; to: string; agency?: string; json?: boolean; dataDir: string }) => {
      if (opts.from > opts.to) {
        console.error('motcua: từ ngày phải trước đến ngày / --from must not be after --to')
        process.exit(2)
      }
      const open = await openDatabase(locateDatabase(processConfig().database, resolve(opts.dataDir)))
      try {
        let agencyId: string | undefined
        if (opts.agency !== undefined) {
          const code = opts.agency
          const row =
            (await open.db
              .selectFrom('agency_codes')
              .select('agency_id')
              .where('code', '=', code)
              .executeTakeFirst()) ??
            (await open.db.selectFrom('agencies').select('id as agency_id').where('id', '=', code).executeTakeFirst())
          if (!row) {
            console.error(`motcua: không có cơ quan ${code} / no agency ${code}`)
            process.exit(2)
          }
          agencyId = row.agency_id
        }
        const today = localDate(new Date())
        const o = await provinceOverview(open.db, { from: opts.from, to: opts.to, today, agencyId })
        const out = {
          from: o.window.from,
          to: o.window.to,
          measuredTo: o.window.measuredTo,
          ...o.figures,
          onTimeRate: o.onTimeRate,
          onlineRate: o.onlineRate,
          index766: { total: o.index766.total, groups: o.index766.groups, indicators: o.index766.indicators },
        }
        if (opts.json) {
          console.log(JSON.stringify(out, null, 2))
          return
        }
        const f = o.figures
        console.log(`Kỳ ${o.window.from} → ${o.window.to} (đo đến hết ngày ${o.window.measuredTo})`)
        console.log(
          `Tiếp nhận ${f.received} (trực tuyến ${f.receivedOnline}, trực tiếp/bưu chính ${f.receivedInPersonOrPost}), kỳ trước chuyển qua ${f.carriedOver}`,
        )
        console.log(
          `Đã giải quyết ${f.resolved}: trước hạn ${f.resolvedEarly}, đúng hạn ${f.resolvedOnTime}, quá hạn ${f.resolvedLate}`,
        )
        console.log(
          `Đang giải quyết ${f.inProgress}: trong hạn ${f.inProgressWithinDeadline}, quá hạn ${f.inProgressOverdue}`,
        )
        console.log(`Tỷ lệ đúng hạn ${o.onTimeRate}, trực tuyến ${o.onlineRate}; Chỉ số 766: ${o.index766.total}/100`)
      } finally {
        await open.close()
      }
    })
}
