import { cpus } from 'node:os'
import { sql } from 'kysely'
import { loadDashboard } from '../src/app/programme/load-dashboard.ts'
import { seedYearDecisions } from '../src/store/calendar/calendar-years.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import { loadCatalogFile } from '../src/store/catalog/load-catalog-file.ts'
import { openDatabase } from '../src/store/database.ts'
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

/**
 * The programme dashboard of 2026 (the demo programme 2021–2030: six years measured, one
 * `provinceOverview` each, plus targets and reported figures) against its baseline in the same run:
 * one `provinceOverview` of the year, the indicator dashboard's own query, over the same counters.
 */
export async function programmeBenchmark(): Promise<BenchmarkResult> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) throw new Error('the programme benchmark runs on PostgreSQL only: set DATABASE_URL')
  const count = countOption(process.argv.slice(2))
  const scratch = await createScratchDatabase(serverUrl)
  try {
    const open = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 })
    try {
      const { db } = open
      await migrate(db)
      await loadCatalogFile(db)
      await seedYearDecisions(db, publishedDecisions(), new Date(`${today}T00:00:00Z`))
      await generateHistory(db, {
        count,
        ...span,
        random: seededRandom(2025),
        workingDays: workingDaysFromDatabase(db),
        copyUrl: scratch.url,
      })
      await sql`VACUUM ANALYZE kpi_counts`.execute(db)
      const server =
        (await sql<{ server_version: string }>`SHOW server_version`.execute(db)).rows[0]?.server_version ?? '?'
      const dashboard = await time(() => loadDashboard(db, 'cchc-2021-2030', 2026, today))
      const baseline = await time(() => provinceOverview(db, { from: '2026-01-01', to: '2026-12-31', today }))
      const f = (ms: number) => ms.toFixed(1)
      return {
        name: 'programme',
        markdown: [
          `Command: \`DATABASE_URL=<server> npm run bench -- programme --count ${count}\` (PostgreSQL ${server}), ` +
            `${cpus().length} cores shared with other work, ${new Date().toISOString().slice(0, 10)}.`,
          '',
          `Setup: a fresh scratch database, migrated (the demo programme of migration 0033), demo catalogue; ` +
            `\`generateHistory\` writes ${count.toLocaleString('en')} dossiers received ${span.from} → ${span.to}; ` +
            `${runs} runs each after one warm-up, today ${today}.`,
          '',
          '| query | p50 ms | p95 ms |',
          '|---|---|---|',
          `| programme dashboard 2026 (\`loadDashboard\`, 6 years) | ${f(dashboard.p50)} | ${f(dashboard.p95)} |`,
          `| baseline: \`provinceOverview\` 2026 (one year) | ${f(baseline.p50)} | ${f(baseline.p95)} |`,
          '',
          `Ratio dashboard / baseline p95: ${(dashboard.p95 / baseline.p95).toFixed(2)}.`,
        ],
        json: { count, dashboardP50: dashboard.p50, dashboardP95: dashboard.p95, baselineP95: baseline.p95 },
      }
    } finally {
      await open.close()
    }
  } finally {
    await scratch.drop()
  }
}
