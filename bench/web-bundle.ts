import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { BenchmarkResult } from './run.ts'

const root = join(import.meta.dirname, '..')

/**
 * What a citizen's phone downloads before the first page works: the built JavaScript and CSS of the
 * entry (gzip), against the office area that is split off and loaded only by officers.
 */
export async function webBundleBenchmark(): Promise<BenchmarkResult> {
  execFileSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'ignore' })
  const assets = join(root, 'web', 'dist', 'assets')
  // The .br and .gz copies beside each asset (the precompress plugin) are the same bytes again.
  const sizes = readdirSync(assets)
    .filter((file) => !/\.(br|gz)$/.test(file))
    .map((file) => {
      const content = readFileSync(join(assets, file))
      return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length }
    })
  const entry = sizes.filter((s) => /^index-.*\.(js|css)$/.test(s.file))
  const office = sizes.filter((s) => s.file.startsWith('OfficeArea-'))
  // The message catalogues (vi + en) are a chunk the entry preloads; the e-form renderer is a lazy chunk
  // shared by the citizen's wizard and the counter's page, each with a small chunk of its own.
  const messages = sizes.filter((s) => s.file.startsWith('messages-'))
  const renderer = sizes.filter((s) =>
    /^(use-declaration-form|CitizenDeclaration|named-rules|declaration-api)-.*\.(js|css)$/.test(s.file),
  )
  const sum = (list: typeof sizes, key: 'raw' | 'gzip') => list.reduce((a, s) => a + s[key], 0)
  const kb = (n: number) => (n / 1024).toFixed(1)
  return {
    name: 'web-bundle',
    markdown: [
      'Built web app (`npm run build:web`, Vite), gzip level 9.',
      '',
      '| chunk | raw KiB | gzip KiB |',
      '|---|---|---|',
      ...sizes.map((s) => `| ${s.file} | ${kb(s.raw)} | ${kb(s.gzip)} |`),
      '',
      `Citizen entry (JS + CSS): ${kb(sum(entry, 'gzip'))} KiB gzip (goal ≤ 90), plus the preloaded message catalogues ` +
        `${kb(sum(messages, 'gzip'))} KiB; the office area adds ${kb(sum(office, 'gzip'))} KiB only for officers.`,
      `The e-form (renderer, react-hook-form, @cfworker/json-schema, the citizen's steps and their CSS): ` +
        `${kb(sum(renderer, 'gzip'))} KiB gzip, fetched only when a form opens.`,
      'On a 400 kbit/s mobile link the entry downloads in about ' +
        `${((sum(entry, 'gzip') * 8) / 400_000).toFixed(1)} s (before the API calls).`,
    ],
    json: {
      entryGzipBytes: sum(entry, 'gzip'),
      messagesGzipBytes: sum(messages, 'gzip'),
      officeGzipBytes: sum(office, 'gzip'),
      declarationFormGzipBytes: sum(renderer, 'gzip'),
    },
  }
}
