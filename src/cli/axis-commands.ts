import { resolve } from 'node:path'
import type { Command } from 'commander'
import { axisClient } from '../adapters/document-axis/axis-client.ts'
import { refreshDirectory } from '../app/document-axis/refresh-directory.ts'
import { processConfig } from '../config/process-config.ts'
import { locateDatabase, openDatabase } from '../store/database.ts'

/** `axis refresh-directory`: the national axis's agency directory fetched now, outside the schedule. */
export function addAxisCommands(program: Command, dataDirOption: readonly [string, string, string]): void {
  const axis = program
    .command('axis')
    .description('national document exchange axis / Trục liên thông văn bản quốc gia (rules.md)')
  axis
    .command('refresh-directory')
    .description('fetch the agency directory from the axis now; agencies it no longer lists are kept and marked absent')
    .option('--json', 'print JSON')
    .option(...dataDirOption)
    .action(async (opts: { json?: boolean; dataDir: string }) => {
      const config = processConfig()
      if (!config.documentAxis) {
        console.error(
          'motcua: chưa cấu hình trục liên thông, đặt các biến DOCUMENT_AXIS_… / the axis is not configured, set DOCUMENT_AXIS_…',
        )
        process.exit(2)
      }
      const { baseUrl, systemId, secret } = config.documentAxis
      const client = axisClient({ baseUrl, systemId, secret, timeoutMs: config.partnerTimeoutMs })
      const open = await openDatabase(locateDatabase(config.database, resolve(opts.dataDir)))
      try {
        const r = await refreshDirectory({ db: open.db, client, now: () => new Date() })
        if (opts.json) return console.log(JSON.stringify(r, null, 2))
        console.log(
          `Danh bạ trục: ${r.listed} đơn vị; không còn trên trục: ${r.absent.join(', ') || '—'}; trở lại: ${r.returned.join(', ') || '—'}` +
            ` / axis directory: ${r.listed} agencies; absent: ${r.absent.length}; returned: ${r.returned.length}`,
        )
      } finally {
        await open.close()
      }
    })
}
