import { resolve } from 'node:path'
import { type Command, InvalidArgumentError } from 'commander'
import { portalClient } from '../adapters/national-portal/portal-client.ts'
import { locateDatabase, type OpenDatabase, openDatabase } from '../store/database.ts'
import { outOfSync, reconcile, syncRate } from '../store/portal/portal-sync.ts'

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
  const open = await openDatabase(locateDatabase(process.env, resolve(dataDir)))
  try {
    return await work(open)
  } finally {
    await open.close()
  }
}

/** The portal's address and key from the environment, or a clear refusal naming what is missing. */
function portalFromEnv(env: NodeJS.ProcessEnv) {
  const baseUrl = env.PORTAL_BASE_URL
  const apiKey = env.PORTAL_API_KEY
  const missing = [baseUrl ? null : 'PORTAL_BASE_URL', apiKey ? null : 'PORTAL_API_KEY'].filter((n) => n !== null)
  if (!baseUrl || !apiKey)
    fail(
      `chưa cấu hình Cổng DVCQG, thiếu biến môi trường ${missing.join(', ')}`,
      `the national portal is not configured, set ${missing.join(', ')}`,
    )
  try {
    new URL(baseUrl)
  } catch {
    fail(`PORTAL_BASE_URL không phải địa chỉ URL: ${baseUrl}`, `PORTAL_BASE_URL is not a URL: ${baseUrl}`)
  }
  return portalClient({ baseUrl, apiKey })
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
      const client = portalFromEnv(process.env)
      await withDatabase(opts.dataDir, async ({ db }) => {
        const publicBaseUrl = process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000'
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
