import { hostname } from 'node:os'
import type { AxisDeps } from '../app/document-axis/axis-deps.ts'
import { pullIncoming } from '../app/document-axis/pull-incoming.ts'
import { type RepeatingJob, startRepeatingJob } from './repeating-job.ts'

export type DocumentAxisPullOptions = {
  readonly intervalMs: number
  /** How long one round holds the lease; above the axis timeout times the messages of a round. */
  readonly leaseMs: number
  readonly limit: number
  readonly onError?: (error: unknown) => void
}

/** Receiving from the national document axis as a background job: a leased pull round every `intervalMs`. */
export function startDocumentAxisPull(deps: AxisDeps, options: DocumentAxisPullOptions): RepeatingJob {
  const holder = `${hostname()}:${process.pid}`
  return startRepeatingJob({
    intervalMs: options.intervalMs,
    round: () => pullIncoming(deps, { holder, leaseMs: options.leaseMs, limit: options.limit }),
    onError: options.onError,
  })
}
