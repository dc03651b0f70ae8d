import { isDeepStrictEqual } from 'node:util'
import type { DossierFacts } from '../../domain/kpi/facts.ts'
import type { Db } from '../database.ts'
import { accumulate, type CountDeltas, writeCounts } from './count-rows.ts'
import { loadFacts, writeFactsRows } from './facts-rows.ts'

/**
 * Replaces what the indicators know of some dossiers, in the caller's transaction: the counters move
 * by the difference between the stored facts and the new ones, and the facts row is rewritten.
 */
export async function recordFacts(
  tx: Db,
  facts: readonly DossierFacts[],
  stored?: ReadonlyMap<string, DossierFacts>,
): Promise<void> {
  if (facts.length === 0) return
  const before =
    stored ??
    (await loadFacts(
      tx,
      facts.map((f) => f.dossierId),
    ))
  const deltas: CountDeltas = new Map()
  const changed: DossierFacts[] = []
  for (const f of facts) {
    const old = before.get(f.dossierId)
    if (old && isDeepStrictEqual(old, f)) continue
    if (old) accumulate(deltas, old, -1)
    accumulate(deltas, f, 1)
    changed.push(f)
  }
  await writeCounts(tx, deltas)
  await writeFactsRows(tx, changed)
}
