import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import multipart from '@fastify/multipart'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { type Static, Type } from 'typebox'
import type { FileStorage } from '../../adapters/storage/file-storage.ts'
import { FilesystemStorage } from '../../adapters/storage/filesystem-storage.ts'
import { type AttachTarget, attachFile, attachTarget } from '../../app/files/attach-file.ts'
import type { Principal } from '../../domain/access/principal.ts'
import { canReadDossier, Permission } from '../../domain/access/route-permissions.ts'
import { AcceptedType, detectType, extensionOf, isAcceptedType, sniffLength } from '../../domain/files/detect-type.ts'
import { attachmentDisposition, sanitizeDisplayName } from '../../domain/files/display-name.ts'
import type { Db } from '../../store/database.ts'
import { loadDossier } from '../../store/dossiers/dossier-queries.ts'
import { findLinkedFile } from '../../store/files/file-records.ts'
import { callerOf } from '../auth/access-control.ts'
import { type Problem, problem, sendProblem } from '../problem.ts'

/** Where files go and how big they may be. */
export type FileOptions = {
  readonly storage: FileStorage
  /** Per uploaded file. */
  readonly maxFileBytes: number
  /** All distinct files linked to one dossier together. */
  readonly maxDossierBytes: number
  /** Where an upload is staged while it is hashed and sniffed (default: the OS temporary directory). */
  readonly tempDir?: string
}

export type FileRouteOptions = FileOptions & { readonly db: Db; readonly now: () => Date }

const MiB = 1024 * 1024

/** Files on disk under `./data/files`, 20 MiB per file, 100 MiB per dossier. */
export function defaultFileOptions(root = join('.', 'data', 'files')): FileOptions {
  return { storage: new FilesystemStorage(root), maxFileBytes: 20 * MiB, maxDossierBytes: 100 * MiB }
}

const Ref = Type.Object({
  ref: Type.String({
    pattern: '^[A-Za-z0-9.-]+$',
    maxLength: 80,
    description: 'Dossier code, or its id before reception',
  }),
})
const FileParams = Type.Object({
  ...Ref.properties,
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the content, lower-case hex' }),
})
const Uploaded = Type.Object({
  sha256: Type.String({ description: 'SHA-256 of the content: the file’s identity' }),
  size: Type.Integer({ description: 'Bytes' }),
  mediaType: Type.String({ description: 'Detected from the content: application/pdf, image/jpeg or image/png' }),
  component: Type.String({ description: 'The required document (thành phần hồ sơ) the file is for' }),
  name: Type.Union([Type.String(), Type.Null()], { description: 'The client’s file name, cleaned, for display only' }),
})
const problems = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
}
const binary = { schema: { type: 'string', format: 'binary' } }

/** A refused upload: the problem to answer with. */
class Refused extends Error {
  readonly problem: Problem
  constructor(body: Problem) {
    super(body.en.title)
    this.problem = body
  }
}

const invalid = (path: string, message: string, en: string) =>
  problem('validation', 400, { errors: [{ path, message, en }] })
const unsupported = () =>
  problem('unsupportedMediaType', 415, {
    errors: [
      {
        path: 'body/file',
        message: 'chỉ nhận tệp PDF, JPEG hoặc PNG (xác định theo nội dung tệp)',
        en: 'only PDF, JPEG or PNG files are accepted (detected from the content)',
      },
    ],
  })
const tooLarge = (limit: number, what: 'file' | 'dossier') =>
  problem('payloadTooLarge', 413, {
    errors: [
      what === 'file'
        ? {
            path: 'body/file',
            message: `tệp vượt quá ${limit} byte`,
            en: `the file is larger than ${limit} bytes`,
          }
        : {
            path: 'body/file',
            message: `tổng dung lượng tệp của hồ sơ vượt quá ${limit} byte`,
            en: `the dossier’s files would exceed ${limit} bytes in total`,
          },
    ],
  })

/** The multipart plugin's and the parser's errors, as problems; null for anything else (a server fault). */
function multipartProblem(error: unknown, maxFileBytes: number): Problem | null {
  if (!(error instanceof Error)) return null
  const code = 'code' in error ? String(error.code) : ''
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(maxFileBytes, 'file')
  if (code === 'FST_FILES_LIMIT') return invalid('body', 'chỉ gửi một tệp mỗi lần', 'one file per request')
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return invalid('body', 'quá nhiều trường dữ liệu', 'too many form fields')
  if (code.startsWith('FST_')) return invalid('body', 'dữ liệu multipart không hợp lệ', error.message)
  // @fastify/busboy reports malformed or truncated bodies as plain errors without a code.
  if (code === '' || code === 'undefined') return invalid('body', 'dữ liệu multipart không hợp lệ', error.message)
  return null
}

type Staged = { readonly sha256: string; readonly size: number; readonly mediaType: AcceptedType }

/**
 * Streams one uploaded file to `path` while hashing it, counting its bytes and reading its first bytes:
 * an unsupported type stops the upload as soon as the first bytes are in.
 */
async function stage(file: Readable & { truncated?: boolean }, path: string, maxFileBytes: number): Promise<Staged> {
  const hash = createHash('sha256')
  let size = 0
  let head = Buffer.alloc(0)
  let mediaType: AcceptedType | null = null
  const sniff = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length
      hash.update(chunk)
      if (head.length < sniffLength) {
        head = Buffer.concat([head, chunk.subarray(0, sniffLength - head.length)])
        if (head.length >= sniffLength) {
          mediaType = detectType(head)
          if (mediaType === null) return done(new Refused(unsupported()))
        }
      }
      done(null, chunk)
    },
    flush(done) {
      if (size > 0 && head.length < sniffLength) {
        mediaType = detectType(head)
        if (mediaType === null) return done(new Refused(unsupported()))
      }
      done()
    },
  })
  await pipeline(file, sniff, createWriteStream(path, { flags: 'wx', mode: 0o600 }))
  if (file.truncated || size > maxFileBytes) throw new Refused(tooLarge(maxFileBytes, 'file'))
  if (size === 0) throw new Refused(invalid('body/file', 'tệp rỗng', 'the file is empty'))
  if (mediaType === null) throw new Refused(unsupported())
  return { sha256: hash.digest('hex'), size, mediaType }
}

/** The one file (staged at `path`) and the `component` field of a multipart upload. */
async function receive(
  request: FastifyRequest,
  path: string,
  maxFileBytes: number,
): Promise<{ staged: Staged; component: string; originalName: string | null }> {
  let staged: Staged | undefined
  let originalName: string | null = null
  let component: string | undefined
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname !== 'component') continue
        if (part.valueTruncated || typeof part.value !== 'string')
          throw new Refused(invalid('body/component', 'tên thành phần hồ sơ quá dài', 'component name too long'))
        component = part.value
        continue
      }
      // `files: 1` makes the parser refuse a second file; the first is whichever field carries it.
      staged = await stage(part.file, path, maxFileBytes)
      originalName = sanitizeDisplayName(part.filename)
    }
  } catch (error) {
    if (error instanceof Refused) throw error
    const body = multipartProblem(error, maxFileBytes)
    if (body === null) throw error
    throw new Refused(body)
  }
  if (!staged) throw new Refused(invalid('body/file', 'thiếu tệp', 'no file in the request'))
  const name = component?.normalize('NFC').trim() ?? ''
  if (name === '')
    throw new Refused(invalid('body/component', 'thiếu tên thành phần hồ sơ', 'the component field is missing'))
  return { staged, component: name, originalName }
}

/**
 * A refusal sent before the request body was read to its end: the rest is discarded and the
 * connection closed after the answer, so the client sees the answer instead of a stalled upload.
 */
function refuse(request: FastifyRequest, reply: FastifyReply, body: Problem): FastifyReply {
  if (!request.raw.complete) {
    reply.header('connection', 'close')
    request.raw.resume()
  }
  return sendProblem(reply, body)
}

export const fileRoutes: FastifyPluginAsync<FileRouteOptions> = async (plugin, options) => {
  const app = plugin.withTypeProvider<TypeBoxTypeProvider>()
  const { db, now, storage, maxFileBytes, maxDossierBytes } = options
  const tempRoot = options.tempDir ?? tmpdir()
  // Inside this plugin only: multipart bodies are accepted by the upload route and nowhere else.
  await app.register(multipart, {
    limits: { fileSize: maxFileBytes, files: 1, fields: 5, fieldSize: 4000, parts: 10, headerPairs: 50 },
  })

  app.post(
    '/api/dossiers/:ref/files',
    {
      config: { permission: Permission.DossierRead },
      preValidation: async (request) => {
        if (request.isMultipart()) request.body ??= {}
      },
      schema: {
        operationId: 'uploadDossierFile',
        tags: ['files'],
        summary:
          'Tải lên tệp thành phần hồ sơ (PDF, JPEG, PNG) / Upload a file for a required document of a dossier (PDF, JPEG, PNG)',
        description:
          'multipart/form-data with a `component` field (the required document’s name) and one file. The type is ' +
          'detected from the content; the same content is stored once.',
        params: Ref,
        // Documents the form for OpenAPI; the stream itself is read and checked by the handler (the
        // preValidation hook above gives this schema an empty object, as the body is not parsed before).
        body: {
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  component: { type: 'string', description: 'Required: the required document’s name' },
                  file: { type: 'string', format: 'binary', description: 'Required: one PDF, JPEG or PNG file' },
                },
              },
            },
          },
        },
        response: {
          201: Uploaded,
          ...problems,
          413: Type.Ref('Problem'),
          415: Type.Ref('Problem'),
        },
      },
    },
    async (request, reply) => {
      const principal = callerOf(request)
      const target = await attachTarget(db, principal, request.params.ref)
      if (!target.ok)
        return refuse(
          request,
          reply,
          target.reason === 'not-found' ? problem('dossierNotFound', 404) : problem('forbidden', 403),
        )
      if (!request.isMultipart())
        return refuse(
          request,
          reply,
          problem('unsupportedMediaType', 415, {
            errors: [
              { path: 'headers/content-type', message: 'cần multipart/form-data', en: 'multipart/form-data expected' },
            ],
          }),
        )
      // The staging copy is removed before answering, whatever happens.
      const staging = await mkdtemp(join(tempRoot, 'motcua-upload-'))
      let outcome: Static<typeof Uploaded> | Problem | 'client-gone'
      try {
        outcome = await store(request, principal, target, join(staging, 'content'))
      } catch (error) {
        if (error instanceof Refused) outcome = error.problem
        else if (request.raw.socket?.destroyed) outcome = 'client-gone'
        else throw error
      } finally {
        await rm(staging, { recursive: true, force: true })
      }
      if (outcome === 'client-gone' || (!('sha256' in outcome) && request.raw.socket?.destroyed)) {
        // Aborted mid-upload: nothing was stored, and there is nobody to answer.
        request.log.info({ dossierId: target.id }, 'upload interrupted by the client')
        return reply.hijack()
      }
      if (!('sha256' in outcome)) return refuse(request, reply, outcome)
      return reply.code(201).send(outcome)
    },
  )

  /** Receives and checks one upload, then attaches it; refusals are thrown as `Refused`. */
  async function store(
    request: FastifyRequest,
    principal: Principal,
    target: Extract<AttachTarget, { ok: true }>,
    path: string,
  ): Promise<Static<typeof Uploaded>> {
    const { staged, component, originalName } = await receive(request, path, maxFileBytes)
    const file = { ...staged, component, originalName, content: () => createReadStream(path) }
    const attached = await attachFile({ db, storage, maxDossierBytes }, target, file, principal.userId, now())
    if (!attached.ok && attached.reason === 'not-a-component')
      throw new Refused(
        invalid(
          'body/component',
          'không phải thành phần của hồ sơ này',
          'not a required document or component of this dossier',
        ),
      )
    if (!attached.ok) throw new Refused(tooLarge(maxDossierBytes, 'dossier'))
    return { sha256: staged.sha256, size: staged.size, mediaType: staged.mediaType, component, name: originalName }
  }

  app.get(
    '/api/dossiers/:ref/files/:sha256',
    {
      config: { permission: Permission.DossierRead },
      schema: {
        operationId: 'downloadDossierFile',
        tags: ['files'],
        summary: 'Tải xuống tệp của hồ sơ / Download a file of a dossier',
        params: FileParams,
        response: {
          200: {
            description: 'The content, as an attachment',
            content: { [AcceptedType.Pdf]: binary, [AcceptedType.Jpeg]: binary, [AcceptedType.Png]: binary },
          },
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const principal = callerOf(request)
      const { ref, sha256 } = request.params
      const found = await loadDossier(db, ref)
      if (!found) return sendProblem(reply, problem('dossierNotFound', 404))
      if (!canReadDossier(principal, found.state)) return sendProblem(reply, problem('forbidden', 403))
      const file = await findLinkedFile(db, found.id, sha256)
      if (!file) return sendProblem(reply, problem('notFound', 404))
      const content = await storage.get(file.storageKey)
      if (!content) throw new Error(`file ${file.sha256} of dossier ${found.id} is recorded but not in storage`)
      const mediaType = isAcceptedType(file.mediaType) ? file.mediaType : 'application/octet-stream'
      const name =
        file.originalName ?? `${file.sha256.slice(0, 16)}.${isAcceptedType(mediaType) ? extensionOf(mediaType) : 'bin'}`
      return reply
        .header('content-type', mediaType)
        .header('content-length', String(file.size))
        .header('content-disposition', attachmentDisposition(name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(content)
    },
  )
}
