import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import type { ProcedurePage } from '../src/domain/catalog/procedure-views.ts'
import { freePort } from './support/free-port.ts'
import { createScratchDatabase, engineName } from './support/test-database.ts'

const motcua = join(import.meta.dirname, '..', 'bin', 'motcua')

// The first start seeds 200 live and 12,000 history dossiers: 70–80 s on a busy two-core machine.
const firstStartMs = 180_000

async function waitHealthy(base: string, child: ChildProcess, log: () => string): Promise<void> {
  for (const deadline = Date.now() + firstStartMs; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}:\n${log()}`)
    const ok = await fetch(`${base}/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`serve did not become healthy in ${firstStartMs / 1000} s:\n${log()}`)
}

describe(`bin/motcua from a plain shell on ${engineName}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-cli-'))
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })]
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup()
  })

  test('serve on a new data directory migrates, seeds the demo and answers a search without diacritics', async () => {
    const port = await freePort()
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', PATH: '/usr/bin:/bin' }
    if (process.env.DATABASE_URL) {
      const scratch = await createScratchDatabase(process.env.DATABASE_URL)
      cleanups.push(scratch.drop)
      env.DATABASE_URL = scratch.url
    }
    const child = spawn(
      motcua,
      ['serve', '--port', String(port), '--host', '127.0.0.1', '--data-dir', join(dir, 'new')],
      {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve()
          child.once('exit', () => resolve())
          child.kill('SIGTERM')
        }),
    )
    const base = `http://127.0.0.1:${port}`
    await waitHealthy(base, child, () => output)
    const res = await fetch(`${base}/api/procedures?q=giay%20phep%20xay%20dung`)
    assert.equal(res.status, 200)
    const page = (await res.json()) as ProcedurePage
    assert.ok(page.items.length > 0)
    assert.match(page.items[0]?.name ?? '', /giấy phép xây dựng/i)
    const home = await fetch(`${base}/`)
    assert.equal(home.status, 200)
    assert.match(await home.text(), /lang="vi"/)
  })
})
