import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { loadavg } from 'node:os'
import Fastify, { type FastifyInstance } from 'fastify'
import type { StaffRole } from '../src/domain/access/principal.ts'
import { buildApp } from '../src/http/app.ts'
import { sessionCookie } from '../src/http/auth/access-control.ts'
import { seedYearDecisions } from '../src/store/calendar/calendar-years.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import { loadCatalogFile } from '../src/store/catalog/load-catalog-file.ts'
import { type OpenDatabase, openDatabase } from '../src/store/database.ts'
import { seededRandom } from '../src/store/dossiers/seed-dossiers.ts'
import { createSession } from '../src/store/identity/sessions.ts'
import { createOfficer, findOrCreateCitizen } from '../src/store/identity/users.ts'
import { generateHistory } from '../src/store/kpi/generate-history.ts'
import { migrate } from '../src/store/migrate.ts'
import { publishedDecisions } from '../src/store/seed/published-decisions.ts'
import { onlineBirthRegistration } from '../test/support/http-dossier.ts'
import { createScratchDatabase } from '../test/support/test-database.ts'
import type { BenchmarkResult } from './run.ts'

/** The part of autocannon 9 this benchmark uses (the package ships no types). */
type Request = {
  method?: string
  path?: string
  headers?: Record<string, string>
  body?: string
  setupRequest?: (request: Request, context: Record<string, unknown>) => Request
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void
}
type Result = {
  requests: { average: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
  timeouts: number
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string
  connections: number
  duration: number
  requests?: Request[]
}) => Promise<Result>

const connections = 10
/** Dossiers the officer command rotates over: more than the connections, so no two requests share one. */
const poolSize = 4 * connections
const historyDossiers = 12_000
const searches = ['dang ky khai sinh', 'giay phep xay dung', 'ket hon', 'chung thuc ban sao', 'ly lich tu phap']

/** `--seconds S` per route (default 10). */
function secondsOption(argv: readonly string[]): number {
  const at = argv.indexOf('--seconds')
  const raw = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--seconds='))?.slice('--seconds='.length)
  if (raw === undefined) return 10
  const seconds = Number(raw)
  if (!(seconds > 0)) throw new Error(`--seconds needs a positive number, got ${raw}`)
  return seconds
}

const urlOf = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

async function session(open: OpenDatabase, userId: string, method: 'password' | 'vneid') {
  const s = await createSession(open.db, userId, method, new Date())
  return { cookie: `${sessionCookie}=${s.token}`, 'x-csrf-token': s.csrfToken }
}

/** The demo database of `serve`'s first start: catalogue, calendar decisions and 12,000 history dossiers. */
async function demoDatabase(open: OpenDatabase, copyUrl: string | undefined) {
  await migrate(open.db)
  const catalog = await loadCatalogFile(open.db)
  await seedYearDecisions(open.db, publishedDecisions(), new Date())
  await generateHistory(open.db, {
    count: historyDossiers,
    from: '2025-01-01',
    to: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    random: seededRandom(2025),
    workingDays: workingDaysFromDatabase(open.db),
    copyUrl,
  })
  return catalog
}

type Dossier = { id: string; version: number }

/**
 * Dossiers received, transferred and assigned at Phường Bắc Nha Trang, and the leader who re-assigns
 * them between two specialists: re-assignment is legal in the appraisal phase, so the command can
 * repeat on the same dossier, each time with the version the previous answer returned.
 */
async function assignmentPool(open: OpenDatabase, app: FastifyInstance) {
  const now = new Date()
  const officer = async (role: StaffRole, agencyId: string, name: string) =>
    createOfficer(
      open.db,
      { username: `bench-${randomUUID()}`, name, password: randomUUID(), grants: [{ role, agencyId }] },
      now,
    )
  const counter = await session(open, await officer('counter_officer', 'ttpvhcc-22333', 'Lê Thu Hà'), 'password')
  const leaderId = await officer('leader', 'xa-22333', 'Huỳnh Quốc Nam')
  const leader = await session(open, leaderId, 'password')
  const specialists = [
    { assigneeId: await officer('specialist', 'xa-22333', 'Võ Đức Sơn'), assigneeName: 'Võ Đức Sơn' },
    { assigneeId: await officer('specialist', 'xa-22333', 'Phan Thị Mai'), assigneeName: 'Phan Thị Mai' },
  ] as const
  const citizenId = await findOrCreateCitizen(open.db, { identityNumber: '056190007777', name: 'Trần Thị Đo' }, now)
  const citizen = await session(open, citizenId, 'vneid')
  const post = async (url: string, headers: Record<string, string>, payload: object) => {
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'idempotency-key': randomUUID() },
      payload,
    })
    if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
    return res.json<Dossier>()
  }
  const pool: Dossier[] = []
  for (let i = 0; i < poolSize; i++) {
    let d = await post('/api/dossiers', citizen, onlineBirthRegistration())
    d = await post(`/api/dossiers/${d.id}/reception`, counter, { expectedVersion: d.version })
    d = await post(`/api/dossiers/${d.id}/transfer`, counter, { expectedVersion: d.version })
    d = await post(`/api/dossiers/${d.id}/assignment`, leader, { expectedVersion: d.version, ...specialists[0] })
    pool.push({ id: d.id, version: d.version })
  }
  let turn = 0
  /** One autocannon request that takes a free dossier, re-assigns it, and frees it with its new version. */
  const request: Request = {
    method: 'POST',
    setupRequest: (req, context) => {
      const d = pool.shift()
      if (!d) throw new Error('the assignment pool ran dry: more requests in flight than dossiers')
      context.dossier = d
      turn++
      return {
        ...req,
        path: `/api/dossiers/${d.id}/assignment`,
        headers: { ...leader, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ expectedVersion: d.version, ...specialists[turn % 2] }),
      }
    },
    onResponse: (status, body, context) => {
      const d = context.dossier as Dossier
      if (status === 200) d.version = (JSON.parse(body) as Dossier).version
      else console.error(`assignment ${d.id}: ${status} ${body.slice(0, 200)}`)
      pool.push(d)
    },
  }
  return request
}

type Row = { label: string; result: Result }

async function measure(label: string, url: string, seconds: number, requests: Request[]): Promise<Row> {
  const result = await autocannon({ url, connections, duration: seconds, requests })
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(`${label}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`)
  return { label, result }
}

/**
 * Requests/s and latency of the public routes and one officer command over real HTTP on loopback
 * (autocannon, 10 connections), beside a bare Fastify route in the same process and run, measured
 * before and after the routes (the machine is shared: its mean is the baseline).
 */
export async function httpBenchmark(): Promise<BenchmarkResult> {
  const seconds = secondsOption(process.argv.slice(2))
  const load = loadavg()[0] ?? 0
  const serverUrl = process.env.DATABASE_URL
  const scratch = serverUrl ? await createScratchDatabase(serverUrl) : null
  const engine = scratch ? 'PostgreSQL' : 'PGlite'
  const open = await openDatabase(
    scratch ? { kind: 'postgres', url: scratch.url } : { kind: 'embedded', dataDir: 'memory://' },
  )
  const bare = Fastify()
  let app: FastifyInstance | null = null
  try {
    const catalog = await demoDatabase(open, scratch?.url)
    app = await buildApp({ db: open.db, now: () => new Date() })
    bare.get('/bare', async () => ({ name: 'Một cửa điện tử', ok: true }))
    await Promise.all([app.listen({ port: 0, host: '127.0.0.1' }), bare.listen({ port: 0, host: '127.0.0.1' })])
    const assignment = await assignmentPool(open, app)
    const codes = catalog.procedures.slice(0, 20).map((p) => p.code)
    const motcua = urlOf(app)
    const rows: Row[] = []
    const bareBefore = await measure('bare Fastify route (before)', `${urlOf(bare)}/bare`, seconds, [{}])
    rows.push(
      await measure(
        'GET /api/procedures?q=',
        motcua,
        seconds,
        searches.map((q) => ({ path: `/api/procedures?q=${encodeURIComponent(q)}` })),
      ),
      await measure(
        'GET /api/procedures/{code}',
        motcua,
        seconds,
        codes.map((c) => ({ path: `/api/procedures/${c}` })),
      ),
      await measure('GET /api/statistics', motcua, seconds, [{ path: '/api/statistics' }]),
      await measure('POST /api/dossiers/{id}/assignment', motcua, seconds, [assignment]),
    )
    const bareAfter = await measure('bare Fastify route (after)', `${urlOf(bare)}/bare`, seconds, [{}])
    const baseline = (bareBefore.result.requests.average + bareAfter.result.requests.average) / 2
    return report(engine, seconds, baseline, load, [bareBefore, ...rows, bareAfter])
  } finally {
    await app?.close()
    await bare.close()
    await open.close()
    await scratch?.drop()
  }
}

const keys = ['search', 'procedurePage', 'statistics', 'assignment'] as const

function report(engine: string, seconds: number, baseline: number, load: number, rows: Row[]): BenchmarkResult {
  const ratio = (r: Row) => r.result.requests.average / baseline
  const line = (r: Row) =>
    `| ${r.label} | ${Math.round(r.result.requests.average)} | ${r.result.latency.p50} | ${r.result.latency.p99} | ${ratio(r).toFixed(3)} |`
  const json: Record<string, number> = { bareRps: Math.round(baseline) }
  rows.slice(1, -1).forEach((r, i) => {
    const key = keys[i] as string
    json[`${key}Rps`] = Math.round(r.result.requests.average)
    json[`${key}P50Ms`] = r.result.latency.p50
    json[`${key}P99Ms`] = r.result.latency.p99
    json[`${key}Ratio`] = Number(ratio(r).toFixed(3))
  })
  return {
    name: `http-${engine.toLowerCase()}`,
    markdown: [
      `HTTP on loopback with autocannon (${connections} connections, ${seconds} s per row, one after the other), ${engine},`,
      `the demo database of a first start (catalogue, calendar, ${historyDossiers.toLocaleString('en')} history dossiers).`,
      ...(engine === 'PostgreSQL'
        ? ['Run as `DATABASE_URL=<server> npm run bench -- http`, in a scratch database of its own, dropped after.']
        : []),
      'The officer command re-assigns one of 40 dossiers per request (session cookie + CSRF token, a fresh',
      'Idempotency-Key and the version the previous answer returned). Ratio: requests/s over the bare Fastify',
      'route (a small JSON in the same process), the mean of its runs before and after the routes. autocannon',
      'itself runs in that process too, so every row pays for its client alike. The machine was shared with',
      `other engineers' test runs (load average ${load.toFixed(1)} on 2 cores when the run began): read the ratios.`,
      '',
      '| route | requests/s | p50 ms | p99 ms | ratio to bare |',
      '|---|---|---|---|---|',
      ...rows.map(line),
    ],
    json,
  }
}
