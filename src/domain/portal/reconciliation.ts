import type { DossierStatus } from '../dossier/status.ts'

/**
 * One dossier of motcua's side of the window, as the portal should know it: by its code once
 * received (the outbound sync's key, `MaHoSo`), by its national id when it came from the national
 * portal (`MaHoSoQuocGia`, rules.md "Inbound dossiers from the national portal"), or both.
 */
export type LocalDossier = {
  readonly dossierId: string
  readonly code: string | null
  readonly nationalId: string | null
  /** The status the current version sends as `TrangThaiHoSo` (rules.md §8). */
  readonly status: DossierStatus
  readonly version: number
  /** The highest version the portal acknowledged (0: never). */
  readonly syncedVersion: number
}

/** One dossier as the portal lists it (assumed listing, src/adapters/national-portal/portal-listing.ts). */
export type PortalDossier = {
  readonly code: string | null
  readonly nationalId: string | null
  readonly procedureCode: string
  readonly status: number
  /** `NgayCapNhat`, yyyyMMddHHmmss: which of two listings of one dossier is the newer. */
  readonly updatedAt: string
}

export type StatusMismatch = { readonly local: LocalDossier; readonly portal: PortalDossier }

/**
 * Đối soát với Cổng DVCQG: the three lists an administrator acts on, and how many agreed.
 * `portalOnly`: the portal has it, motcua does not (e.g. a national dossier never taken in);
 * `motcuaOnly`: motcua has it, the portal does not; `mismatched`: both have it with different statuses.
 */
export type Comparison = ReconciliationLists & { readonly inStep: number }

export type ReconciliationLists = {
  readonly portalOnly: readonly PortalDossier[]
  readonly motcuaOnly: readonly LocalDossier[]
  readonly mismatched: readonly StatusMismatch[]
}

const byCode = (code: string) => `code:${code}`
const byNationalId = (id: string) => `national:${id}`

/**
 * Compares motcua's dossiers with the portal's listing. A listed dossier belongs to the local one
 * with the same code or the same national id; the portal may list a national dossier under both ids
 * until it links them (assumed), so every listing a local dossier matches is its own, and the newest
 * (`NgayCapNhat`) carries the portal's status.
 */
export function compareWithPortal(local: readonly LocalDossier[], portal: readonly PortalDossier[]): Comparison {
  const listed = new Map<string, PortalDossier[]>()
  for (const p of portal)
    for (const key of keysOf(p)) {
      const entries = listed.get(key)
      if (entries) entries.push(p)
      else listed.set(key, [p])
    }
  const claimed = new Set<PortalDossier>()
  const motcuaOnly: LocalDossier[] = []
  const mismatched: StatusMismatch[] = []
  let inStep = 0
  for (const d of local) {
    const matches = new Set(keysOf(d).flatMap((key) => listed.get(key) ?? []))
    const newest = [...matches].reduce<PortalDossier | null>(
      (best, p) => (best === null || p.updatedAt > best.updatedAt ? p : best),
      null,
    )
    for (const p of matches) claimed.add(p)
    if (newest === null) motcuaOnly.push(d)
    else if (newest.status !== d.status) mismatched.push({ local: d, portal: newest })
    else inStep++
  }
  return { portalOnly: unclaimed(portal, claimed), motcuaOnly, mismatched, inStep }
}

function keysOf(d: { readonly code: string | null; readonly nationalId: string | null }): string[] {
  return [...(d.code === null ? [] : [byCode(d.code)]), ...(d.nationalId === null ? [] : [byNationalId(d.nationalId)])]
}

/** The listings no local dossier matched, each dossier once (the newest of its repeated listings). */
function unclaimed(portal: readonly PortalDossier[], claimed: ReadonlySet<PortalDossier>): PortalDossier[] {
  const newest = new Map<string, PortalDossier>()
  for (const p of portal) {
    if (claimed.has(p)) continue
    const key = keysOf(p).join('|')
    const held = newest.get(key)
    if (!held || p.updatedAt > held.updatedAt) newest.set(key, p)
  }
  return [...newest.values()]
}
