import type { Readable } from 'node:stream'
import type { FileStorage } from '../../adapters/storage/file-storage.ts'
import type { Principal } from '../../domain/access/principal.ts'
import { actorsFor, canReadDossier } from '../../domain/access/route-permissions.ts'
import { Capability, capabilities } from '../../domain/dossier/permissions.ts'
import type { Dossier } from '../../domain/dossier/state.ts'
import type { Db } from '../../store/database.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { dossierBytes, isLinked, recordUpload, requiredDocumentNames } from '../../store/files/file-records.ts'

/** The dossier a principal may attach a file to, or why not (asked before the upload is read). */
export type AttachTarget =
  | { readonly ok: true; readonly id: string; readonly state: Dossier }
  | { readonly ok: false; readonly reason: 'not-found' | 'forbidden' }

/** Tải lên tệp: only where the `attach-file` capability (availableActions) allows one of the principal's roles. */
export async function attachTarget(db: Db, principal: Principal, ref: string): Promise<AttachTarget> {
  const found = await loadDossier(db, ref)
  if (!found) return { ok: false, reason: 'not-found' }
  const allowed =
    canReadDossier(principal, found.state) &&
    actorsFor(principal, found.state).some((a) => capabilities[Capability.AttachFile](found.state, a) === null)
  return allowed ? { ok: true, ...found } : { ok: false, reason: 'forbidden' }
}

/** A file received and checked by the edge (hashed, sniffed), waiting to be kept. */
export type StagedFile = {
  readonly sha256: string
  readonly size: number
  readonly mediaType: string
  readonly content: () => Readable
  readonly component: string
  readonly originalName: string | null
}

export type Attached = { readonly ok: true } | { readonly ok: false; readonly reason: 'not-a-component' | 'over-limit' }

/**
 * Đính kèm tệp thành phần hồ sơ: a file for one of the dossier's components or the procedure's
 * required documents, kept once by its content, linked to the dossier within its total size limit.
 */
export async function attachFile(
  deps: { readonly db: Db; readonly storage: FileStorage; readonly maxDossierBytes: number },
  target: { readonly id: string; readonly state: Dossier },
  file: StagedFile,
  uploadedBy: string,
  now: Date,
): Promise<Attached> {
  const { db, storage, maxDossierBytes } = deps
  const names = [
    ...target.state.components.map((c) => c.name),
    ...(await requiredDocumentNames(db, target.state.procedure.code, target.state.procedure.version)),
  ]
  if (!new Set(names.map((n) => n.normalize('NFC').trim())).has(file.component))
    return { ok: false, reason: 'not-a-component' }
  // Checked before storing (so an over-limit upload stores nothing), and again under the lock.
  if (
    !(await isLinked(db, target.id, file.sha256)) &&
    (await dossierBytes(db, target.id)) + file.size > maxDossierBytes
  )
    return { ok: false, reason: 'over-limit' }
  if (!(await storage.exists(file.sha256)))
    await storage.put(file.sha256, file.content(), { size: file.size, mediaType: file.mediaType })
  const recorded = await recordUpload(
    db,
    {
      dossierId: target.id,
      sha256: file.sha256,
      size: file.size,
      mediaType: file.mediaType,
      storageKey: file.sha256,
      component: file.component,
      originalName: file.originalName,
      uploadedBy,
      at: now,
    },
    maxDossierBytes,
  )
  return recorded === 'over-limit' ? { ok: false, reason: 'over-limit' } : { ok: true }
}
