import { hostname } from 'node:os'
import type { InboundClient } from '../adapters/national-portal/inbound-client.ts'
import type { IntakeDeps } from '../app/portal/intake-dossier.ts'
import { pullOnce, resumeUnfinished } from '../app/portal/intake-pull.ts'
import { type RepeatingJob, startRepeatingJob } from './repeating-job.ts'

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
): RepeatingJob {
  const holder = `${hostname()}:${process.pid}`
  // A failed pull still lets the round take on unfinished intakes; each half reports its own error.
  const guarded = (step: () => Promise<unknown>) => step().catch((error: unknown) => options.onError?.(error))
  return startRepeatingJob({
    intervalMs: options.intervalMs,
    round: async () => {
      if (options.pull)
        await guarded(() => pullOnce(deps, { holder, leaseMs: options.leaseMs, pageSize: 50, maxPages: 20 }))
      await guarded(() => resumeUnfinished(deps, { idleMs: options.idleMs, limit: 50 }))
    },
    onError: options.onError,
  })
}
