import { userInfo } from 'node:os'
import { resolve } from 'node:path'
import { type Command, InvalidArgumentError } from 'commander'
import { inboundClient } from '../adapters/national-portal/inbound-client.ts'
import { portalClient } from '../adapters/national-portal/portal-client.ts'
import { portalListingClient } from '../adapters/national-portal/portal-listing.ts'
import { storageFromEnv } from '../adapters/storage/storage-from-env.ts'
import { reconcileWindow } from '../app/portal/reconcile-with-portal.ts'
import { type ResyncResult, resyncRows, rowsToResync } from '../app/portal/resync-from-reconciliation.ts'
import { reconcile } from '../app/portal/sync-dossier.ts'
import type { Config } from '../config/config.ts'
import { processConfig } from '../config/process-config.ts'
import { parseIsoDate } from '../domain/calendar/local-time.ts'
import type { ReconciliationLists } from '../domain/portal/reconciliation.ts'
import { defaultFileOptions } from '../http/routes/files.ts'
import { workingDaysFromDatabase } from '../store/calendar/working-days-cache.ts'
import { type Db, locateDatabase, type OpenDatabase, openDatabase } from '../store/database.ts'
import { dossierCommands } from '../store/dossiers/dossier-commands.ts'
import { outOfSync, syncRate } from '../store/portal/portal-sync.ts'
import type { RunRow } from '../store/portal/reconciliation-runs.ts'

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
      'with --from and --to: compare the dossiers submitted on those days with the national portal and print ' +
        'what the portal has and motcua lacks, the reverse, and status mismatches (kept as a run, rules.md ' +
        '"Reconciliation with the national portal"); without them: re-send every out-of-sync dossier. ' +
        'PORTAL_BASE_URL, PORTAL_API_KEY; exit code 1 if the portal could not be read or a re-send failed',
    )
    .option('--from <day>', 'first submission day, YYYY-MM-DD (Vietnam time)', day)
    .option('--to <day>', 'last submission day, YYYY-MM-DD (Vietnam time)', day)
    .option('--json', 'print the run as JSON')
    .option(
      '--resync',
      "queue a re-send of motcua's rows through the outbox and re-pull the portal's national dossiers",
    )
    .option('--limit <n>', 're-send at most n dossiers (without --from/--to)', positiveInteger)
    .option(...dataDirOption)
    .action(async (opts: ReconcileOptions) => {
      const config = processConfig()
      const client = configuredPortal(config)
      if ((opts.from === undefined) !== (opts.to === undefined))
        fail('cần cả --from và --to', 'give both --from and --to')
      if (opts.from !== undefined && opts.to !== undefined) {
        if (opts.from > opts.to) fail('--from phải trước hoặc bằng --to', '--from must not be after --to')
        await compareAndPrint(config, { ...opts, from: opts.from, to: opts.to })
        return
      }
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

type ReconcileOptions = {
  from?: string
  to?: string
  json?: boolean
  resync?: boolean
  limit?: number
  dataDir: string
}

function day(value: string): string {
  if (parseIsoDate(value) === null) throw new InvalidArgumentError('cần ngày YYYY-MM-DD / expected a day YYYY-MM-DD')
  return value
}

/** `portal reconcile --from --to`: one recorded run, its three lists printed, and with --resync each row acted on. */
async function compareAndPrint(config: Config, opts: ReconcileOptions & { from: string; to: string }): Promise<void> {
  const portal = config.portal as NonNullable<Config['portal']>
  const listing = portalListingClient({ ...portal, timeoutMs: config.partnerTimeoutMs })
  const dataDir = resolve(opts.dataDir)
  const actor = `motcua portal reconcile (${userInfo().username})`
  await withDatabase(opts.dataDir, async ({ db }) => {
    const run = await reconcileWindow({ db, listing, now: () => new Date() }, { from: opts.from, to: opts.to }, actor)
    const resyncs = opts.resync && run.items ? await resyncAll(config, db, dataDir, listing, run.items, actor) : []
    if (opts.json) console.log(JSON.stringify({ run, resyncs }, null, 2))
    else printRun(run, resyncs)
    if (run.state === 'failed') process.exitCode = 1
  })
}

async function resyncAll(
  config: Config,
  db: Db,
  dataDir: string,
  listing: ReturnType<typeof portalListingClient>,
  items: ReconciliationLists,
  actor: string,
) {
  const deps = {
    db,
    engine: dossierCommands(db, workingDaysFromDatabase(db)),
    ...defaultFileOptions(),
    storage: storageFromEnv(config.s3, dataDir),
    client: inboundClient({ ...(config.portal as NonNullable<Config['portal']>), timeoutMs: config.partnerTimeoutMs }),
    listing,
    now: () => new Date(),
  }
  return resyncRows(deps, rowsToResync(items), actor)
}

function printRun(run: RunRow, resyncs: readonly ResyncResult[]): void {
  const window = `${run.windowFrom} – ${run.windowTo}`
  if (run.state === 'failed' || !run.items || !run.counts) {
    console.error(`Đối soát ${window} thất bại / reconciliation failed: ${run.error}`)
    return
  }
  for (const p of run.items.portalOnly)
    console.log(`cổng có, motcua thiếu\t${p.nationalId ?? p.code}\t${p.procedureCode}\ttrạng thái ${p.status}`)
  for (const d of run.items.motcuaOnly)
    console.log(`motcua có, cổng thiếu\t${d.code ?? d.nationalId}\ttrạng thái ${d.status}\tphiên bản ${d.version}`)
  for (const m of run.items.mismatched)
    console.log(
      `lệch trạng thái\t${m.local.code ?? m.local.nationalId}\tmotcua ${m.local.status}, cổng ${m.portal.status}`,
    )
  for (const r of resyncs)
    console.log(`đồng bộ lại\t${r.row.kind === 'resend' ? r.row.dossierId : r.row.nationalId}\t${r.outcome.kind}`)
  const c = run.counts
  console.log(
    `Đối soát ${window}: cổng có motcua thiếu ${c.portalOnly}, motcua có cổng thiếu ${c.motcuaOnly}, ` +
      `lệch trạng thái ${c.mismatched}, khớp ${c.inStep}`,
  )
}
