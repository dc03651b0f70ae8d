import type { InboundClient, InboundPage } from '../../adapters/national-portal/inbound-client.ts'
import { advanceCursor, leaseCursor, releaseCursor, unfinishedIntakes } from '../../store/portal/inbound-intakes.ts'
import { batchCatalogue } from './intake-catalogue.ts'
import { type IntakeDeps, resumeIntake } from './intake-dossier.ts'
import { createPage, type StagedPage, stagePage } from './intake-page.ts'

export type PullOptions = {
  /** This instance's name in the lease (host and process id). */
  readonly holder: string
  /** How long one round may hold the cursor; above the platform timeout times the pages of a round. */
  readonly leaseMs: number
  readonly pageSize: number
  /** Pages per round at most, so a round ends and the lease is renewed. */
  readonly maxPages: number
}

export type PullRound =
  | { readonly kind: 'leased-elsewhere' }
  | { readonly kind: 'pulled'; readonly pages: number; readonly items: number; readonly cursor: string | null }

/**
 * Lấy hồ sơ mới từ nền tảng: one instance at a time (a lease on the cursor row), page after page
 * from the stored cursor. Each page's dossiers are taken in (idempotently: duplicates and dossiers
 * seen out of order meet their intake) before the cursor moves past them, so a crash repeats a page
 * rather than skipping one. A body that fails the schema is kept as a refusal and skipped. A page is
 * taken in as a whole (intake-page.ts: staged, then created in one transaction) while the next page
 * is fetched and staged, and the catalogue is looked up once a round.
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
  type Fetched = { readonly page: InboundPage; readonly staged: StagedPage }
  const fetchPage = async (from: string | null): Promise<Fetched> => {
    const page = await deps.client.page(from, options.pageSize)
    return { page, staged: await stagePage(round, page.items, 'pull') }
  }
  let next: Promise<Fetched> | null = fetchPage(cursor)
  try {
    while (next !== null) {
      const { page, staged }: Fetched = await next
      pages++
      const after: string | null = page.nextCursor ?? cursor
      const more: boolean = pages < options.maxPages && page.items.length >= options.pageSize
      // The next page is fetched and its attachments stored while this one is created.
      next = more ? fetchPage(after) : null
      next?.catch(() => {})
      await createPage(round, staged)
      items += page.items.length
      if (!(await advanceCursor(deps.db, options.holder, after))) break
      cursor = after
    }
  } finally {
    await next?.catch(() => {})
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
