import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { Readable } from 'node:stream'
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
    try {
      await this.putOnce(key, body, options)
    } catch (error) {
      // A directory made earlier was removed under us (by an operator, or a test): make it again, once.
      if (!(isMissing(error) && body instanceof Uint8Array && this.#directories.size > 0)) throw error
      this.#directories.clear()
      await this.putOnce(key, body, options)
    }
  }

  private async putOnce(key: string, body: StorageBody, options: PutOptions): Promise<void> {
    const target = this.pathOf(key)
    await this.ensureDirectory(join(this.root, '.incoming'))
    await this.ensureDirectory(dirname(target))
    const temp = join(this.root, '.incoming', `${key}.${randomUUID()}`)
    try {
      if (body instanceof Uint8Array) await writeFlushed(temp, body)
      else await pipeline(body, createWriteStream(temp, { flags: 'wx', mode: 0o640, flush: true }))
      if (options.size !== undefined) {
        const written = body instanceof Uint8Array ? body.length : (await stat(temp)).size
        if (written !== options.size) throw new Error(`stored ${written} bytes for ${key}, expected ${options.size}`)
      }
      await rename(temp, target)
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
    await syncDirectory(dirname(target))
  }

  /** Directories this instance made or found: made once, not asked for again on every file. */
  readonly #directories = new Set<string>()

  private async ensureDirectory(dir: string): Promise<void> {
    if (this.#directories.has(dir)) return
    await mkdir(dir, { recursive: true })
    this.#directories.add(dir)
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

/**
 * Bytes already in memory, written whole and flushed before the handle closes (as `flush: true` does
 * for a stream), without a stream's machinery; a failed write leaves the temporary file to `put`.
 */
async function writeFlushed(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o640)
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
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
