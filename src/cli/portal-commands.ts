import { resolve } from 'node:path'
import { type Command, InvalidArgumentError } from 'commander'
import { portalClient } from '../adapters/national-portal/portal-client.ts'
import { reconcile } from '../app/portal/sync-dossier.ts'
import type { Config } from '../config/config.ts'
import { processConfig } from '../config/process-config.ts'
import { locateDatabase, type OpenDatabase, openDatabase } from '../store/database.ts'
import { outOfSync, syncRate } from '../store/portal/portal-sync.ts'

/** Stops with a message in Vietnamese and English. */
function fail(vi: string, en: string): never {
  console.error(`motcua: ${vi} / ${en}`)
  process.exit(2)
}

function positiveInteger(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('cần số nguyên ≥ 1 / expected a whole number ≥ 1')
  return n
}

async function withDatabase<T>(dataDir: string, work: (open: OpenDatabase) => Promise<T>): Promise<T> {
  const open = await openDatabase(locateDatabase(processConfig().database, resolve(dataDir)))
  try {
    return await work(open)
  } finally {
    await open.close()
  }
}

/** The configured portal client (checked with the rest of the environment), or a refusal naming what is missing. */
function configuredPortal(config: Config) {
  if (!config.portal)
    fail(
      'chưa cấu hình Cổng DVCQG, thiếu biến môi trường PORTAL_BASE_URL, PORTAL_API_KEY',
      'the national portal is not configured, set PORTAL_BASE_URL, PORTAL_API_KEY',
    )
  return portalClient({ ...config.portal, timeoutMs: config.partnerTimeoutMs })
}

/** `portal out-of-sync` and `portal reconcile`: the national portal sync's state and its repair (rules.md §8). */
export function addPortalCommands(program: Command, dataDirOption: readonly [string, string, string]): void {
  const portal = program.command('portal').description('national portal sync / đồng bộ Cổng DVCQG (rules.md §8)')
  portal
    .command('out-of-sync')
    .description(
      'list received dossiers whose current version the national portal has not acknowledged, and the sync rate',
    )
    .option('--json', 'print JSON')
    .option('--limit <n>', 'list at most n dossiers', positiveInteger)
    .option(...dataDirOption)
    .action(async (opts: { json?: boolean; limit?: number; dataDir: string }) =>
      withDatabase(opts.dataDir, async ({ db }) => {
        const [rows, rate] = await Promise.all([outOfSync(db, { limit: opts.limit }), syncRate(db)])
        if (opts.json) {
          console.log(JSON.stringify({ syncRate: rate, outOfSync: rows }, null, 2))
          return
        }
        for (const r of rows)
          console.log(
            `${r.code}\tphiên bản ${r.version}, cổng có ${r.syncedVersion}${r.lastError ? `\tlỗi: ${r.lastError}` : ''}`,
          )
        console.log(
          `Chưa đồng bộ ${rows.length}; tỷ lệ đồng bộ ${rate.rate} (${rate.synced}/${rate.received} hồ sơ đã tiếp nhận)`,
        )
      }),
    )
  portal
    .command('reconcile')
    .description(
      're-send every out-of-sync dossier to the national portal (PORTAL_BASE_URL, PORTAL_API_KEY; ' +
        'PUBLIC_BASE_URL for result links, default http://localhost:3000); exit code 1 if any fails',
    )
    .option('--limit <n>', 're-send at most n dossiers', positiveInteger)
    .option(...dataDirOption)
    .action(async (opts: { limit?: number; dataDir: string }) => {
      const config = processConfig()
      const client = configuredPortal(config)
      await withDatabase(opts.dataDir, async ({ db }) => {
        const publicBaseUrl = config.http.publicBaseUrl
        const result = await reconcile({ db, client, publicBaseUrl, limit: opts.limit })
        for (const f of result.failed) console.error(`${f.code}: ${f.error}`)
        const rate = await syncRate(db)
        console.log(
          `Đối soát: ${result.outOfSync} hồ sơ chưa đồng bộ, đã gửi lại ${result.sent}, lỗi ${result.failed.length}; ` +
            `tỷ lệ đồng bộ ${rate.rate}`,
        )
        if (result.failed.length > 0) process.exitCode = 1
      })
    })
}
