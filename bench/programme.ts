import { cpus, loadavg } from 'node:os'
import { sql } from 'kysely'
import { loadDashboard } from '../src/app/programme/load-dashboard.ts'
import { seedYearDecisions } from '../src/store/calendar/calendar-years.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import { loadCatalogFile } from '../src/store/catalog/load-catalog-file.ts'
import { type Db, openDatabase } from '../src/store/database.ts'
import { seededRandom } from '../src/store/dossiers/seed-dossiers.ts'
import { generateHistory } from '../src/store/kpi/generate-history.ts'
import { provinceOverview } from '../src/store/kpi/indicator-report.ts'
import { migrate } from '../src/store/migrate.ts'
import { publishedDecisions } from '../src/store/seed/published-decisions.ts'
import { createScratchDatabase } from '../test/support/test-database.ts'
import type { BenchmarkResult } from './run.ts'

const span = { from: '2021-01-01', to: '2026-11-25' } as const
const today = span.to
const runs = 30

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0

async function time(work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await work()
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await work()
    ms.push(performance.now() - start)
  }
  ms.sort((a, b) => a - b)
  return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95) }
}

function countOption(argv: readonly string[]): number {
  const at = argv.indexOf('--count')
  const n = Number(at >= 0 ? argv[at + 1] : (process.env.MOTCUA_BENCH_COUNT ?? '1000000'))
  if (!Number.isInteger(n) || n <= 0) throw new Error('--count needs a whole number')
  return n
}

function databaseOption(argv: readonly string[]): string | null {
  const at = argv.indexOf('--database')
  return at >= 0 ? (argv[at + 1] ?? null) : null
}

/** Migrates the database (0046 fills the year rows of older ones) and fills an empty one with history. */
async function prepare(db: Db, url: string, count: number): Promise<void> {
  await migrate(db)
  if ((await db.selectFrom('kpi_dossiers').select('dossier_id').limit(1).executeTakeFirst()) !== undefined) {
    // The year rows 0046 just added have no statistics until autovacuum comes by.
    await sql`ANALYZE kpi_counts`.execute(db)
    return
  }
  await loadCatalogFile(db)
  await seedYearDecisions(db, publishedDecisions(), new Date(`${today}T00:00:00Z`))
  await generateHistory(db, {
    count,
    ...span,
    random: seededRandom(2025),
    workingDays: workingDaysFromDatabase(db),
    copyUrl: url,
  })
  await sql`VACUUM ANALYZE kpi_counts`.execute(db)
}

/**
 * The programme dashboard of 2026 (the demo programme 2021–2030: six years measured, one
 * `provinceOverview` each, plus targets and reported figures) against its baseline in the same run:
 * one `provinceOverview` of the year, the indicator dashboard's own query, over the same counters.
 * `--database <url>` measures an existing database (kept; generated into when empty) instead of a
 * fresh scratch one, so 10 million dossiers are generated once, not per run.
 */
export async function programmeBenchmark(): Promise<BenchmarkResult> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) throw new Error('the programme benchmark runs on PostgreSQL only: set DATABASE_URL')
  const argv = process.argv.slice(2)
  const count = countOption(argv)
  const given = databaseOption(argv)
  const scratch = given === null ? await createScratchDatabase(serverUrl) : { url: given, drop: async () => {} }
  try {
    const open = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 })
    try {
      const { db } = open
      await prepare(db, scratch.url, count)
      const server =
        (await sql<{ server_version: string }>`SHOW server_version`.execute(db)).rows[0]?.server_version ?? '?'
      const dossiers = Number(
        (await sql<{ n: string }>`SELECT count(*) AS n FROM kpi_dossiers`.execute(db)).rows[0]?.n ?? 0,
      )
      const counterRows = (
        await sql<{
          grain: string
          n: string
        }>`SELECT grain, count(*) AS n FROM kpi_counts GROUP BY grain ORDER BY grain`.execute(db)
      ).rows
      const load = loadavg()[0] ?? 0
      const dashboard = await time(() => loadDashboard(db, 'cchc-2021-2030', 2026, today))
      const baseline = await time(() => provinceOverview(db, { from: '2026-01-01', to: '2026-12-31', today }))
      const f = (ms: number) => ms.toFixed(1)
      return {
        name: 'programme',
        markdown: [
          `Command: \`DATABASE_URL=<server> npm run bench -- programme ${given === null ? `--count ${count}` : '--database <url>'}\` (PostgreSQL ${server}), ` +
            `${cpus().length} cores shared with other work (load average ${load.toFixed(1)} when measuring), ${new Date().toISOString().slice(0, 10)}.`,
          '',
          `Setup: ${given === null ? 'a fresh scratch database' : 'an existing database'}, migrated (the demo programme of migration 0033, year rows of 0046), demo catalogue; ` +
            `\`generateHistory\` wrote ${dossiers.toLocaleString('en')} dossiers received ${span.from} → ${span.to}; ` +
            `kpi_counts rows ${counterRows.map((r) => `${r.grain} ${Number(r.n).toLocaleString('en')}`).join(', ')}; ` +
            `${runs} runs each after one warm-up, today ${today}.`,
          '',
          '| query | p50 ms | p95 ms |',
          '|---|---|---|',
          `| programme dashboard 2026 (\`loadDashboard\`, 6 years) | ${f(dashboard.p50)} | ${f(dashboard.p95)} |`,
          `| baseline: \`provinceOverview\` 2026 (one year) | ${f(baseline.p50)} | ${f(baseline.p95)} |`,
          '',
          `Ratio dashboard / baseline p95: ${(dashboard.p95 / baseline.p95).toFixed(2)}.`,
        ],
        json: { count: dossiers, dashboardP50: dashboard.p50, dashboardP95: dashboard.p95, baselineP95: baseline.p95 },
      }
    } finally {
      await open.close()
    }
  } finally {
    await scratch.drop()
  }
}
