import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { after, before, describe, test } from 'node:test'
import { PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3'
import { S3Storage } from '../src/adapters/storage/s3-storage.ts'
import { type FakeS3, startFakeS3 } from './support/fake-s3.ts'

const credentials = { accessKeyId: 'AKIDMOTCUATEST', secretAccessKey: 'motcua-test-secret' }
const keyOf = (content: string | Buffer) => createHash('sha256').update(content).digest('hex')

describe('S3 storage against a fake S3 speaking the wire protocol', () => {
  let s3: FakeS3
  let storage: S3Storage
  const clients: { destroy(): void }[] = []
  const storageFor = (overrides: Partial<ConstructorParameters<typeof S3Storage>[0]> = {}) => {
    const made = new S3Storage({
      bucket: 'motcua-files',
      endpoint: s3.endpoint,
      region: s3.region,
      credentials,
      forcePathStyle: true,
      ...overrides,
    })
    clients.push(made)
    return made
  }
  before(async () => {
    s3 = await startFakeS3({ buckets: ['motcua-files'], region: 'ap-southeast-1', credentials })
    storage = storageFor()
  })
  after(async () => {
    for (const c of clients) c.destroy()
    await s3.close()
  })

  test('bytes put under their hash come back the same, path-style and SigV4-signed', async () => {
    const content = Buffer.from('%PDF-1.7\nTờ khai đăng ký khai sinh\n%%EOF\n')
    const key = keyOf(content)
    assert.equal(await storage.exists(key), false)
    await storage.put(key, content, { mediaType: 'application/pdf' })
    assert.equal(await storage.exists(key), true)
    const back = await storage.get(key)
    assert.ok(back)
    assert.deepEqual(Buffer.concat(await back.toArray()), content)
    const stored = s3.buckets.get('motcua-files')?.get(key)
    assert.equal(stored?.contentType, 'application/pdf')
    const put = s3.requests.find((r) => r.method === 'PUT' && r.path.split('?')[0] === `/motcua-files/${key}`)
    assert.ok(put, 'path-style PUT /bucket/key')
    assert.match(
      String(put.headers.authorization),
      /^AWS4-HMAC-SHA256 Credential=AKIDMOTCUATEST\/\d{8}\/ap-southeast-1\/s3\//,
    )
  })

  test('a stream is uploaded with its length, or read first when the length is unknown', async () => {
    const chunks = ['%PDF-1.4\n', 'x'.repeat(70_000), '\n%%EOF\n']
    const whole = chunks.join('')
    const withSize = keyOf(whole)
    await storage.put(withSize, Readable.from(chunks.map((c) => Buffer.from(c))), { size: Buffer.byteLength(whole) })
    assert.equal(await text((await storage.get(withSize)) as Readable), whole)

    const other = `${whole}!`
    const withoutSize = keyOf(other)
    await storage.put(withoutSize, Readable.from([Buffer.from(other)]))
    assert.equal(await text((await storage.get(withoutSize)) as Readable), other)
  })

  test('a missing key: get is null, exists is false', async () => {
    const key = keyOf('never stored')
    assert.equal(await storage.get(key), null)
    assert.equal(await storage.exists(key), false)
  })

  test('a key that is not a SHA-256 digest is refused before any request', async () => {
    const before = s3.requests.length
    await assert.rejects(storage.put('../../etc/passwd', Buffer.from('x')), /not a SHA-256/)
    await assert.rejects(storage.get('A'.repeat(64)), /not a SHA-256/)
    assert.equal(s3.requests.length, before)
  })

  test('a prefix is prepended to object keys', async () => {
    const prefixed = storageFor({ prefix: 'files/' })
    const content = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    const key = keyOf(content)
    await prefixed.put(key, content)
    assert.ok(s3.buckets.get('motcua-files')?.has(`files/${key}`))
    assert.equal(await prefixed.exists(key), true)
  })

  test('S3 errors reach the caller: wrong secret, unknown key id, unknown bucket', async () => {
    const key = keyOf('errors')
    await assert.rejects(
      storageFor({ credentials: { ...credentials, secretAccessKey: 'wrong' } }).put(key, Buffer.from('x')),
      (e: unknown) =>
        e instanceof S3ServiceException && e.name === 'SignatureDoesNotMatch' && e.$metadata.httpStatusCode === 403,
    )
    await assert.rejects(
      storageFor({ credentials: { ...credentials, accessKeyId: 'AKIDUNKNOWN' } }).get(key),
      (e: unknown) => e instanceof S3ServiceException && e.name === 'InvalidAccessKeyId',
    )
    await assert.rejects(
      storageFor({ bucket: 'no-such-bucket' }).get(key),
      (e: unknown) =>
        e instanceof S3ServiceException && e.name === 'NoSuchBucket' && e.$metadata.httpStatusCode === 404,
    )
  })

  test('the fake answers unsigned requests with 403 AccessDenied, in XML, and stores nothing', async () => {
    const unsigned = await fetch(`${s3.endpoint}/motcua-files/${keyOf('x')}`)
    assert.equal(unsigned.status, 403)
    assert.match(unsigned.headers.get('content-type') ?? '', /xml/)
    const body = await unsigned.text()
    assert.match(body, /<Error><Code>AccessDenied<\/Code>/)
    assert.match(body, /<RequestId>[0-9A-F]+<\/RequestId>/)
    const put = await fetch(`${s3.endpoint}/motcua-files/${keyOf('x')}`, { method: 'PUT', body: 'x' })
    assert.equal(put.status, 403)
    assert.ok(!s3.buckets.get('motcua-files')?.has(keyOf('x')), 'an unsigned PUT stores nothing')
  })

  test('the fake decodes the SDK’s default aws-chunked uploads and checks their CRC32 trailer', async () => {
    // A client with the SDK's defaults (flexible checksums on): streams go out aws-chunked with a trailer.
    const client = new S3Client({ region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, credentials })
    clients.push(client)
    const content = Buffer.from(`%PDF-1.7\n${'y'.repeat(100_000)}`)
    const key = keyOf(content)
    await client.send(
      new PutObjectCommand({
        Bucket: 'motcua-files',
        Key: key,
        Body: Readable.from([content.subarray(0, 50_000), content.subarray(50_000)]),
        ContentLength: content.length,
      }),
    )
    const sent = s3.requests.findLast((r) => r.method === 'PUT' && r.path.includes(key))
    assert.match(String(sent?.headers['x-amz-content-sha256']), /^STREAMING-/)
    assert.deepEqual(s3.buckets.get('motcua-files')?.get(key)?.body, content)
    assert.deepEqual(Buffer.concat(await ((await storage.get(key)) as Readable).toArray()), content)
  })

  test('the fake refuses a body whose checksum or length does not match, and answers NoSuchKey for a missing key', async () => {
    const lax = await startFakeS3({ buckets: ['b'] })
    try {
      const day = new Date().toISOString().replace(/[-:]/g, '').slice(0, 8)
      const headers = {
        authorization: `AWS4-HMAC-SHA256 Credential=AKID/${day}/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${'0'.repeat(64)}`,
        'x-amz-date': `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`,
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      }
      const badCrc = await fetch(`${lax.endpoint}/b/${keyOf('k')}`, {
        method: 'PUT',
        headers: { ...headers, 'x-amz-checksum-crc32': 'AAAAAA==' },
        body: 'content',
      })
      assert.equal(badCrc.status, 400)
      assert.match(await badCrc.text(), /<Code>BadDigest<\/Code>/)
      const badHash = await fetch(`${lax.endpoint}/b/${keyOf('k')}`, {
        method: 'PUT',
        headers: { ...headers, 'x-amz-content-sha256': keyOf('something else') },
        body: 'content',
      })
      assert.match(await badHash.text(), /<Code>XAmzContentSHA256Mismatch<\/Code>/)
      const chunked = await fetch(`${lax.endpoint}/b/${keyOf('k')}`, {
        method: 'PUT',
        headers,
        body: Readable.toWeb(Readable.from([Buffer.from('content')])) as ReadableStream,
        duplex: 'half',
      } as RequestInit)
      assert.equal(chunked.status, 411, 'a plain body sent chunked has no length')
      assert.match(await chunked.text(), /<Code>MissingContentLength<\/Code>/)
      assert.equal(lax.buckets.get('b')?.size, 0)
      const missing = await fetch(`${lax.endpoint}/b/${keyOf('missing')}`, { headers })
      assert.equal(missing.status, 404)
      assert.match(await missing.text(), /<Code>NoSuchKey<\/Code><Message>[^<]+<\/Message><Key>[0-9a-f]{64}<\/Key>/)
      const head = await fetch(`${lax.endpoint}/b/${keyOf('missing')}`, { method: 'HEAD', headers })
      assert.equal(head.status, 404)
    } finally {
      await lax.close()
    }
  })
})
