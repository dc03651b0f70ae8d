import { hostname } from 'node:os'
import type { InboundClient } from '../adapters/national-portal/inbound-client.ts'
import type { PetitionDeps } from '../app/petitions/petition-deps.ts'
import { pullPetitionsOnce } from '../app/petitions/pull-portal-petitions.ts'
import { type RepeatingJob, startRepeatingJob } from './repeating-job.ts'

/**
 * Petitions sent on the national portal, pulled from the platform's feed as a background job of the
 * server (PORTAL_INBOUND_MODE=pull): a round every `intervalMs`, one instance at a time by the feed's
 * job lease (`pullPetitionsOnce`).
 */
export function startPortalPetitionsPull(
  deps: PetitionDeps & { readonly client: Pick<InboundClient, 'petitionPage'> },
  options: { readonly intervalMs: number; readonly leaseMs: number; readonly onError?: (error: unknown) => void },
): RepeatingJob {
  const holder = `${hostname()}:${process.pid}`
  return startRepeatingJob({
    intervalMs: options.intervalMs,
    round: () => pullPetitionsOnce(deps, { holder, leaseMs: options.leaseMs, pageSize: 50, maxPages: 20 }),
    onError: options.onError,
  })
}
