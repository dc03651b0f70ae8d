import type { InboundClient } from '../../adapters/national-portal/inbound-client.ts'
import { advanceCursor, leaseCursor, releaseCursor, unfinishedIntakes } from '../../store/portal/inbound-intakes.ts'
import { batchCatalogue } from './intake-catalogue.ts'
import { checkInbound, type IntakeDeps, receiveInbound, refuseDelivery, resumeIntake } from './intake-dossier.ts'

export type PullOptions = {
  /** This instance's name in the lease (host and process id). */
  readonly holder: string
  /** How long one round may hold the cursor; above the platform timeout times the pages of a round. */
  readonly leaseMs: number
  readonly pageSize: number
  /** Pages per round at most, so a round ends and the lease is renewed. */
  readonly maxPages: number
  /** A page's dossiers taken in at once (one fetching while another is created); 1 by default. */
  readonly concurrency?: number
}

export type PullRound =
  | { readonly kind: 'leased-elsewhere' }
  | { readonly kind: 'pulled'; readonly pages: number; readonly items: number; readonly cursor: string | null }

/**
 * Lấy hồ sơ mới từ nền tảng: one instance at a time (a lease on the cursor row), page after page
 * from the stored cursor. Each page's dossiers are taken in (idempotently: duplicates and dossiers
 * seen out of order meet their intake) before the cursor moves past them, so a crash repeats a page
 * rather than skipping one. A body that fails the schema is kept as a refusal and skipped. The
 * dossiers of a page are taken in `concurrency` at a time (two deliveries of one dossier meet at its
 * intake row's lock), and the catalogue is looked up once a round.
 */
export async function pullOnce(
  deps: IntakeDeps & { readonly client: InboundClient },
  options: PullOptions,
): Promise<PullRound> {
  const lease = await leaseCursor(deps.db, options.holder, deps.now(), options.leaseMs)
  if (!lease) return { kind: 'leased-elsewhere' }
  let cursor = lease.cursor
  let pages = 0
  let items = 0
  const round = { ...deps, catalogue: batchCatalogue() }
  const takeIn = async (item: unknown) => {
    const checked = checkInbound(item)
    if (checked.ok) await receiveInbound(round, checked.dossier, 'pull')
    else await refuseDelivery(deps.db, 'pull', item, 'invalid-body', checked.detail, deps.now())
  }
  try {
    while (pages < options.maxPages) {
      const page = await deps.client.page(cursor, options.pageSize)
      pages++
      await eachConcurrently(page.items, options.concurrency ?? 1, takeIn)
      items += page.items.length
      const next = page.nextCursor ?? cursor
      if (!(await advanceCursor(deps.db, options.holder, next))) break
      cursor = next
      if (page.items.length < options.pageSize) break
    }
  } finally {
    await releaseCursor(deps.db, options.holder)
  }
  return { kind: 'pulled', pages, items, cursor }
}

/**
 * Intakes a crash or an unavailable platform left half-way and nobody touched for `idleMs`: each is
 * taken on from its recorded step. Returns how many were looked at.
 */
export async function resumeUnfinished(deps: IntakeDeps, options: { idleMs: number; limit: number }): Promise<number> {
  const ids = await unfinishedIntakes(deps.db, deps.now(), options.idleMs, options.limit)
  for (const id of ids) await resumeIntake(deps, id)
  return ids.length
}

/** `work` on every item, at most `limit` at a time; the first failure is thrown once all have settled. */
async function eachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0
  const failures: unknown[] = []
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i] as T).catch((e) => failures.push(e))
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  if (failures.length > 0) throw failures[0]
}
