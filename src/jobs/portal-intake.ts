import { hostname } from 'node:os'
import type { InboundClient } from '../adapters/national-portal/inbound-client.ts'
import type { IntakeDeps } from '../app/portal/intake-dossier.ts'
import { pullOnce, resumeUnfinished } from '../app/portal/intake-pull.ts'

export type PortalIntakeJobOptions = {
  /** Pull new dossiers each round (PORTAL_INBOUND_MODE=pull); push mode only resumes unfinished intakes. */
  readonly pull: boolean
  readonly intervalMs: number
  /** How long an unfinished intake stays its process's before another round takes it on. */
  readonly idleMs: number
  /** How long one pull round holds the cursor. */
  readonly leaseMs: number
  readonly onError?: (error: unknown) => void
}

/**
 * The intake of national-portal dossiers as a background job of the server: every `intervalMs`, pull
 * a round (pull mode, one instance at a time by the cursor's lease) and take on the intakes a crash
 * or an unavailable platform left half-way.
 */
export function startPortalIntake(
  deps: IntakeDeps & { readonly client: InboundClient },
  options: PortalIntakeJobOptions,
): { stop(): Promise<void> } {
  const holder = `${hostname()}:${process.pid}`
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  let stopped = false
  const round = async () => {
    try {
      if (options.pull)
        await pullOnce(deps, { holder, leaseMs: options.leaseMs, pageSize: 50, maxPages: 20, concurrency: 8 })
    } catch (error) {
      options.onError?.(error)
    }
    try {
      await resumeUnfinished(deps, { idleMs: options.idleMs, limit: 50 })
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
