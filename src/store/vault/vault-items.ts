import { randomUUID } from 'node:crypto'
import type { Principal } from '../../domain/access/principal.ts'
import type { Applicant } from '../../domain/dossier/events.ts'
import type { Db } from '../database.ts'

/** Whose vault: the identity number when known (so VNeID finds it), else the applicant's account id. */
export const vaultOwnerOf = (a: Pick<Applicant, 'id' | 'identityNumber'>) =>
  a.identityNumber ? `citizen:${a.identityNumber}` : `user:${a.id}`

/** The vault keys a signed-in citizen may open: their account, and their identity only if VNeID vouched for it. */
export function vaultKeysOf(p: Principal): string[] {
  if (p.kind !== 'citizen') return []
  return [`user:${p.userId}`, ...(p.vneid && p.identityNumber ? [`citizen:${p.identityNumber}`] : [])]
}

export type VaultItem = {
  readonly id: string
  readonly sha256: string
  readonly kind: 'e_result' | 'digitized'
  readonly title: string
  readonly dossierId: string | null
  readonly agencyId: string | null
  readonly createdAt: Date
}

export async function addVaultItem(
  db: Db,
  item: {
    ownerKey: string
    sha256: string
    kind: VaultItem['kind']
    title: string
    dossierId: string | null
    agencyId: string | null
  },
  now: Date,
): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('vault_items')
    .values({
      id,
      owner_key: item.ownerKey,
      sha256: item.sha256,
      kind: item.kind,
      title: item.title,
      dossier_id: item.dossierId,
      agency_id: item.agencyId,
      created_at: now,
    })
    .execute()
  return id
}

export async function listVault(db: Db, keys: readonly string[]): Promise<VaultItem[]> {
  if (keys.length === 0) return []
  const rows = await db
    .selectFrom('vault_items')
    .selectAll()
    .where('owner_key', 'in', keys)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    sha256: r.sha256,
    kind: r.kind,
    title: r.title,
    dossierId: r.dossier_id,
    agencyId: r.agency_id,
    createdAt: r.created_at,
  }))
}

/** A vault item, only if it belongs to one of `keys`. */
export async function findVaultItem(db: Db, id: string, keys: readonly string[]): Promise<VaultItem | null> {
  if (keys.length === 0) return null
  const items = await listVault(db, keys)
  return items.find((i) => i.id === id) ?? null
}
