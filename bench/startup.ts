import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../test/support/free-port.ts'
import type { BenchmarkResult } from './run.ts'

const motcua = join(import.meta.dirname, '..', 'bin', 'motcua')

async function secondsToHealthy(dataDir: string): Promise<number> {
  const port = await freePort()
  const start = performance.now()
  const child = spawn(motcua, ['serve', '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  })
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`)
      if (
        await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return (performance.now() - start) / 1000
      await new Promise((r) => setTimeout(r, 50))
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
}

/** Time from `bin/motcua serve` to a healthy /health: on a new data dir (migrate + seed), then a restart. */
export async function startupBenchmark(): Promise<BenchmarkResult> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'))
  try {
    const fresh = await secondsToHealthy(join(dir, 'data'))
    const restart = await secondsToHealthy(join(dir, 'data'))
    return {
      name: 'startup',
      markdown: [
        'Time from `bin/motcua serve` to `GET /health` = 200 on embedded PGlite.',
        '',
        '| case | seconds |',
        '|---|---|',
        `| new data dir (create database, migrate, load catalogue, seed 200 dossiers through the engine, generate 12,000 dossiers of history) | ${fresh.toFixed(2)} |`,
        `| restart on the same data dir (baseline) | ${restart.toFixed(2)} |`,
        '',
        `Ratio first start / restart: ${(fresh / restart).toFixed(2)}.`,
      ],
      json: { freshSeconds: fresh, restartSeconds: restart },
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
