import { join } from 'node:path'
import type { FileStorage } from './file-storage.ts'
import { FilesystemStorage } from './filesystem-storage.ts'
import { S3Storage } from './s3-storage.ts'

/**
 * Where `serve` keeps uploaded files: an S3 bucket when `S3_BUCKET` is set (with `S3_ENDPOINT` for an
 * S3-compatible store, which then uses path-style addressing unless `S3_FORCE_PATH_STYLE=0`,
 * `S3_REGION`, `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`, else the SDK's default credential
 * chain), otherwise `<data-dir>/files` on the local disk.
 */
export function storageFromEnv(env: NodeJS.ProcessEnv, dataDir: string): FileStorage {
  const bucket = env.S3_BUCKET
  if (!bucket) return new FilesystemStorage(join(dataDir, 'files'))
  const endpoint = env.S3_ENDPOINT || undefined
  const accessKeyId = env.AWS_ACCESS_KEY_ID
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY
  return new S3Storage({
    bucket,
    region: env.S3_REGION || env.AWS_REGION || 'us-east-1',
    ...(endpoint ? { endpoint } : {}),
    ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE !== '0' : endpoint !== undefined,
    ...(env.S3_PREFIX ? { prefix: env.S3_PREFIX } : {}),
  })
}
