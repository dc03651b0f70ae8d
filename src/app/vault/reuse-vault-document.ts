import type { Principal } from '../../domain/access/principal.ts'
import { actorsFor, canReadDossier } from '../../domain/access/route-permissions.ts'
import { guards } from '../../domain/dossier/permissions.ts'
import { comparableName, standsFor } from '../../domain/vault/stands-for.ts'
import type { Db } from '../../store/database.ts'
import type { dossierCommands, Outcome } from '../../store/dossiers/dossier-commands.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { linkReusedFile } from '../../store/files/file-records.ts'
import { findVaultItem } from '../../store/vault/vault-items.ts'
import { componentsToSupply, vaultKeysFor } from './reusable-documents.ts'

export type ReuseRequest = {
  readonly ref: string
  readonly component: string
  readonly vaultItemId: string
  readonly expectedVersion: number
  readonly idempotencyKey: string
}

export type ReuseOutcome =
  | { readonly ok: true; readonly dossierId: string }
  | { readonly ok: false; readonly reason: 'not-found' | 'forbidden' | 'item-not-found' | 'does-not-fit' }
  | Extract<Outcome, { ok: false }>

/**
 * Tái sử dụng giấy tờ trong kho: the vault document must stand for the component (`standsFor`); the
 * command runs as whichever of the caller's actors `reuse-component`'s guard lets through, and the
 * document's file is then linked to the dossier as the component's.
 */
export async function reuseVaultDocument(
  deps: { readonly db: Db; readonly engine: ReturnType<typeof dossierCommands> },
  principal: Principal,
  request: ReuseRequest,
  now: Date,
): Promise<ReuseOutcome> {
  const { db, engine } = deps
  const found = await loadDossier(db, request.ref)
  if (!found) return { ok: false, reason: 'not-found' }
  if (!canReadDossier(principal, found.state)) return { ok: false, reason: 'forbidden' }
  const item = await findVaultItem(db, request.vaultItemId, vaultKeysFor(principal, found.state))
  if (!item) return { ok: false, reason: 'item-not-found' }
  const wanted = comparableName(request.component)
  const component = (await componentsToSupply(db, found.state)).find((c) => comparableName(c.name) === wanted)
  if (!standsFor(item, component ?? { name: request.component, form: null }))
    return { ok: false, reason: 'does-not-fit' }
  const ctx = await engine.contextOf(found.state, now)
  const actors = actorsFor(principal, found.state)
  const actor = (ctx && actors.find((a) => guards['reuse-component'](found.state, a, ctx) === null)) ?? actors[0]
  if (!actor) return { ok: false, reason: 'forbidden' }
  const outcome = await engine.run(
    found.id,
    { action: 'reuse-component', actor, name: request.component, fileRef: item.sha256, vaultItemId: item.id },
    request.expectedVersion,
    { idempotencyKey: request.idempotencyKey, now },
  )
  if (!outcome.ok) return outcome
  await linkReusedFile(db, {
    dossierId: found.id,
    sha256: item.sha256,
    componentName: request.component,
    title: item.title,
    by: principal.userId,
    at: now,
  })
  return { ok: true, dossierId: found.id }
}
