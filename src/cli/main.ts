import { randomBytes } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { Command, InvalidArgumentError } from 'commander'
import { catalogueClient } from '../adapters/national-portal/catalogue-client.ts'
import { inboundClient } from '../adapters/national-portal/inbound-client.ts'
import { portalListingClient } from '../adapters/national-portal/portal-listing.ts'
import { SigningFilesError } from '../adapters/signing/signing-files.ts'
import { storageFromEnv } from '../adapters/storage/storage-from-env.ts'
import { vneidFromEnv } from '../adapters/vneid/oidc-client.ts'
import type { Config } from '../config/config.ts'
import { processConfig } from '../config/process-config.ts'
import { StaffRole } from '../domain/access/principal.ts'
import { localDate } from '../domain/calendar/local-time.ts'
import { describeProblem } from '../domain/kpi/history-line.ts'
import { buildApp, webRootDefault } from '../http/app.ts'
import { defaultFileOptions } from '../http/routes/files.ts'
import { consumersFromEnv } from '../jobs/consumers-from-env.ts'
import { startDeadlineWatcher } from '../jobs/deadline-watcher.ts'
import { startDirectoryRefresh } from '../jobs/document-axis-directory.ts'
import { axisPullDeps, documentAxisFromEnv } from '../jobs/document-axis-from-env.ts'
import { startDocumentAxisPull } from '../jobs/document-axis-pull.ts'
import { defaultRetryPolicy, startOutboxRelay } from '../jobs/outbox-relay.ts'
import { startPortalIntake } from '../jobs/portal-intake.ts'
import { startPortalPetitionsPull } from '../jobs/portal-petitions-pull.ts'
import { startPortalReconciliation } from '../jobs/portal-reconciliation.ts'
import { seedYearDecisions } from '../store/calendar/calendar-years.ts'
import { workingDaysFromDatabase } from '../store/calendar/working-days-cache.ts'
import { loadCatalogFile } from '../store/catalog/load-catalog-file.ts'
import { locateDatabase, type OpenDatabase, openDatabase } from '../store/database.ts'
import { purgeExpiredDrafts } from '../store/declarations/drafts.ts'
import { agencyCalendars } from '../store/dossiers/agency-calendars.ts'
import { dossierCommands } from '../store/dossiers/dossier-commands.ts'
import { seedDossiers, seededRandom } from '../store/dossiers/seed-dossiers.ts'
import { verifyChains } from '../store/dossiers/verify-chain.ts'
import { createOfficer } from '../store/identity/users.ts'
import { generateHistory } from '../store/kpi/generate-history.ts'
import { importHistory } from '../store/kpi/import-history.ts'
import { migrate } from '../store/migrate.ts'
import { publishedDecisions } from '../store/seed/published-decisions.ts'
import { addAxisCommands } from './axis-commands.ts'
import { addCalendarCommands } from './calendar-commands.ts'
import { addCatalogueCommands } from './catalogue-commands.ts'
import { addConfigCommands } from './config-commands.ts'
import { addPortalCommands } from './portal-commands.ts'
import { addReportCommands } from './report-commands.ts'

const demoDossiersOnFirstStart = 200
const demoHistoryOnFirstStart = 12_000

function positiveInteger(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0')
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

/** Schema, then the demo catalogue (inserted or updated in place). */
async function migrateAndLoad(open: OpenDatabase): Promise<void> {
  const applied = await migrate(open.db)
  const catalog = await loadCatalogFile(open.db)
  const years = await seedYearDecisions(open.db, publishedDecisions(), new Date())
  console.log(
    `migrated (${open.engine}): ${applied.length} migration(s) applied; catalogue ${catalog.province.name}: ` +
      `${catalog.agencies.length} agencies, ${catalog.procedures.length} procedures; ${years} calendar year decision(s) added`,
  )
}

/** The lines of a file, read only once iteration starts (a readline started earlier drops lines). */
async function* linesOf(path: string): AsyncGenerator<string> {
  yield* createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY })
}

const program = new Command('motcua').description('Một cửa điện tử — the one-stop shop for administrative procedures')
// Every command checks the whole environment before it starts: a wrong value stops it, named (docs/operations.md).
program.hook('preAction', () => {
  processConfig()
})
const dataDirOption = [
  '--data-dir <dir>',
  'embedded PGlite data directory (ignored when DATABASE_URL is set)',
  './data',
] as const

program
  .command('migrate')
  .description('create or upgrade the schema and load the demo catalogue (no dossiers)')
  .option(...dataDirOption)
  .action(async (opts: { dataDir: string }) => withDatabase(opts.dataDir, migrateAndLoad))

program
  .command('seed')
  .description(
    'add generated dossiers (run migrate first): --dossiers N years of history written as indicator facts ' +
      '(fast, origin "seed": receptions --from … --to with growth, seasons, Tết lull, supplements, delays, ' +
      'ratings), --live N dossiers driven through the dossier engine (events, codes, hash chains; slow)',
  )
  .option(...dataDirOption)
  .option('--dossiers <n>', 'number of history dossiers to generate as indicator facts', positiveInteger, 0)
  .option('--live <n>', 'number of live dossiers to drive through the engine', positiveInteger, 0)
  .option('--from <date>', 'first reception day of the history', '2021-01-01')
  .option('--to <date>', 'last reception day of the history (default: yesterday)')
  .option('--random-seed <n>', 'seed of the generator, for repeatable data', positiveInteger, 2025)
  .action(
    async (opts: { dataDir: string; dossiers: number; live: number; from: string; to?: string; randomSeed: number }) =>
      withDatabase(opts.dataDir, async ({ db }) => {
        if (opts.dossiers === 0 && opts.live === 0) throw new InvalidArgumentError('give --dossiers N or --live N')
        const workingDays = workingDaysFromDatabase(db)
        if (opts.live > 0) {
          const n = await seedDossiers(db, {
            count: opts.live,
            now: new Date(),
            random: seededRandom(opts.randomSeed),
            workingDays,
          })
          console.log(`seeded ${n} dossiers`)
        }
        if (opts.dossiers > 0) {
          const started = performance.now()
          const to = opts.to ?? localDate(new Date(Date.now() - 86_400_000))
          const { count } = await generateHistory(db, {
            count: opts.dossiers,
            from: opts.from,
            to,
            random: seededRandom(opts.randomSeed),
            workingDays,
            // On PostgreSQL the rows go in with COPY over two connections of the generator's own.
            copyUrl: processConfig().database.url ?? undefined,
            onProgress: (done) => console.error(`history: ${done} dossiers…`),
          })
          const seconds = (performance.now() - started) / 1000
          console.log(
            `generated ${count} history dossiers ${opts.from}…${to} in ${seconds.toFixed(1)} s (${Math.round(count / seconds)}/s)`,
          )
        }
      }),
  )

program
  .command('serve')
  .description('serve the API and web app; a new data directory or empty database is migrated and seeded first')
  .option(...dataDirOption)
  .option('--port <port>', 'TCP port (default: PORT, else 3000)', positiveInteger)
  .option('--host <host>', 'address to listen on (default: HOST, else localhost)')
  .action(async (opts: { dataDir: string; port?: number; host?: string }) => {
    const config = processConfig()
    const dataDir = resolve(opts.dataDir)
    const fresh = !config.database.url && !existsSync(dataDir)
    const open = await openDatabase(locateDatabase(config.database, dataDir))
    await migrate(open.db)
    const empty = (await open.db.selectFrom('provinces').select('code').executeTakeFirst()) === undefined
    if (fresh || empty) {
      await migrateAndLoad(open)
      await seedDossiers(open.db, {
        count: demoDossiersOnFirstStart,
        now: new Date(),
        random: seededRandom(2025),
        workingDays: workingDaysFromDatabase(open.db),
      })
      // Years of history so the indicator dashboards have something to show.
      await generateHistory(open.db, {
        count: demoHistoryOnFirstStart,
        from: '2025-01-01',
        to: localDate(new Date(Date.now() - 86_400_000)),
        random: seededRandom(2025),
        workingDays: workingDaysFromDatabase(open.db),
        copyUrl: config.database.url ?? undefined,
      })
    }
    const storage = storageFromEnv(config.s3, dataDir)
    // The national document axis (DOCUMENT_AXIS_…): its signing files are read before anything starts.
    const axis = documentAxisOrExit(config)
    // Dossiers submitted on the national portal (PORTAL_INBOUND_MODE): pushed to a route, or pulled.
    const inbound =
      config.portal && config.portalInbound
        ? inboundClient({ ...config.portal, timeoutMs: config.partnerTimeoutMs })
        : null
    const pushed = config.portalInbound?.mode === 'push' ? config.portalInbound : null
    const app = await buildApp({
      db: open.db,
      now: () => new Date(),
      logger: { level: config.http.logLevel },
      webRoot: webRootDefault,
      // The embedded demo offers a labelled demo login and the payment simulator; PostgreSQL only with MOTCUA_DEMO=1.
      demoLogin: config.demo,
      // Citizens sign in with VNeID when VNEID_ISSUER (with client id, secret, redirect URI) is set.
      vneid: vneidFromEnv(config.vneid),
      // Uploads: an S3 bucket when S3_BUCKET is set, else <data-dir>/files; 20 MiB a file, 100 MiB a dossier.
      files: { ...defaultFileOptions(), storage },
      publicBaseUrl: config.http.publicBaseUrl,
      vnpay: config.vnpay,
      draftTtlDays: config.draftTtlDays,
      onlineEntry: config.onlineEntry,
      portalReconciliation: config.portal
        ? {
            listing: portalListingClient({ ...config.portal, timeoutMs: config.partnerTimeoutMs }),
            client: inboundClient({ ...config.portal, timeoutMs: config.partnerTimeoutMs }),
          }
        : null,
      portalInbound:
        inbound && pushed ? { credentials: { apiKey: pushed.apiKey, secret: pushed.secret }, client: inbound } : null,
      // Catalogue sync reads the national TTHC database through the portal's address and key (an assumption).
      catalogueSource: config.portal
        ? {
            client: catalogueClient({ ...config.portal, timeoutMs: config.partnerTimeoutMs }),
            sourceUrl: config.portal.baseUrl,
          }
        : null,
    })
    // Outbox relay: delivers every committed event to the configured partners (docs/operations.md).
    const calendars = agencyCalendars(open.db, workingDaysFromDatabase(open.db))
    const relay = startOutboxRelay(
      open.db,
      consumersFromEnv(open.db, config, { storage, calendars: () => calendars.forAgencies(), axis }),
      {
        intervalMs: config.relay.intervalMs,
        policy: { ...defaultRetryPolicy, maxAttempts: config.relay.maxAttempts, leaseMs: config.relay.leaseMs },
        onError: (error) => app.log.error({ err: error }, 'outbox relay round failed'),
      },
    )
    // Deadline watcher: warnings, escalations and supplement-limit stops, one server at a time (docs/rules.md).
    const watcher = config.deadlineWatch.enabled
      ? startDeadlineWatcher(
          { db: open.db, engine: dossierCommands(open.db, workingDaysFromDatabase(open.db)) },
          {
            intervalMs: config.deadlineWatch.intervalMs,
            leaseMs: config.deadlineWatch.leaseMs,
            onError: (error) => app.log.error({ err: error }, 'deadline watch round failed'),
          },
        )
      : null
    const intake =
      inbound && config.portalInbound
        ? startPortalIntake(
            {
              db: open.db,
              engine: dossierCommands(open.db, workingDaysFromDatabase(open.db)),
              ...defaultFileOptions(),
              storage,
              client: inbound,
              now: () => new Date(),
            },
            {
              pull: config.portalInbound.mode === 'pull',
              intervalMs: config.portalInbound.intervalMs,
              idleMs: config.relay.leaseMs,
              leaseMs: config.relay.leaseMs,
              onError: (error) => app.log.error({ err: error }, 'national portal intake round failed'),
            },
          )
        : null
    // Petitions sent on the national portal, pulled from the platform's feed in pull mode (pushed otherwise).
    const petitionsPull =
      inbound && config.portalInbound?.mode === 'pull'
        ? startPortalPetitionsPull(
            { db: open.db, calendars, client: inbound, now: () => new Date() },
            {
              intervalMs: config.portalInbound.intervalMs,
              leaseMs: config.relay.leaseMs,
              onError: (error) => app.log.error({ err: error }, 'national portal petition pull round failed'),
            },
          )
        : null
    // Daily reconciliation report with the national portal, for the previous day (docs/rules.md).
    const reconciliation =
      config.portal && config.portalReconcile.enabled
        ? startPortalReconciliation(
            {
              db: open.db,
              listing: portalListingClient({ ...config.portal, timeoutMs: config.partnerTimeoutMs }),
              now: () => new Date(),
            },
            {
              atMinute: config.portalReconcile.atMinute,
              intervalMs: 300_000,
              leaseMs: 900_000,
              onError: (error) => app.log.error({ err: error }, 'portal reconciliation round failed'),
            },
          )
        : null
    // Documents from the national axis: a leased pull round every DOCUMENT_AXIS_PULL_INTERVAL_MS (docs/rules.md).
    const axisPull =
      axis && config.documentAxis
        ? startDocumentAxisPull(axisPullDeps(open.db, axis), {
            intervalMs: config.documentAxis.pullIntervalMs,
            leaseMs: config.relay.leaseMs,
            limit: 100,
            onError: (error) => app.log.error({ err: error }, 'document axis pull round failed'),
          })
        : null
    // The axis's agency directory: looked at every 15 minutes, fetched by one server once per
    // DOCUMENT_AXIS_DIRECTORY_REFRESH_HOURS (docs/rules.md "Delivery trail and axis directory").
    const axisDirectory =
      axis && config.documentAxis
        ? startDirectoryRefresh(
            { db: open.db, client: axis.client, now: () => new Date() },
            {
              periodMs: config.documentAxis.directoryRefreshHours * 3_600_000,
              intervalMs: 900_000,
              leaseMs: config.relay.leaseMs,
              onError: (error) => app.log.error({ err: error }, 'document axis directory refresh failed'),
            },
          )
        : null
    // Declaration drafts past their keeping period are deleted at start and every hour after.
    const purgeDrafts = () =>
      purgeExpiredDrafts(open.db, new Date()).catch((error: unknown) =>
        app.log.error({ err: error }, 'declaration draft purge failed'),
      )
    void purgeDrafts()
    const draftPurge = setInterval(purgeDrafts, 3_600_000)
    const stop = async () => {
      clearInterval(draftPurge)
      await intake?.stop()
      await axisPull?.stop()
      await axisDirectory?.stop()
      await petitionsPull?.stop()
      await reconciliation?.stop()
      await relay.stop()
      await watcher?.stop()
      await app.close()
      await open.close()
      process.exit(0)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    await app.listen({ port: opts.port ?? config.http.port, host: opts.host ?? config.http.host })
  })

/** The axis's wiring, or null; signing files that cannot be used stop the process with exit code 2. */
function documentAxisOrExit(config: Config) {
  try {
    return documentAxisFromEnv(config.documentAxis, config.partnerTimeoutMs)
  } catch (error) {
    if (!(error instanceof SigningFilesError)) throw error
    console.error(`motcua: DOCUMENT_AXIS_SIGNING_…: ${error.message}`)
    process.exit(2)
  }
}

addCalendarCommands(program)
addConfigCommands(program)
addReportCommands(program, dataDirOption)
addPortalCommands(program, dataDirOption)
addAxisCommands(program, dataDirOption)
addCatalogueCommands(program, dataDirOption)

program
  .command('users')
  .description('accounts / tài khoản')
  .command('add')
  .description(
    'create an officer account with roles per agency; prints a generated password once (bootstraps the first administrator)',
  )
  .option(...dataDirOption)
  .requiredOption('--username <username>', 'login name (a–z, 0–9, . _ -)')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--grant <role@agency...>', 'role at an agency, e.g. provincial_admin@ubnd-tinh (repeatable)')
  .action(async (opts: { dataDir: string; username: string; name: string; grant: string[] }) =>
    withDatabase(opts.dataDir, async ({ db }) => {
      const roles = new Set<string>(Object.values(StaffRole))
      const grants = opts.grant.map((g) => {
        const [role, agencyId] = g.split('@')
        if (!role || !agencyId || !roles.has(role)) throw new InvalidArgumentError(`--grant ${g}: expected role@agency`)
        return { role: role as StaffRole, agencyId }
      })
      const password = randomBytes(12).toString('base64url')
      await createOfficer(db, { username: opts.username, name: opts.name, password, grants }, new Date())
      console.log(`created ${opts.username}; one-time password (change it at first sign-in): ${password}`)
    }),
  )

program
  .command('import')
  .description('import data / nhập dữ liệu')
  .command('dossiers')
  .description(
    'import dossier history for the indicators from a JSON Lines file (one dossier a line); bad lines are listed ' +
      'and skipped, exit code 1 if any; importing the same file again changes nothing',
  )
  .option(...dataDirOption)
  .requiredOption('--file <path>', 'JSON Lines file, e.g. demo/khanh-hoa/history-sample.jsonl')
  .action(async (opts: { dataDir: string; file: string }) =>
    withDatabase(opts.dataDir, async ({ db }) => {
      const summary = await importHistory(db, linesOf(resolve(opts.file)), { workingDays: workingDaysFromDatabase(db) })
      for (const r of summary.rejected) console.error(describeProblem(r.line, r.problem))
      console.log(`imported ${summary.imported}, unchanged ${summary.unchanged}, rejected ${summary.rejected.length}`)
      if (summary.rejected.length > 0) process.exitCode = 1
    }),
  )

program
  .command('audit')
  .description('audit trail / nhật ký kiểm tra')
  .command('verify')
  .description('recompute every dossier’s event hash chain and name the first broken link')
  .option(...dataDirOption)
  .action(async (opts: { dataDir: string }) =>
    withDatabase(opts.dataDir, async ({ db }) => {
      const { broken, dossiers, events } = await verifyChains(db)
      if (broken) {
        console.error(
          `broken: dossier ${broken.code ?? broken.dossierId} (${broken.dossierId}) event ${broken.seq}: ${broken.reason}`,
        )
        process.exitCode = 1
      } else console.log(`ok: ${dossiers} dossiers, ${events} events, every hash chain holds`)
    }),
  )

await program.parseAsync()
