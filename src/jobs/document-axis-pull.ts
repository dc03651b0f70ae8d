import { hostname } from 'node:os'
import type { AxisDeps } from '../app/document-axis/axis-deps.ts'
import { pullIncoming } from '../app/document-axis/pull-incoming.ts'

export type DocumentAxisPullOptions = {
  readonly intervalMs: number
  /** How long one round holds the lease; above the axis timeout times the messages of a round. */
  readonly leaseMs: number
  readonly limit: number
  readonly onError?: (error: unknown) => void
}

/** Receiving from the national document axis as a background job: a leased pull round every `intervalMs`. */
export function startDocumentAxisPull(deps: AxisDeps, options: DocumentAxisPullOptions): { stop(): Promise<void> } {
  const holder = `${hostname()}:${process.pid}`
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  let stopped = false
  const round = async () => {
    try {
      await pullIncoming(deps, { holder, leaseMs: options.leaseMs, limit: options.limit })
    } catch (error) {
      options.onError?.(error)
    }
  }
  const schedule = (ms: number) => {
    if (stopped) return
    timer = setTimeout(() => {
      running = round().finally(() => {
        running = null
        schedule(options.intervalMs)
      })
    }, ms)
    timer.unref()
  }
  schedule(0)
  return {
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running
    },
  }
}
