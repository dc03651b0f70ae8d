import { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3'
import { assertStorageKey, type FileStorage, type PutOptions, type StorageBody } from './file-storage.ts'

export type S3StorageOptions = {
  readonly bucket: string
  /** An S3-compatible endpoint (MinIO, Ceph, a provincial cloud); absent for AWS itself. */
  readonly endpoint?: string
  readonly region: string
  /** Absent: the SDK's default chain (environment, profile, instance role). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string }
  /** `https://endpoint/bucket/key` rather than `https://bucket.endpoint/key`; most S3-compatible stores need it. */
  readonly forcePathStyle?: boolean
  /** Prepended to every key, e.g. `files/`. */
  readonly prefix?: string
}

const status = (error: unknown) => (error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined)

/** Files in an S3 bucket, one object per SHA-256 key. */
export class S3Storage implements FileStorage {
  readonly client: S3Client
  readonly bucket: string
  readonly prefix: string

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket
    this.prefix = options.prefix ?? ''
    this.client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
      forcePathStyle: options.forcePathStyle ?? false,
      // Checksums only where S3 requires them: many S3-compatible stores reject the newer default
      // (aws-chunked bodies with CRC trailers). Content integrity is ours anyway: the key is the SHA-256.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    })
  }

  private objectKey(key: string): string {
    assertStorageKey(key)
    return `${this.prefix}${key}`
  }

  async put(key: string, body: StorageBody, options: PutOptions = {}): Promise<void> {
    const Key = this.objectKey(key)
    // S3 needs the length before the body: a stream of unknown length is read into memory first
    // (uploads are bounded by the per-file limit).
    const payload = body instanceof Uint8Array || options.size !== undefined ? body : await buffer(body)
    const ContentLength = payload instanceof Uint8Array ? payload.byteLength : options.size
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key,
        Body: payload,
        ContentLength,
        ContentType: options.mediaType ?? 'application/octet-stream',
      }),
    )
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }))
      if (out.Body instanceof Readable) return out.Body
      if (out.Body === undefined) return Readable.from([])
      return Readable.from(Buffer.from(await out.Body.transformToByteArray()))
    } catch (error) {
      if (status(error) === 404 && error instanceof S3ServiceException && error.name === 'NoSuchKey') return null
      throw error
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }))
      return true
    } catch (error) {
      // HEAD has no body, so a missing key comes back as a bare 404 ("NotFound").
      if (status(error) === 404) return false
      throw error
    }
  }

  /** Closes the client's keep-alive connections. */
  destroy(): void {
    this.client.destroy()
  }
}
