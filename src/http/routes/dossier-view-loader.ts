import type { Principal } from '../../domain/access/principal.ts'
import { actorsFor, canReadDossier } from '../../domain/access/route-permissions.ts'
import type { Db } from '../../store/database.ts'
import type { dossierCommands, Produced } from '../../store/dossiers/dossier-commands.ts'
import { loadDossier, loadDossierFiles, loadEvents } from '../../store/dossiers/dossier-queries.ts'
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
  const [events, files] = await Promise.all([loadEvents(db, found.id), loadDossierFiles(db, found.id)])
  return { ...dossierView(found.id, found.state, events, actorsFor(principal, found.state), ctx), files }
}

/**
 * The view of the state a command just produced, without reading the dossier again: the history
 * before the command's events and the files are the only reads (none for a new dossier).
 */
export async function producedView(
  db: Db,
  principal: Principal,
  dossierId: string,
  produced: Produced,
): Promise<DossierView> {
  const { state, events, context } = produced
  const firstSeq = events[0]?.seq ?? state.version + 1
  const [earlier, files] =
    firstSeq === 1
      ? [[], []]
      : await Promise.all([loadEvents(db, dossierId, { before: firstSeq }), loadDossierFiles(db, dossierId)])
  const view = dossierView(dossierId, state, [...earlier, ...events], actorsFor(principal, state), context)
  return { ...view, files }
}
