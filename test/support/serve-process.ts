import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { freePort } from './free-port.ts'

const motcua = join(import.meta.dirname, '..', '..', 'bin', 'motcua')

/** A `bin/motcua serve` child process on loopback, its output kept for failure messages. */
export type ServeProcess = {
  readonly base: string
  readonly port: number
  readonly child: ChildProcess
  output(): string
  /** Resolves once GET /health answers 200; throws when the process exits or after `timeoutMs`. */
  healthy(timeoutMs?: number): Promise<void>
  /** Sends `signal` (SIGTERM by default) and resolves when the process has exited (SIGKILL after 10 s). */
  stop(signal?: NodeJS.Signals): Promise<void>
}

/** Starts `bin/motcua serve --port <free port> --host 127.0.0.1` with exactly `env` (plus PATH). */
export async function startServe(env: Record<string, string>, dataDir: string): Promise<ServeProcess> {
  const port = await freePort()
  const child = spawn(motcua, ['serve', '--port', String(port), '--host', '127.0.0.1', '--data-dir', dataDir], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const keep = (d: Buffer) => {
    log += d
    if (log.length > 200_000) log = log.slice(-100_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  const base = `http://127.0.0.1:${port}`
  return {
    base,
    port,
    child,
    output: () => log,
    async healthy(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`serve exited (${child.exitCode ?? child.signalCode}):\n${log.slice(-5000)}`)
        const ok = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) }).then(
          (r) => r.ok,
          () => false,
        )
        if (ok) return
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error(`serve did not become healthy in ${timeoutMs} ms:\n${log.slice(-5000)}`)
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill(signal)
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}
