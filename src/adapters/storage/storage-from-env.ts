import { join } from 'node:path'
import type { FileStorage } from './file-storage.ts'
import { FilesystemStorage } from './filesystem-storage.ts'
import { S3Storage, type S3StorageOptions } from './s3-storage.ts'

/**
 * Where `serve` keeps uploaded files: an S3 bucket when `S3_BUCKET` is set (with `S3_ENDPOINT` for an
 * S3-compatible store, which then uses path-style addressing unless `S3_FORCE_PATH_STYLE=0`,
 * `S3_REGION`, `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`, else the SDK's default credential
 * chain), otherwise `<data-dir>/files` on the local disk.
 */
export function storageFromEnv(s3: S3StorageOptions | null, dataDir: string): FileStorage {
  return s3 ? new S3Storage(s3) : new FilesystemStorage(join(dataDir, 'files'))
}
