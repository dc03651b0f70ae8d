import { cpus } from 'node:os'
import { calendarBenchmark } from './calendar.ts'
import { declarationPdfBenchmark } from './declaration-pdf.ts'
import { declarationsBenchmark } from './declarations.ts'
import { documentIndicatorsBenchmark } from './document-indicators.ts'
import { documentsBenchmark } from './documents.ts'
import { formsBenchmark } from './forms.ts'
import { httpBenchmark } from './http.ts'
import { inboundBenchmark } from './inbound.ts'
import { indicatorsBenchmark } from './indicators.ts'
import { lifecycleBenchmark } from './lifecycle.ts'
import { lighthouseBenchmark } from './lighthouse.ts'
import { parIndexBenchmark } from './par-index.ts'
import { programmeBenchmark } from './programme.ts'
import { writeBenchmarkReport } from './report.ts'
import { searchBenchmark } from './search.ts'
import { startupBenchmark } from './startup.ts'
import { webBundleBenchmark } from './web-bundle.ts'

/** `npm run bench [-- name…] [--json]`: runs the named benchmarks (all by default) and records them. */
const benchmarks: Record<string, () => Promise<BenchmarkResult>> = {
  calendar: calendarBenchmark,
  forms: () => formsBenchmark(),
  declarations: declarationsBenchmark,
  'declaration-pdf': () => declarationPdfBenchmark(),
  'web-bundle': webBundleBenchmark,
  startup: startupBenchmark,
  search: searchBenchmark,
  lifecycle: lifecycleBenchmark,
  http: httpBenchmark,
  indicators: indicatorsBenchmark,
  lighthouse: lighthouseBenchmark,
  inbound: inboundBenchmark,
  documents: documentsBenchmark,
  'par-index': parIndexBenchmark,
  programme: programmeBenchmark,
  'document-indicators': documentIndicatorsBenchmark,
}

export type BenchmarkResult = {
  readonly name: string
  /** Markdown lines for docs/benchmarks.md. */
  readonly markdown: string[]
  readonly json: Record<string, number>
}

const args = process.argv.slice(2)
const json = args.includes('--json')
const names = args.filter(
  (a, i) =>
    !a.startsWith('--') &&
    args[i - 1] !== '--seconds' &&
    args[i - 1] !== '--sizes' &&
    args[i - 1] !== '--count' &&
    args[i - 1] !== '--database' &&
    args[i - 1] !== '--socket',
)
// The lifecycle and indicators benchmarks need a PostgreSQL server: by default they run only when DATABASE_URL names one.
const needsPostgres = new Set(['lifecycle', 'indicators', 'inbound', 'documents', 'programme', 'document-indicators'])
const chosen =
  names.length > 0 ? names : Object.keys(benchmarks).filter((n) => !needsPostgres.has(n) || process.env.DATABASE_URL)
const unknown = chosen.filter((n) => !(n in benchmarks))
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`)
  process.exit(2)
}
const results: BenchmarkResult[] = []
for (const name of chosen) {
  const run = benchmarks[name]
  if (!run) continue
  console.error(`running ${name}…`)
  const result = await run()
  results.push(result)
  console.log(result.markdown.join('\n'))
}
writeBenchmarkReport(results, {
  command: `npm run bench -- ${chosen.join(' ')}`,
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node.js ${process.version}`,
  date: new Date().toISOString().slice(0, 10),
})
if (json) for (const r of results) console.log(JSON.stringify(r.json))
