import { cpus, loadavg } from 'node:os'
import { sql } from 'kysely'
import { documentIndicatorReport } from '../src/app/documents/document-indicators.ts'
import { loadCatalogFile } from '../src/store/catalog/load-catalog-file.ts'
import { openDatabase } from '../src/store/database.ts'
import { migrate } from '../src/store/migrate.ts'
import { createScratchDatabase } from '../test/support/test-database.ts'
import type { BenchmarkResult } from './run.ts'

const runs = 30
const today = '2026-11-25'

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
  const n = Number(at >= 0 ? argv[at + 1] : '100000')
  if (!Number.isInteger(n) || n <= 0) throw new Error('--count needs a whole number')
  return n
}

/**
 * The document indicators of 2026 for the province (`documentIndicatorReport`: the indexed aggregate
 * queries of migration 0039) over generated documents spread 2021 → 2026, beside a baseline in the
 * same run: the same figures read naively from the projection's `state` jsonb in one full scan.
 */
export async function documentIndicatorsBenchmark(): Promise<BenchmarkResult> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) throw new Error('the document-indicators benchmark runs on PostgreSQL only: set DATABASE_URL')
  const count = countOption(process.argv.slice(2))
  const scratch = await createScratchDatabase(serverUrl)
  try {
    const open = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 })
    try {
      const { db } = open
      await migrate(db)
      await loadCatalogFile(db)
      // Half outgoing (issued, one in five to an outside agency), half incoming (a deadline ten days
      // after arrival, two in three finished up to 14 days after arrival), over ~2,150 days and every agency.
      await sql`
        WITH a AS (SELECT array_agg(id ORDER BY id) AS ids FROM agencies),
        g AS (SELECT i, date '2021-01-01' + (i % 2150) AS day FROM generate_series(1, ${count}) i)
        INSERT INTO documents (id, direction, agency_id, status, doc_type, year, subject, registered_on, due_on,
          created_at, state, version)
        SELECT gen_random_uuid(),
          CASE WHEN i % 2 = 0 THEN 'outgoing' ELSE 'incoming' END,
          a.ids[1 + i % array_length(a.ids, 1)],
          CASE WHEN i % 2 = 0 THEN 'issued' WHEN i % 3 <> 0 THEN 'done' ELSE 'assigned' END,
          'cong-van', extract(year FROM day)::int, 'Văn bản ' || i,
          CASE WHEN i % 2 = 0 THEN day END,
          CASE WHEN i % 2 = 1 THEN day + 10 END,
          (day::timestamp AT TIME ZONE 'UTC') + interval '2 hours',
          CASE WHEN i % 2 = 0
            THEN jsonb_build_object('external', CASE WHEN i % 5 = 0 THEN '[{"code":"000.00.00.G10","name":"x"}]'::jsonb ELSE '[]'::jsonb END)
            ELSE jsonb_build_object('finishedAt', CASE WHEN i % 3 <> 0
              THEN to_char((day + (i % 15))::timestamp + interval '3 hours', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"') END)
          END, 1
        FROM g, a`.execute(db)
      await sql`VACUUM ANALYZE documents`.execute(db)
      const server =
        (await sql<{ server_version: string }>`SHOW server_version`.execute(db)).rows[0]?.server_version ?? '?'
      const load = loadavg()[0]?.toFixed(2)
      const report = await time(() => documentIndicatorReport(db, { from: '2026-01-01', to: '2026-12-31', today }))
      const baseline = await time(() =>
        sql`
          SELECT agency_id,
            count(*) FILTER (WHERE direction = 'outgoing' AND status = 'issued'
              AND registered_on BETWEEN '2026-01-01' AND ${today}),
            count(*) FILTER (WHERE direction = 'outgoing' AND jsonb_array_length(state -> 'external') = 0),
            count(*) FILTER (WHERE direction = 'incoming' AND created_at >= '2025-12-31T17:00:00Z'),
            count(*) FILTER (WHERE direction = 'incoming' AND state ->> 'finishedAt' >= '2025-12-31T17:00:00Z'),
            count(*) FILTER (WHERE direction = 'incoming' AND state ->> 'finishedAt' IS NULL AND due_on < ${today})
          FROM documents GROUP BY agency_id`.execute(db),
      )
      const f = (ms: number) => ms.toFixed(1)
      return {
        name: 'document-indicators',
        markdown: [
          `Command: \`DATABASE_URL=<server> npm run bench -- document-indicators --count ${count}\` (PostgreSQL ${server}), ` +
            `${cpus().length} cores shared with other work, load average ${load}, ${new Date().toISOString().slice(0, 10)}.`,
          '',
          `Setup: a fresh scratch database, migrated, demo catalogue; ${count.toLocaleString('en')} generated documents ` +
            `(half issued outgoing, half incoming) over 2021-01-01 → 2026-11-20 and every agency; ${runs} runs each after one warm-up.`,
          '',
          '| query | p50 ms | p95 ms |',
          '|---|---|---|',
          `| \`documentIndicatorReport\` 2026, the province (indexed, migration 0039) | ${f(report.p50)} | ${f(report.p95)} |`,
          `| baseline: the same figures from \`state\` jsonb, one full scan | ${f(baseline.p50)} | ${f(baseline.p95)} |`,
          '',
          `Ratio report / baseline p95: ${(report.p95 / baseline.p95).toFixed(2)}.`,
        ],
        json: { count, reportP50: report.p50, reportP95: report.p95, baselineP95: baseline.p95 },
      }
    } finally {
      await open.close()
    }
  } finally {
    await scratch.drop()
  }
}
