import { createHash } from 'node:crypto'
import type { FileStorage } from '../../adapters/storage/file-storage.ts'
import { detectType } from '../../domain/files/detect-type.ts'
import type { StoredEvidence } from '../../store/programme/programme-store.ts'

/** An evidence file as sent (bytes and the client's name, for display only). */
export type EvidenceUpload = { readonly name: string; readonly content: Uint8Array }

/** Evidence files are small documents: 5 MiB each (rules.md "Reform programme"). */
export const maxEvidenceBytes = 5 * 1024 * 1024

export type KeptEvidence =
  | { readonly ok: true; readonly file: StoredEvidence }
  | { readonly ok: false; readonly reason: 'unsupported-type' | 'too-large' | 'empty' }

/**
 * Tệp minh chứng: checked by its content (PDF, JPEG, PNG, as uploads of dossier files) and kept once
 * by its SHA-256 in the same storage as the dossiers' files.
 */
export async function keepEvidence(storage: FileStorage, upload: EvidenceUpload): Promise<KeptEvidence> {
  if (upload.content.length === 0) return { ok: false, reason: 'empty' }
  if (upload.content.length > maxEvidenceBytes) return { ok: false, reason: 'too-large' }
  const mediaType = detectType(upload.content.subarray(0, 8))
  if (mediaType === null) return { ok: false, reason: 'unsupported-type' }
  const sha256 = createHash('sha256').update(upload.content).digest('hex')
  if (!(await storage.exists(sha256)))
    await storage.put(sha256, upload.content, { size: upload.content.length, mediaType })
  return { ok: true, file: { sha256, size: upload.content.length, mediaType, name: upload.name } }
}
