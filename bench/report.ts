import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BenchmarkResult } from './run.ts'

const reportPath = join(import.meta.dirname, '..', 'docs', 'benchmarks.md')
const header = `# Benchmarks

Written by \`npm run bench\` (each section is replaced when its benchmark runs again). Absolute times on
the shared 2-core machines are noisy: read the ratios against the baseline measured in the same run.
`

/** Replaces each benchmark's section in docs/benchmarks.md, keeping the others. */
export function writeBenchmarkReport(
  results: BenchmarkResult[],
  run: { command: string; machine: string; date: string },
): void {
  const existing = existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : header
  const sections = new Map<string, string>()
  for (const match of existing.matchAll(/^## (\S+)\n([\s\S]*?)(?=^## |(?![\s\S]))/gm))
    sections.set(match[1] as string, match[2] as string)
  for (const r of results)
    sections.set(
      r.name,
      `\nCommand: \`${run.command}\` · machine: ${run.machine} · date: ${run.date}\n\n${r.markdown.join('\n')}\n\n`,
    )
  const body = [...sections.entries()].map(([name, text]) => `## ${name}\n${text}`).join('')
  writeFileSync(reportPath, `${header}\n${body}`.replace(/\n{3,}/g, '\n\n'))
}
