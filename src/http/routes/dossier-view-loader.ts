import type { Principal } from '../../domain/access/principal.ts'
import { actorsFor, canReadDossier } from '../../domain/access/route-permissions.ts'
import type { Db } from '../../store/database.ts'
import type { dossierCommands } from '../../store/dossiers/dossier-commands.ts'
import { loadDossier, loadEvents } from '../../store/dossiers/dossier-queries.ts'
import { type DossierView, dossierView } from '../schemas/dossier-view.ts'

/** A dossier as the principal may see it, or why not. */
export async function loadDossierView(
  db: Db,
  engine: ReturnType<typeof dossierCommands>,
  principal: Principal,
  ref: string,
  now: Date,
): Promise<DossierView | 'not-found' | 'forbidden'> {
  const found = await loadDossier(db, ref)
  if (!found) return 'not-found'
  if (!canReadDossier(principal, found.state)) return 'forbidden'
  const ctx = await engine.contextOf(found.state, now)
  if (!ctx) throw new Error(`dossier ${found.id} has no procedure terms`)
  return dossierView(found.id, found.state, await loadEvents(db, found.id), actorsFor(principal, found.state), ctx)
}
