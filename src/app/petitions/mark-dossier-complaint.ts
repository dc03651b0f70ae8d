import type { Db } from '../../store/database.ts'
import { loadFacts } from '../../store/kpi/facts-rows.ts'
import { recordFacts } from '../../store/kpi/record-facts.ts'
import { lockDossierByCode } from '../../store/petitions/petition-store.ts'

/**
 * A petition about a dossier marks that dossier's indicator fact `complaint` (Decision 766, 5.4), in
 * the petition's transaction with the dossier locked. False when no received dossier has that code.
 */
export async function markDossierComplaint(tx: Db, dossierCode: string): Promise<boolean> {
  const dossierId = await lockDossierByCode(tx, dossierCode)
  if (dossierId === null) return false
  const stored = await loadFacts(tx, [dossierId])
  const facts = stored.get(dossierId)
  if (facts && !facts.complaint) await recordFacts(tx, [{ ...facts, complaint: true }], stored)
  return true
}
