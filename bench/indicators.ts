import { sql } from 'kysely'
import { seedYearDecisions } from '../src/store/calendar/calendar-years.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import { loadCatalogFile } from '../src/store/catalog/load-catalog-file.ts'
import { type Db, openDatabase } from '../src/store/database.ts'
import { seededRandom } from '../src/store/dossiers/seed-dossiers.ts'
import { generateHistory } from '../src/store/kpi/generate-history.ts'
import { agencyRanking, ii06aReport, provinceOverview } from '../src/store/kpi/indicator-report.ts'
import { migrate } from '../src/store/migrate.ts'
import { publishedDecisions } from '../src/store/seed/published-decisions.ts'
import { createScratchDatabase } from '../test/support/test-database.ts'
import type { BenchmarkResult } from './run.ts'

const span = { from: '2021-01-01', to: '2026-11-25' } as const
const today = span.to
/** The overview and ranking look at the current year; II.06a at the last full year. */
const yearWindow = { from: '2026-01-01', to: '2026-12-31', today }
const reportYear = { from: '2025-01-01', to: '2025-12-31', today }
const runs = 50
const naiveRuns = 5

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0

/** `--sizes 1000000,10000000` or MOTCUA_BENCH_SIZES; 1M and 10M by default. */
function sizesOption(argv: readonly string[]): number[] {
  const at = argv.indexOf('--sizes')
  const raw =
    (at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length)) ??
    process.env.MOTCUA_BENCH_SIZES ??
    '1000000,10000000'
  const sizes = raw.split(',').map(Number)
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes needs whole numbers, got ${raw}`)
  return sizes
}

/**
 * The same figures as the engine, the naive way: one pass over the dossiers' facts rows, grouped.
 * Timeliness and the overdue stock follow `factsTimeliness` and `overdueSince` (facts.ts).
 */
function naiveQuery(db: Db, window: { from: string; to: string }, groupBy: 'none' | 'agency' | 'agency_field') {
  const keys = groupBy === 'none' ? sql`''` : groupBy === 'agency' ? sql`agency_id` : sql`agency_id || '|' || field_id`
  const local = (column: string) => sql.raw(`(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')`)
  const start = sql`(${window.from}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`
  const end = sql`((${window.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`
  const since = sql.raw(
    `CASE WHEN second_supplement_at IS NULL AND deadline_at IS NULL THEN NULL
       WHEN second_supplement_at IS NULL AND pending_supplement_since IS NOT NULL AND pending_supplement_since <= deadline_at THEN NULL
       ELSE least(deadline_at, second_supplement_at) END`,
  )
  return sql<{ key: string }>`
    WITH d AS (
      SELECT *, ${since} AS overdue_since FROM kpi_dossiers
    )
    SELECT ${keys} AS key,
      count(*) FILTER (WHERE received_at >= ${start} AND received_at < ${end}) AS received,
      count(*) FILTER (WHERE received_at >= ${start} AND received_at < ${end} AND channel = 2) AS received_online,
      count(*) FILTER (WHERE ended_at >= ${start} AND ended_at < ${end}) AS resolved,
      count(*) FILTER (WHERE ended_at >= ${start} AND ended_at < ${end} AND second_supplement_at IS NULL
        AND deadline_at IS NOT NULL AND ended_at <= deadline_at AND ${local('ended_at')}::date < ${local('deadline_at')}::date) AS early,
      count(*) FILTER (WHERE ended_at >= ${start} AND ended_at < ${end} AND second_supplement_at IS NULL
        AND (deadline_at IS NULL OR (ended_at <= deadline_at AND ${local('ended_at')}::date >= ${local('deadline_at')}::date))) AS on_time,
      count(*) FILTER (WHERE ended_at >= ${start} AND ended_at < ${end}
        AND (second_supplement_at IS NOT NULL OR ended_at > deadline_at)) AS late,
      count(*) FILTER (WHERE received_at < ${end} AND (ended_at IS NULL OR ended_at >= ${end})) AS in_progress,
      count(*) FILTER (WHERE overdue_since < ${end} AND (ended_at IS NULL OR ended_at >= ${end})
        AND (ended_at IS NULL OR ended_at > overdue_since)) AS overdue
    FROM d GROUP BY 1`.execute(db)
}

type Timing = { p50: number; p95: number; runs: number }

async function time(work: () => Promise<unknown>, count: number): Promise<Timing> {
  await work()
  const ms: number[] = []
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    await work()
    ms.push(performance.now() - start)
  }
  ms.sort((a, b) => a - b)
  return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), runs: count }
}

const queries = ['overview', 'ranking', 'ii06a'] as const
type QueryName = (typeof queries)[number]

type SizeResult = {
  readonly size: number
  readonly perSecond: number
  readonly countRows: number
  readonly engine: Record<QueryName, Timing>
  readonly naive: Record<QueryName, Timing>
}

async function measureSize(serverUrl: string, size: number): Promise<SizeResult> {
  const scratch = await createScratchDatabase(serverUrl)
  try {
    const open = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 })
    try {
      const { db } = open
      await migrate(db)
      await loadCatalogFile(db)
      await seedYearDecisions(db, publishedDecisions(), new Date(`${today}T00:00:00Z`))
      console.error(`indicators: generating ${size.toLocaleString('en')} dossiers…`)
      const started = performance.now()
      await generateHistory(db, {
        count: size,
        ...span,
        random: seededRandom(2025),
        workingDays: workingDaysFromDatabase(db),
        copyUrl: scratch.url,
        onProgress: (n) => console.error(`indicators: ${n.toLocaleString('en')}…`),
      })
      const perSecond = size / ((performance.now() - started) / 1000)
      await sql`VACUUM ANALYZE kpi_counts`.execute(db)
      await sql`VACUUM ANALYZE kpi_dossiers`.execute(db)
      const countRows = Number(
        (await sql<{ n: number }>`SELECT count(*) AS n FROM kpi_counts`.execute(db)).rows[0]?.n ?? 0,
      )
      console.error(`indicators: ${Math.round(perSecond)} dossiers/s, ${countRows} counter rows; timing queries…`)
      const engine = {
        overview: await time(() => provinceOverview(db, yearWindow), runs),
        ranking: await time(() => agencyRanking(db, yearWindow), runs),
        ii06a: await time(() => ii06aReport(db, reportYear), runs),
      }
      const naive = {
        overview: await time(() => naiveQuery(db, yearWindow, 'none'), naiveRuns),
        ranking: await time(() => naiveQuery(db, yearWindow, 'agency'), naiveRuns),
        ii06a: await time(() => naiveQuery(db, reportYear, 'agency_field'), naiveRuns),
      }
      return { size, perSecond, countRows, engine, naive }
    } finally {
      await open.close()
    }
  } finally {
    await scratch.drop()
  }
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1))
const label: Record<QueryName, string> = {
  overview: `overview (province, ${yearWindow.from}…${yearWindow.to})`,
  ranking: `agency ranking (${yearWindow.from}…${yearWindow.to})`,
  ii06a: `II.06a by field (${reportYear.from}…${reportYear.to})`,
}

/**
 * Latency of the indicator queries over the additive counters as history grows: for each size a
 * fresh database on the server, N generated dossiers over the same span (2021-01-01 → 2026-11-25),
 * then p50/p95 of the overview, the agency ranking and a yearly II.06a report, against the naive
 * GROUP BY over one facts row per dossier for the same figures, in the same run.
 */
export async function indicatorsBenchmark(): Promise<BenchmarkResult> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl)
    throw new Error(
      'the indicators benchmark runs on PostgreSQL only: set DATABASE_URL to a server URL, e.g. postgres://postgres@127.0.0.1:5432/postgres',
    )
  const sizes = sizesOption(process.argv.slice(2))
  const results: SizeResult[] = []
  for (const size of sizes) results.push(await measureSize(serverUrl, size))
  const server = await serverVersion(serverUrl)
  const first = results[0] as SizeResult
  const last = results[results.length - 1] as SizeResult
  const rows = results.flatMap((r) =>
    queries.map(
      (q) =>
        `| ${r.size.toLocaleString('en')} | ${label[q]} | ${fmt(r.engine[q].p50)} | ${fmt(r.engine[q].p95)} | ` +
        `${fmt(r.naive[q].p50)} | ${fmt(r.naive[q].p95)} | ${(r.naive[q].p50 / r.engine[q].p50).toFixed(0)}× |`,
    ),
  )
  const growth =
    results.length > 1
      ? queries.map(
          (q) =>
            `- ${label[q]}: p95 ${last.size.toLocaleString('en')}/${first.size.toLocaleString('en')} = ` +
            `${(last.engine[q].p95 / first.engine[q].p95).toFixed(2)} (naive ${(last.naive[q].p95 / first.naive[q].p95).toFixed(1)})`,
        )
      : []
  return {
    name: 'indicators',
    markdown: [
      `Command: \`DATABASE_URL=<server> npm run bench -- indicators --sizes ${sizes.join(',')}\` (PostgreSQL ${server}).`,
      '',
      `Setup: per size a fresh scratch database, migrated, demo catalogue loaded; \`generateHistory\` writes N dossiers`,
      `received ${span.from} → ${span.to} (facts rows by COPY, counters summed in memory and merged per 200,000),`,
      `then \`VACUUM ANALYZE\`. Engine: \`provinceOverview\`, \`agencyRanking\` (${yearWindow.from}…${yearWindow.to},`,
      `today ${today}) and \`ii06aReport\` (${reportYear.from}…${reportYear.to}) over \`kpi_counts\`, ${runs} runs each after`,
      `one warm-up. Naive: the same counts (received, online, resolved early/on time/late, in progress, overdue) by one`,
      `\`GROUP BY\` (none / agency / agency × field) over \`kpi_dossiers\`, ${naiveRuns} runs each after one warm-up.`,
      "Both run on motcua's connections, which turn JIT and parallel workers off (src/store/database.ts); with",
      "PostgreSQL's defaults the naive queries took 1.3–1.9 s at 10 million (2 parallel workers) and the engine's",
      'p95 was 26–94 ms (JIT compiling the sums), measured on 2026-11-26.',
      '',
      '| dossiers | query | engine p50 ms | engine p95 ms | naive p50 ms | naive p95 ms | naive/engine p50 |',
      '|---|---|---|---|---|---|---|',
      ...rows,
      '',
      ...results.map(
        (r) =>
          `Generation at ${r.size.toLocaleString('en')}: ${Math.round(r.perSecond).toLocaleString('en')} dossiers/s; ` +
          `${r.countRows.toLocaleString('en')} counter rows.`,
      ),
      ...(growth.length > 0 ? ['', 'Growth of the engine p95 with history size:', ...growth] : []),
    ],
    json: Object.fromEntries(
      results.flatMap((r) => [
        [`generatePerSecond_${r.size}`, Math.round(r.perSecond)],
        ...queries.flatMap((q) => [
          [`${q}P95Ms_${r.size}`, Number(r.engine[q].p95.toFixed(2))],
          [`${q}NaiveP95Ms_${r.size}`, Number(r.naive[q].p95.toFixed(1))],
        ]),
      ]),
    ),
  }
}

async function serverVersion(url: string): Promise<string> {
  const open = await openDatabase({ kind: 'postgres', url, poolSize: 1 })
  try {
    return (await sql<{ server_version: string }>`SHOW server_version`.execute(open.db)).rows[0]?.server_version ?? '?'
  } finally {
    await open.close()
  }
}
