import { sql } from 'kysely'
import { buildApp } from '../src/http/app.ts'
import { loadCatalogFile } from '../src/store/catalog/load-catalog-file.ts'
import { searchProcedures } from '../src/store/catalog/procedure-queries.ts'
import { openDatabase } from '../src/store/database.ts'
import { migrate } from '../src/store/migrate.ts'
import type { BenchmarkResult } from './run.ts'

const queries = [
  'giay phep xay dung',
  'dang ky khai sinh',
  'ket hon',
  'chung thuc ban sao',
  'dang ky ho kinh doanh',
  'cap doi giay phep lai xe',
  'ly lich tu phap',
  'dat dai',
  'thuong tru',
  'tro cap',
]

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0

async function timeLoop(rounds: number, run: (q: string) => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < rounds; i++) {
    const q = queries[i % queries.length] as string
    const start = process.hrtime.bigint()
    await run(q)
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return times.sort((a, b) => a - b)
}

/**
 * Search latency on the demo catalogue (PGlite, or DATABASE_URL), through HTTP (inject) and the
 * store, against a naive query (normalise every name on the fly, LIKE per word, no index) and the
 * floor of one `SELECT 1` round trip on the same database.
 */
export async function searchBenchmark(): Promise<BenchmarkResult> {
  const url = process.env.DATABASE_URL
  const open = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'embedded', dataDir: 'memory://' })
  await migrate(open.db)
  await loadCatalogFile(open.db)
  const today = '2026-11-26'
  const app = await buildApp({ db: open.db, now: () => new Date('2026-11-26T03:00:00Z') })
  const rounds = 2000
  const search = (q: string) => searchProcedures(open.db, { q, page: 1, pageSize: 20, today })
  const naive = (q: string) => {
    let query = open.db.selectFrom('procedure_versions').select(['procedure_code', 'name'])
    for (const word of q.split(' ')) query = query.where(sql<boolean>`search_normalize(name) LIKE ${`%${word}%`}`)
    return query.limit(20).execute()
  }
  await timeLoop(200, search)
  await timeLoop(200, naive)
  const http = await timeLoop(rounds, (q) =>
    app.inject({ method: 'GET', url: `/api/procedures?q=${encodeURIComponent(q)}` }),
  )
  const store = await timeLoop(rounds, search)
  const naiveTimes = await timeLoop(rounds, naive)
  const floor = await timeLoop(rounds, () => sql`SELECT 1`.execute(open.db))
  const procedures = (await sql<{ n: number }>`SELECT count(*) AS n FROM procedure_versions`.execute(open.db)).rows[0]
    ?.n
  await app.close()
  await open.close()
  const perSecond = (times: number[]) => Math.round((1000 * times.length) / times.reduce((a, b) => a + b, 0))
  const row = (label: string, t: number[]) =>
    `| ${label} | ${percentile(t, 0.5).toFixed(2)} | ${percentile(t, 0.95).toFixed(2)} | ${perSecond(t)} |`
  const engine = url ? 'PostgreSQL' : 'PGlite'
  return {
    name: `search-${engine.toLowerCase()}`,
    markdown: [
      `Procedure search on the demo catalogue (${procedures} procedure versions), ${engine}, ${rounds} sequential`,
      `queries cycling over ${queries.length} unaccented phrases ("${queries[0]}", …).`,
      '',
      '| path | p50 ms | p95 ms | queries/s |',
      '|---|---|---|---|',
      row('GET /api/procedures?q= (Fastify inject)', http),
      row('searchProcedures (store, ranked, indexed)', store),
      row('baseline: naive LIKE on unaccented names', naiveTimes),
      row('floor: SELECT 1 round trip', floor),
      '',
      `Ratio store / naive (queries/s): ${(perSecond(store) / perSecond(naiveTimes)).toFixed(2)}; ` +
        `store / SELECT 1: ${(perSecond(store) / perSecond(floor)).toFixed(2)}.`,
    ],
    json: {
      httpP50Ms: percentile(http, 0.5),
      storeQueriesPerSecond: perSecond(store),
      naiveQueriesPerSecond: perSecond(naiveTimes),
      ratio: perSecond(store) / perSecond(naiveTimes),
    },
  }
}
