import { fork } from 'node:child_process'
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { inboundClient } from '../src/adapters/national-portal/inbound-client.ts'
import type { InboundDossier } from '../src/adapters/national-portal/inbound-dossier.ts'
import { FilesystemStorage } from '../src/adapters/storage/filesystem-storage.ts'
import { batchCatalogue, type IntakeCatalogue } from '../src/app/portal/intake-catalogue.ts'
import type { IntakeDeps } from '../src/app/portal/intake-dossier.ts'
import { createPage, type StagedPage, stagePage } from '../src/app/portal/intake-page.ts'
import { seedYearDecisions } from '../src/store/calendar/calendar-years.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import { loadCatalogFile } from '../src/store/catalog/load-catalog-file.ts'
import { openDatabase } from '../src/store/database.ts'
import { dossierCommands } from '../src/store/dossiers/dossier-commands.ts'
import { migrate } from '../src/store/migrate.ts'
import { publishedDecisions } from '../src/store/seed/published-decisions.ts'
import { declarationFor } from '../test/support/declaration-samples.ts'
import { createScratchDatabase } from '../test/support/test-database.ts'
import { attachmentBytes, attachmentOf, platformApiKey } from './inbound-platform.ts'
import type { BenchmarkResult } from './run.ts'

const concurrency = 8
const poolSize = 16
/** Dossiers per pull round (20 pages of 50, as `startPortalIntake` pulls): the catalogue is looked up once a round. */
const roundSize = 1000
const pageSize = 50

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0

/** `--count N` (or `--count=N`): dossiers to take in, 10,000 by default. */
function countOption(argv: readonly string[]): number {
  const at = argv.indexOf('--count')
  const raw = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--count='))?.slice('--count='.length)
  const count = raw === undefined ? 10_000 : Number(raw)
  if (!(Number.isInteger(count) && count > 0)) throw new Error(`--count needs a positive integer, got ${raw}`)
  return count
}

/** `--socket DIR`: reach PostgreSQL over its Unix socket in DIR (e.g. /var/run/postgresql) instead of TCP. */
function socketOption(argv: readonly string[]): string | null {
  const at = argv.indexOf('--socket')
  return at >= 0
    ? (argv[at + 1] ?? null)
    : (argv.find((a) => a.startsWith('--socket='))?.slice('--socket='.length) ?? null)
}

/** The platform's attachment server in a child process (bench/inbound-platform.ts), and how to stop it. */
async function attachmentServer() {
  const child = fork(new URL('./inbound-platform.ts', import.meta.url), ['serve'], { stdio: 'inherit' })
  const [message] = (await once(child, 'message')) as [{ port: number }]
  return {
    baseUrl: `http://127.0.0.1:${message.port}`,
    close: () => {
      child.disconnect()
    },
  }
}

function dossierOf(
  i: number,
  baseUrl: string,
  sha256: string,
  declaration: { declaration?: Record<string, unknown>; formVersion?: number },
): InboundDossier {
  return {
    MaHoSoQuocGia: `BENCH.${i}`,
    MaTTHC: '1.001193',
    PhienBanTTHC: 1,
    MaDonViTiepNhan: '333.00.01.H34',
    NgayNopHoSo: '20261126094500',
    NguoiNop: { HoTen: `Người nộp ${i}`, SoDinhDanh: String(56_190_000_000 + i).padStart(12, '0'), XacThucVNeID: true },
    ToKhai: declaration.declaration
      ? { PhienBanBieuMau: declaration.formVersion as number, DuLieu: declaration.declaration }
      : null,
    TaiLieuNop: [
      {
        TenTaiLieu: 'Giấy chứng sinh',
        DuongDan: `${baseUrl}/api/lienthong/tailieu/${i}`,
        KichThuoc: attachmentBytes,
        MaBam: sha256,
      },
    ],
    TrangThaiThanhToan: 2,
  }
}

async function inParallel(count: number, work: (i: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const started = performance.now()
        await work(i)
        latencies.push(performance.now() - started)
      }
    }),
  )
  return latencies.sort((a, b) => a - b)
}

/**
 * The pull's pipeline (intake-pull.ts) over the bench's pages: page after page of 50, the next one
 * staged (recorded, attachments fetched and stored) while the current one is created. Each dossier's
 * latency is its page's, from the start of its staging to its creation's commit.
 */
async function drainPages(
  count: number,
  stage: (first: number, last: number) => Promise<{ deps: IntakeDeps; staged: StagedPage }>,
): Promise<number[]> {
  const latencies: number[] = []
  const staging = (first: number) => {
    const started = performance.now()
    return stage(first, Math.min(count, first + pageSize)).then((page) => ({ ...page, started }))
  }
  let next: ReturnType<typeof staging> | null = staging(0)
  for (let first = 0; next !== null; first += pageSize) {
    const { deps, staged, started } = await next
    next = first + pageSize < count ? staging(first + pageSize) : null
    for (const { nationalId, outcome } of await createPage(deps, staged))
      if (outcome.kind !== 'created' || outcome.existed) throw new Error(`${nationalId}: ${JSON.stringify(outcome)}`)
    const took = performance.now() - started
    for (let k = first; k < Math.min(count, first + pageSize); k++) latencies.push(took)
  }
  return latencies.sort((a, b) => a - b)
}

/**
 * Backlog drain of inbound dossiers (issue 16 "Figures"): N national-portal dossiers with one 200 KB
 * attachment each, taken in page by page as the pull does (`stagePage`: recorded, attachment fetched
 * over loopback HTTP, hashed, stored on disk; `createPage`: the page's dossiers created by the lifecycle
 * engine in one transaction, the next page staged meanwhile) on PostgreSQL; beside it,
 * in the same run, plain inserts of the same rows (intake, file, file link) with the same workers.
 */
export async function inboundBenchmark(): Promise<BenchmarkResult> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) throw new Error('the inbound benchmark needs DATABASE_URL (PostgreSQL)')
  const count = countOption(process.argv)
  const scratch = await createScratchDatabase(serverUrl)
  const platform = await attachmentServer()
  const filesRoot = join(tmpdir(), `motcua-bench-inbound-${process.pid}`)
  try {
    const socket = socketOption(process.argv)
    const url = new URL(scratch.url)
    if (socket !== null) url.searchParams.set('host', socket)
    const open = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize })
    const db = open.db
    await migrate(db)
    await loadCatalogFile(db)
    await seedYearDecisions(db, publishedDecisions(), new Date('2026-01-01T00:00:00Z'))
    const declaration = declarationFor('1.001193') as { declaration?: Record<string, unknown>; formVersion?: number }
    const now = new Date('2026-11-26T03:00:00Z')
    const deps: IntakeDeps = {
      db,
      engine: dossierCommands(db, workingDaysFromDatabase(db)),
      storage: new FilesystemStorage(filesRoot),
      client: inboundClient({ baseUrl: platform.baseUrl, apiKey: platformApiKey, timeoutMs: 30_000 }),
      maxFileBytes: 20 * 1024 * 1024,
      maxDossierBytes: 100 * 1024 * 1024,
      now: () => now,
    }
    // The platform's hashes are known before the run, as the dossiers it lists carry them.
    const hashes = Array.from({ length: count }, (_, i) => createHash('sha256').update(attachmentOf(i)).digest('hex'))
    const loadBefore = loadavg()[0] ?? 0
    let started = performance.now()
    const rounds: IntakeCatalogue[] = []
    const intake = await drainPages(count, async (first, last) => {
      const round = Math.floor(first / roundSize)
      rounds[round] ??= batchCatalogue()
      const inRound = { ...deps, catalogue: rounds[round] }
      const items = Array.from({ length: last - first }, (_, k) =>
        dossierOf(first + k, platform.baseUrl, hashes[first + k] as string, declaration),
      )
      return { deps: inRound, staged: await stagePage(inRound, items, 'pull') }
    })
    const intakeSeconds = (performance.now() - started) / 1000
    started = performance.now()
    const plain = await inParallel(count, async (i) => {
      const d = dossierOf(i, platform.baseUrl, hashes[i] as string, declaration)
      const sha = hashes[i] as string
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('portal_intakes')
          .values({
            national_id: `PLAIN.${i}`,
            state: 'received',
            received_via: 'pull',
            submission: JSON.stringify(d),
            received_at: now,
            updated_at: now,
          })
          .execute()
        await tx
          .insertInto('files')
          .values({
            sha256: sha,
            size: attachmentBytes,
            media_type: 'application/pdf',
            storage_key: sha,
            created_at: now,
          })
          .onConflict((oc) => oc.column('sha256').doNothing())
          .execute()
      })
    })
    const plainSeconds = (performance.now() - started) / 1000
    const loadAfter = loadavg()[0] ?? 0
    await open.close()
    const rate = count / intakeSeconds
    const plainRate = count / plainSeconds
    const ms = (v: number) => v.toFixed(1)
    return {
      name: 'inbound',
      markdown: [
        `${count.toLocaleString('en')} inbound dossiers from the national portal, one 200 KB attachment each, pages of ${pageSize} (the next staged while one is created; the baseline ${concurrency} workers), PostgreSQL (pool ${poolSize}, ${socket === null ? 'loopback TCP' : `Unix socket ${socket}`}), the platform's attachment server in a child process; load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on a shared machine.`,
        '',
        '| run | rows/s | p50 ms | p99 ms |',
        '| --- | ---: | ---: | ---: |',
        `| intake by pages (fetch over loopback HTTP, SHA-256 check, disk store, engine creation, file link; latency: the page's) | ${rate.toFixed(0)} | ${ms(percentile(intake, 0.5))} | ${ms(percentile(intake, 0.99))} |`,
        `| baseline: plain inserts of the same rows (intake row, file row) | ${plainRate.toFixed(0)} | ${ms(percentile(plain, 0.5))} | ${ms(percentile(plain, 0.99))} |`,
        '',
        `Target (issue 16): ≥ 200 dossiers/s. Measured ${rate.toFixed(0)}/s, ${((rate / plainRate) * 100).toFixed(0)} % of the plain inserts.`,
      ],
      json: {
        count,
        intakePerSecond: rate,
        intakeP99Ms: percentile(intake, 0.99),
        plainPerSecond: plainRate,
        plainP99Ms: percentile(plain, 0.99),
      },
    }
  } finally {
    platform.close()
    await scratch.drop()
    await rm(filesRoot, { recursive: true, force: true })
  }
}
