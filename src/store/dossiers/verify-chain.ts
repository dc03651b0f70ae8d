import type { Db } from '../database.ts'
import { eventHash } from './event-hash.ts'

/** The first link of a dossier's chain that does not hold, named for the operator. */
export type BrokenLink = {
  readonly dossierId: string
  readonly code: string | null
  readonly seq: number
  readonly reason: string
}

/**
 * Recomputes every dossier's hash chain from its events and compares it with the stored links and
 * the head kept in the projection (which also catches a deleted last event). Returns the first
 * broken link, or null when every chain holds, with how many dossiers and events were checked.
 */
export async function verifyChains(db: Db): Promise<{ broken: BrokenLink | null; dossiers: number; events: number }> {
  let events = 0
  let dossiers = 0
  let after = '00000000-0000-0000-0000-000000000000'
  for (;;) {
    const batch = await db
      .selectFrom('dossiers')
      .select(['id', 'code', 'version', 'head_hash'])
      .where('head_hash', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute()
    if (batch.length === 0) return { broken: null, dossiers, events }
    const rows = await db
      .selectFrom('dossier_events')
      .select(['dossier_id', 'seq', 'payload', 'prev_hash', 'hash'])
      .where(
        'dossier_id',
        'in',
        batch.map((d) => d.id),
      )
      .orderBy('dossier_id')
      .orderBy('seq')
      .execute()
    for (const dossier of batch) {
      dossiers++
      const own = rows.filter((r) => r.dossier_id === dossier.id)
      let prev: string | null = null
      for (const [i, row] of own.entries()) {
        events++
        const broken = (reason: string): BrokenLink => ({
          dossierId: dossier.id,
          code: dossier.code,
          seq: row.seq,
          reason,
        })
        if (row.seq !== i + 1) return { broken: broken(`event ${i + 1} is missing`), dossiers, events }
        if (row.prev_hash !== prev)
          return { broken: broken('prev_hash does not match the previous link'), dossiers, events }
        const expected = eventHash(prev, dossier.id, row.seq, row.payload)
        if (row.hash !== expected)
          return { broken: broken('the event was changed after it was written'), dossiers, events }
        prev = expected
      }
      if (own.length !== dossier.version || prev !== dossier.head_hash)
        return {
          broken: {
            dossierId: dossier.id,
            code: dossier.code,
            seq: own.length,
            reason: 'the chain ends before the projection’s head (events deleted)',
          },
          dossiers,
          events,
        }
    }
    after = batch[batch.length - 1]?.id ?? after
  }
}
