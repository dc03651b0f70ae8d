import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { test } from 'node:test'

/**
 * The layers of src/ (docs/architecture.md) and what each may import from the others. The domain is
 * pure; the store runs SQL over the domain's types; adapters talk to one outside system each; the
 * application layer orchestrates the three; http, jobs and cli are the edges that call it (and
 * compose the whole, so they are not restricted here).
 */
const forbidden: Readonly<Record<string, readonly string[]>> = {
  domain: ['store', 'adapters', 'app', 'http', 'jobs', 'cli'],
  store: ['adapters', 'app', 'http', 'jobs', 'cli'],
  adapters: ['store', 'app', 'http', 'jobs', 'cli'],
  app: ['http', 'jobs', 'cli'],
}

const src = resolve(import.meta.dirname, '..', 'src')

/** Every module specifier of a file's static imports, re-exports and dynamic imports. */
function importsOf(source: string): string[] {
  const pattern =
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g
  return [...source.matchAll(pattern)].map((m) => m[1] ?? m[2] ?? m[3] ?? '')
}

/** The layer (first folder under src/) of a path, or null outside src/. */
const layerOf = (path: string) => {
  const inside = relative(src, path)
  return inside.startsWith('..') ? null : (inside.split(/[\\/]/)[0] ?? null)
}

/** Each import that breaks a rule, as "file: import". */
function violations(files: readonly { path: string; source: string }[]): string[] {
  return files.flatMap(({ path, source }) => {
    const from = layerOf(path)
    const banned = from === null ? [] : (forbidden[from] ?? [])
    return importsOf(source)
      .filter((spec) => spec.startsWith('.'))
      .filter((spec) => banned.includes(layerOf(resolve(dirname(path), spec)) ?? ''))
      .map((spec) => `${relative(resolve(src, '..'), path)}: ${spec}`)
  })
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    // Tests wire layers together (fixtures, seeds): the rules hold for what ships.
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

test('every import in src/ keeps to the layering: store, adapters and domain never reach up or sideways', () => {
  const files = sourceFiles(src).map((path) => ({ path, source: readFileSync(path, 'utf8') }))
  assert.ok(files.length > 100, `only ${files.length} source files found under ${src}`)
  assert.deepEqual(violations(files), [])
})

test('the check names the file and the import that breaks a rule', () => {
  const files = [
    { path: join(src, 'store', 'payments', 'x.ts'), source: "import { a } from '../../http/routes/y.ts'\n" },
    { path: join(src, 'adapters', 'mail', 'm.ts'), source: "import type { C } from '../../jobs/consumer.ts'\n" },
    { path: join(src, 'domain', 'kpi', 'k.ts'), source: "export { s } from '../../store/kpi/s.ts'\n" },
    { path: join(src, 'app', 'a.ts'), source: "const m = await import('../http/app.ts')\n" },
    { path: join(src, 'http', 'h.ts'), source: "import { u } from '../app/u.ts'\nimport { s } from '../store/s.ts'\n" },
    { path: join(src, 'store', 's.ts'), source: "import { d } from '../domain/d.ts'\nimport { t } from './t.ts'\n" },
  ]
  assert.deepEqual(violations(files), [
    'src/store/payments/x.ts: ../../http/routes/y.ts',
    'src/adapters/mail/m.ts: ../../jobs/consumer.ts',
    'src/domain/kpi/k.ts: ../../store/kpi/s.ts',
    'src/app/a.ts: ../http/app.ts',
  ])
})
