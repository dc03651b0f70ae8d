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
  const view = dossierView(
    found.id,
    found.state,
    await loadEvents(db, found.id),
    actorsFor(principal, found.state),
    ctx,
  )
  const files = await db
    .selectFrom('dossier_files as l')
    .innerJoin('files as f', 'f.sha256', 'l.sha256')
    .select(['l.sha256', 'l.component_name', 'l.original_name', 'f.media_type', 'f.size'])
    .where('l.dossier_id', '=', found.id)
    .orderBy('l.uploaded_at')
    .execute()
  return {
    ...view,
    files: files.map((f) => ({
      sha256: f.sha256,
      component: f.component_name,
      name: f.original_name,
      mediaType: f.media_type,
      size: Number(f.size),
    })),
  }
}
