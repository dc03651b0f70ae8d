import type { Principal } from '../../domain/access/principal.ts'
import { actorsFor, canReadDossier } from '../../domain/access/route-permissions.ts'
import { DocumentForm } from '../../domain/catalog/procedure.ts'
import type { DecisionContext } from '../../domain/dossier/context.ts'
import { Action, availableActions } from '../../domain/dossier/permissions.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import { type ComponentToSupply, comparableName, standsFor } from '../../domain/vault/stands-for.ts'
import type { Db } from '../../store/database.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { requiredDocumentsOf } from '../../store/files/file-records.ts'
import { listVault, type VaultItem, vaultKeysOf, vaultOwnerOf } from '../../store/vault/vault-items.ts'

/** A component of the dossier with the vault items that can stand for it (possibly none). */
export type ReusableComponent = {
  readonly name: string
  readonly form: DocumentForm | null
  readonly items: readonly VaultItem[]
}

export type ReusableDocuments =
  | { readonly ok: true; readonly components: readonly ReusableComponent[] }
  | { readonly ok: false; readonly reason: 'not-found' | 'forbidden' | 'not-offered' }

/** The citizen opens their own vault; the counter officer the vault of the dossier's applicant. */
export const vaultKeysFor = (principal: Principal, d: Dossier): string[] =>
  principal.kind === 'citizen' ? vaultKeysOf(principal) : [vaultOwnerOf(d.applicant)]

/**
 * The dossier's components, then the procedure version's other required documents, each once by its
 * name, with how the procedure wants it supplied (null for a component the procedure does not list).
 */
export async function componentsToSupply(db: Db, d: Dossier): Promise<ComponentToSupply[]> {
  const required = await requiredDocumentsOf(db, d.procedure.code, d.procedure.version)
  const formOf = new Map(required.map((r) => [comparableName(r.name), r.form]))
  const seen = new Set<string>()
  const all: ComponentToSupply[] = []
  for (const name of [...d.components.map((c) => c.name), ...required.map((r) => r.name)]) {
    const key = comparableName(name)
    if (seen.has(key)) continue
    seen.add(key)
    all.push({ name, form: formOf.get(key) ?? null })
  }
  return all
}

/**
 * Giấy tờ trong kho có thể dùng lại: for each component of the dossier, the applicant's vault items that
 * stand for it (`standsFor`), offered only where availableActions offers the caller `reuse-component`.
 */
export async function reusableDocuments(
  deps: { readonly db: Db; readonly contextOf: (d: Dossier, now: Date) => Promise<DecisionContext | null> },
  principal: Principal,
  ref: string,
  now: Date,
): Promise<ReusableDocuments> {
  const { db } = deps
  const found = await loadDossier(db, ref)
  if (!found) return { ok: false, reason: 'not-found' }
  const d = found.state
  if (!canReadDossier(principal, d)) return { ok: false, reason: 'forbidden' }
  const ctx = await deps.contextOf(d, now)
  const offered =
    ctx !== null && actorsFor(principal, d).some((a) => availableActions(d, a, ctx).includes(Action.ReuseComponent))
  if (!offered) return { ok: false, reason: 'not-offered' }
  const items = await listVault(db, vaultKeysFor(principal, d))
  const components = (await componentsToSupply(db, d))
    .filter((c) => c.form !== DocumentForm.Presented)
    .map((c) => ({ ...c, items: items.filter((i) => standsFor(i, c)) }))
  return { ok: true, components }
}
