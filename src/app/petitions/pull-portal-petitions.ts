import type { InboundClient } from '../../adapters/national-portal/inbound-client.ts'
import { readInboundPetition } from '../../adapters/national-portal/inbound-petition.ts'
import {
  advancePetitionCursor,
  holdPetitionFeed,
  type PetitionVia,
  recordPetitionRefusal,
  releasePetitionFeed,
} from '../../store/petitions/portal-petition-intake.ts'
import type { PetitionDeps } from './petition-deps.ts'
import { receivePortalPetition } from './receive-portal-petition.ts'

export type PetitionPullOptions = {
  /** This instance's name in the lease (host and process id). */
  readonly holder: string
  /** How long one round may hold the feed; above the platform timeout times the pages of a round. */
  readonly leaseMs: number
  readonly pageSize: number
  /** Pages per round at most, so a round ends and the lease is given up. */
  readonly maxPages: number
}

export type PetitionPullRound =
  | { readonly kind: 'leased-elsewhere' }
  | { readonly kind: 'pulled'; readonly pages: number; readonly items: number; readonly cursor: string | null }

/** What the body claims as its portal id, for the refusal's record only (never a key). */
const claimedId = (item: unknown) => {
  const id = typeof item === 'object' && item !== null ? (item as { MaPAKNQuocGia?: unknown }).MaPAKNQuocGia : null
  return typeof id === 'string' ? id.slice(0, 100) : null
}

/** A petition delivery that cannot be trusted (signature, schema) kept with what it claims, pushed or pulled. */
export function refusePetitionDelivery(
  deps: Pick<PetitionDeps, 'db' | 'now'>,
  via: PetitionVia,
  body: unknown,
  reason: string,
  detail: string | null,
): Promise<void> {
  return recordPetitionRefusal(deps.db, { via, claimedPortalId: claimedId(body), reason, detail, at: deps.now() })
}

/**
 * Lấy PAKN mới từ nền tảng: one instance at a time (the job lease `portal-petitions-pull`), page
 * after page of the platform's petition feed from the stored cursor. Each page's petitions are
 * received (once per `MaPAKNQuocGia`: duplicates and petitions seen out of order meet the petition
 * already received) before the cursor moves past them, so a crash repeats a page rather than
 * skipping one. A body off the schema is kept as a refusal and skipped; one naming a unit or dossier
 * motcua does not know is kept and reported back, as a pushed one is.
 */
export async function pullPetitionsOnce(
  deps: PetitionDeps & { readonly client: Pick<InboundClient, 'petitionPage'> },
  options: PetitionPullOptions,
): Promise<PetitionPullRound> {
  const lease = await holdPetitionFeed(deps.db, options.holder, deps.now(), options.leaseMs)
  if (!lease) return { kind: 'leased-elsewhere' }
  let cursor = lease.cursor
  let pages = 0
  let items = 0
  try {
    while (pages < options.maxPages) {
      const page = await deps.client.petitionPage(cursor, options.pageSize)
      pages++
      for (const item of page.items) {
        const read = readInboundPetition(item)
        if (read.ok) await receivePortalPetition(deps, read.petition, 'pull')
        else await refusePetitionDelivery(deps, 'pull', item, 'invalid-body', read.detail)
      }
      items += page.items.length
      const next = page.nextCursor ?? cursor
      if (next !== null && !(await advancePetitionCursor(deps.db, options.holder, next, deps.now()))) break
      cursor = next
      if (page.items.length < options.pageSize) break
    }
  } finally {
    await releasePetitionFeed(deps.db, options.holder)
  }
  return { kind: 'pulled', pages, items, cursor }
}
