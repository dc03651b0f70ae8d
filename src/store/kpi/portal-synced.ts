import type { Db } from '../database.ts'
import { loadFacts } from './facts-rows.ts'
import { recordFacts } from './record-facts.ts'

/**
 * Hồ sơ đã đồng bộ: the national portal acknowledged the dossier, so indicator 1.4 counts it. Takes
 * the dossier's lock, as a command does, so the facts a command is writing are not overwritten;
 * a dossier not received yet (no facts) or already counted changes nothing.
 */
export async function markPortalSynced(tx: Db, dossierId: string): Promise<void> {
  await tx.selectFrom('dossiers').select('id').where('id', '=', dossierId).forUpdate().executeTakeFirst()
  const stored = await loadFacts(tx, [dossierId])
  const facts = stored.get(dossierId)
  if (facts === undefined || facts.portalSynced) return
  await recordFacts(tx, [{ ...facts, portalSynced: true }], stored)
}
