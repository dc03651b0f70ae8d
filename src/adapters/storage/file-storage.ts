import type { Readable } from 'node:stream'

/** What a file is stored from: a stream (read once) or bytes already in memory. */
export type StorageBody = Readable | Uint8Array

/** What the caller knows about the content; an adapter may use it (S3 needs the length up front). */
export type PutOptions = { readonly size?: number; readonly mediaType?: string }

/**
 * Where uploaded files live, content-addressed: the key is the SHA-256 of the content in lower-case
 * hex, so the same content is stored once and a key never comes from a client-supplied name.
 */
export interface FileStorage {
  /** Stores the content under `key`; storing the same key again replaces it (with the same content). */
  put(key: string, body: StorageBody, options?: PutOptions): Promise<void>
  /** The content, or null when nothing is stored under `key`. */
  get(key: string): Promise<Readable | null>
  exists(key: string): Promise<boolean>
}

export const storageKeyPattern = /^[0-9a-f]{64}$/

/** Keys are SHA-256 hex digests and nothing else: this is what keeps names out of paths. */
export function assertStorageKey(key: string): void {
  if (!storageKeyPattern.test(key)) throw new Error(`storage key is not a SHA-256 hex digest: ${JSON.stringify(key)}`)
}
