import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { assertStorageKey, type FileStorage, type PutOptions, type StorageBody } from './file-storage.ts'

const isMissing = (error: unknown) =>
  error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR')

/**
 * Files on a local disk under `root`, sharded by the key's first two byte pairs
 * (`ab/cd/abcdef…`) so no directory grows past 65 536 entries. A file is written to
 * `root/.incoming/` first, flushed, then renamed into place: readers see the whole file or none, and
 * an interrupted write leaves only a temporary file behind.
 */
export class FilesystemStorage implements FileStorage {
  readonly root: string

  constructor(root: string) {
    this.root = resolve(root)
  }

  /** Where `key` lives; only ever a SHA-256 hex digest, so the path cannot leave `root`. */
  pathOf(key: string): string {
    assertStorageKey(key)
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key)
  }

  async put(key: string, body: StorageBody, options: PutOptions = {}): Promise<void> {
    const target = this.pathOf(key)
    const incoming = join(this.root, '.incoming')
    await mkdir(incoming, { recursive: true })
    await mkdir(dirname(target), { recursive: true })
    const temp = join(incoming, `${key}.${randomUUID()}`)
    try {
      const source = body instanceof Uint8Array ? Readable.from([body]) : body
      // `flush` fsyncs before close, so the rename never publishes a file whose bytes are still in cache.
      await pipeline(source, createWriteStream(temp, { flags: 'wx', mode: 0o640, flush: true }))
      if (options.size !== undefined) {
        const written = (await stat(temp)).size
        if (written !== options.size) throw new Error(`stored ${written} bytes for ${key}, expected ${options.size}`)
      }
      await rename(temp, target)
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
    await syncDirectory(dirname(target))
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const handle = await open(this.pathOf(key), 'r')
      return handle.createReadStream()
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile()
    } catch (error) {
      if (isMissing(error)) return false
      throw error
    }
  }
}

/** Makes the rename itself durable (the directory entry), where the platform allows it. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Not supported everywhere (Windows); the file itself is already flushed.
  }
}
