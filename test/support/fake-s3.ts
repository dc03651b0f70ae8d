import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { crc32 } from 'node:zlib'

/**
 * A small S3 for tests, speaking the wire protocol the AWS SDK speaks: path-style
 * `PUT/GET/HEAD/DELETE /bucket/key`, SigV4 `Authorization` headers (verified when the fake is given
 * credentials), `x-amz-content-sha256` payload hashes, `aws-chunked` streaming bodies with trailing
 * checksums, Content-MD5 / x-amz-checksum-crc32 / x-amz-checksum-sha256 verification, and S3's XML
 * error documents (`NoSuchKey`, `NoSuchBucket`, `AccessDenied`, `SignatureDoesNotMatch`, …).
 */
export type FakeS3 = {
  readonly endpoint: string
  readonly region: string
  /** Objects by bucket, then key. */
  readonly buckets: Map<string, Map<string, StoredObject>>
  /** Every request as received, to assert on what the client sent. */
  readonly requests: { method: string; path: string; headers: IncomingMessage['headers'] }[]
  close(): Promise<void>
}

export type StoredObject = {
  readonly body: Buffer
  readonly contentType: string
  readonly etag: string
  readonly lastModified: Date
}

export type FakeS3Options = {
  readonly buckets: readonly string[]
  readonly region?: string
  /** When given, signatures are checked against these; otherwise any SigV4 header is accepted. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string }
}

class S3Error extends Error {
  readonly status: number
  readonly code: string
  readonly extra: Record<string, string>
  constructor(status: number, code: string, message: string, extra: Record<string, string> = {}) {
    super(message)
    this.status = status
    this.code = code
    this.extra = extra
  }
}

const xmlEscape = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c)

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest()

/** RFC 3986 encoding as SigV4 wants it: unreserved characters stay, everything else is %XX. */
const uriEncode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

export async function startFakeS3(options: FakeS3Options): Promise<FakeS3> {
  const region = options.region ?? 'us-east-1'
  const buckets = new Map(options.buckets.map((b) => [b, new Map<string, StoredObject>()]))
  const requests: FakeS3['requests'] = []

  const server = createServer((req, res) => {
    const requestId = randomBytes(8).toString('hex').toUpperCase()
    res.setHeader('x-amz-request-id', requestId)
    res.setHeader('x-amz-id-2', randomBytes(24).toString('base64'))
    res.setHeader('server', 'AmazonS3')
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers })
    handle(req, res).catch((error: unknown) => {
      const e =
        error instanceof S3Error
          ? error
          : new S3Error(500, 'InternalError', error instanceof Error ? error.message : String(error))
      sendError(req, res, e, requestId)
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake-s3')
    const [, bucketName = '', ...keyParts] = url.pathname.split('/')
    const bucket = decodeURIComponent(bucketName)
    const key = keyParts.map(decodeURIComponent).join('/')
    const method = req.method ?? 'GET'
    // Read the whole body first: the signature covers its hash, and errors must not cut an upload short.
    const raw = await readBody(req)
    authenticate(req, url, raw)
    if (bucket === '') throw new S3Error(405, 'MethodNotAllowed', 'ListBuckets is not supported by this fake.')
    const objects = buckets.get(bucket)
    if (!objects) throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket })
    if (key === '')
      throw new S3Error(405, 'MethodNotAllowed', 'Bucket operations are not supported by this fake.', {
        Method: method,
        ResourceType: 'BUCKET',
      })

    if (method === 'PUT') {
      const body = decodePayload(req, raw)
      const etag = `"${createHash('md5').update(body).digest('hex')}"`
      objects.set(key, {
        body,
        contentType: req.headers['content-type'] ?? 'binary/octet-stream',
        etag,
        lastModified: new Date(),
      })
      res.writeHead(200, { etag, 'content-length': '0' })
      res.end()
      return
    }
    if (method === 'GET' || method === 'HEAD') {
      const object = objects.get(key)
      if (!object) {
        if (method === 'HEAD') throw new S3Error(404, 'NotFound', '')
        throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key })
      }
      res.writeHead(200, {
        'content-type': object.contentType,
        'content-length': String(object.body.length),
        etag: object.etag,
        'last-modified': object.lastModified.toUTCString(),
        'accept-ranges': 'bytes',
      })
      res.end(method === 'HEAD' ? undefined : object.body)
      return
    }
    if (method === 'DELETE') {
      objects.delete(key)
      res.writeHead(204)
      res.end()
      return
    }
    throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', {
      Method: method,
      ResourceType: 'OBJECT',
    })
  }

  /** SigV4 header authentication (`AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`). */
  function authenticate(req: IncomingMessage, url: URL, raw: Buffer): void {
    const authorization = req.headers.authorization
    if (!authorization) throw new S3Error(403, 'AccessDenied', 'Access Denied')
    const match =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
        authorization,
      )
    if (!match) throw new S3Error(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed.', {})
    const [, accessKeyId = '', day = '', signedRegion = '', signedHeaders = '', signature = ''] = match
    if (signedRegion !== region)
      throw new S3Error(
        400,
        'AuthorizationHeaderMalformed',
        `the region '${signedRegion}' is wrong; expecting '${region}'`,
        {
          Region: region,
        },
      )
    const amzDate = String(req.headers['x-amz-date'] ?? '')
    const at = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate)
    if (!at || amzDate.slice(0, 8) !== day)
      throw new S3Error(403, 'AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header')
    const when = Date.UTC(Number(at[1]), Number(at[2]) - 1, Number(at[3]), Number(at[4]), Number(at[5]), Number(at[6]))
    if (Math.abs(Date.now() - when) > 15 * 60_000)
      throw new S3Error(
        403,
        'RequestTimeTooSkewed',
        'The difference between the request time and the current time is too large.',
      )
    const payloadHash = req.headers['x-amz-content-sha256']
    if (typeof payloadHash !== 'string')
      throw new S3Error(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256')
    const headerNames = signedHeaders.split(';')
    if (!headerNames.includes('host') || !headerNames.includes('x-amz-content-sha256'))
      throw new S3Error(403, 'AccessDenied', 'host and x-amz-content-sha256 must be signed')
    if (/^[0-9a-f]{64}$/.test(payloadHash) && sha256Hex(raw) !== payloadHash)
      throw new S3Error(
        400,
        'XAmzContentSHA256Mismatch',
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
        {
          ClientComputedContentSHA256: payloadHash,
          S3ComputedContentSHA256: sha256Hex(raw),
        },
      )
    if (!options.credentials) return
    if (accessKeyId !== options.credentials.accessKeyId)
      throw new S3Error(
        403,
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
        {
          AWSAccessKeyId: accessKeyId,
        },
      )
    const query = [...url.searchParams]
      .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
      .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join('&')
    const canonicalHeaders = headerNames
      .map((name) => {
        const value = req.headers[name]
        const text = Array.isArray(value) ? value.join(',') : (value ?? '')
        return `${name}:${text.trim().replace(/\s+/g, ' ')}\n`
      })
      .join('')
    // S3 signs the path as sent (encoded once), not normalised or double-encoded.
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const canonicalRequest = [req.method, path, query, canonicalHeaders, signedHeaders, payloadHash].join('\n')
    const scope = `${day}/${region}/s3/aws4_request`
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n')
    let key = hmac(`AWS4${options.credentials.secretAccessKey}`, day)
    for (const part of [region, 's3', 'aws4_request']) key = hmac(key, part)
    const expected = hmac(key, stringToSign)
    if (!timingSafeEqual(expected, Buffer.from(signature, 'hex')))
      throw new S3Error(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
        {
          AWSAccessKeyId: accessKeyId,
          StringToSign: stringToSign,
          CanonicalRequest: canonicalRequest,
        },
      )
  }

  /** The object's bytes from the request body: plain, or `aws-chunked`; checksums verified. */
  function decodePayload(req: IncomingMessage, raw: Buffer): Buffer {
    const payloadHash = String(req.headers['x-amz-content-sha256'])
    const streaming = payloadHash.startsWith('STREAMING-')
    // A plain body needs its length up front; an aws-chunked one (which may travel with
    // Transfer-Encoding: chunked, as the SDK sends streams) declares the decoded length instead.
    const declared = req.headers[streaming ? 'x-amz-decoded-content-length' : 'content-length']
    if (declared === undefined)
      throw new S3Error(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.')
    let body = raw
    const trailers = new Map<string, string>()
    if (streaming) body = decodeAwsChunked(raw, trailers)
    if (Number(declared) !== body.length)
      throw new S3Error(
        400,
        'IncompleteBody',
        'You did not provide the number of bytes specified by the Content-Length HTTP header',
      )
    const header = (name: string) => {
      const value = req.headers[name] ?? trailers.get(name)
      return typeof value === 'string' ? value : undefined
    }
    const md5 = header('content-md5')
    if (md5 !== undefined && createHash('md5').update(body).digest('base64') !== md5)
      throw new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.')
    const crc = header('x-amz-checksum-crc32')
    if (crc !== undefined) {
      const computed = Buffer.alloc(4)
      computed.writeUInt32BE(crc32(body))
      if (computed.toString('base64') !== crc)
        throw new S3Error(400, 'BadDigest', 'The CRC32 you specified did not match the calculated checksum.')
    }
    const sha = header('x-amz-checksum-sha256')
    if (sha !== undefined && createHash('sha256').update(body).digest('base64') !== sha)
      throw new S3Error(400, 'BadDigest', 'The SHA256 you specified did not match the calculated checksum.')
    return body
  }

  function sendError(req: IncomingMessage, res: ServerResponse, e: S3Error, requestId: string): void {
    if (res.headersSent) {
      res.destroy()
      return
    }
    if (req.method === 'HEAD') {
      res.writeHead(e.status)
      res.end()
      return
    }
    const extra = Object.entries(e.extra)
      .map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`)
      .join('')
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<Error><Code>${e.code}</Code><Message>${xmlEscape(e.message)}</Message>${extra}` +
      `<Resource>${xmlEscape(req.url ?? '')}</Resource><RequestId>${requestId}</RequestId></Error>`
    res.writeHead(e.status, { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(xml)) })
    res.end(xml)
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    region,
    buckets,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * `aws-chunked` content encoding: `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n` repeated, a zero
 * chunk, then optional trailer lines (`x-amz-checksum-crc32:…`) and a blank line.
 */
function decodeAwsChunked(raw: Buffer, trailers: Map<string, string>): Buffer {
  const parts: Buffer[] = []
  let at = 0
  const line = () => {
    const end = raw.indexOf('\r\n', at)
    if (end < 0) throw new S3Error(400, 'IncompleteBody', 'The request body terminated unexpectedly')
    const text = raw.subarray(at, end).toString('latin1')
    at = end + 2
    return text
  }
  for (;;) {
    const header = line()
    const size = Number.parseInt(header.split(';')[0] ?? '', 16)
    if (!Number.isInteger(size) || size < 0)
      throw new S3Error(400, 'InvalidRequest', 'Malformed aws-chunked chunk header')
    if (size === 0) break
    if (at + size + 2 > raw.length) throw new S3Error(400, 'IncompleteBody', 'The request body terminated unexpectedly')
    parts.push(raw.subarray(at, at + size))
    at += size
    if (line() !== '') throw new S3Error(400, 'InvalidRequest', 'Malformed aws-chunked chunk')
  }
  while (at < raw.length) {
    const text = line()
    if (text === '') break
    const colon = text.indexOf(':')
    if (colon > 0) trailers.set(text.slice(0, colon).trim().toLowerCase(), text.slice(colon + 1).trim())
  }
  return Buffer.concat(parts)
}
