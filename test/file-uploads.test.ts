import assert from 'node:assert/strict'
import { createHash, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { FilesystemStorage } from '../src/adapters/storage/filesystem-storage.ts'
import { S3Storage } from '../src/adapters/storage/s3-storage.ts'
import type { Problem } from '../src/http/problem.ts'
import type { DossierView } from '../src/http/schemas/dossier-view.ts'
import { declarationFor } from './support/declaration-samples.ts'
import { type FakeS3, startFakeS3 } from './support/fake-s3.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

const component = 'Tờ khai đăng ký khai sinh'
const requiredDocument =
  'Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh.'
const owner = { identityNumber: '056190000071', name: 'Nguyễn Thị Lan' }
const newDossier = {
  procedureCode: '1.001193',
  ...declarationFor('1.001193'),
  receivingAgencyId: 'ttpvhcc-22333',
  channel: 2,
  applicant: {
    id: 'x',
    kind: 'citizen',
    name: 'x',
    identityNumber: null,
    phone: '0905000071',
    email: null,
    address: null,
  },
  components: [{ name: component, fileRef: null }],
}

const maxFileBytes = 4096
const maxDossierBytes = 10_000

/** A PDF of `size` bytes, unique per `seed`. */
const pdf = (seed: string, size = 600) => {
  const head = Buffer.from(`%PDF-1.7\n% ${seed}\n`)
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)])
}
const png = (seed: string) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IHDR ${seed}`)])
const jpeg = (seed: string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`JFIF ${seed}`)])
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

type Part =
  | { readonly name: string; readonly value: string }
  | { readonly name: string; readonly filename: string; readonly content: Buffer; readonly type?: string }

/** A multipart/form-data body built by hand, as a browser sends it (raw UTF-8 file names). */
function multipart(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----motcua${randomUUID().replaceAll('-', '')}`
  const chunks: Buffer[] = []
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`))
    if ('value' in part) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`))
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
            `Content-Type: ${part.type ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        part.content,
        Buffer.from('\r\n'),
      )
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return []
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)))
}

describe(`file uploads over HTTP on ${engineName}`, () => {
  let t: TestApp
  let base: string
  let root: string
  let staging: string
  let storage: FilesystemStorage
  let citizen: Record<string, string>
  let otherCitizen: Record<string, string>
  let counter: Record<string, string>
  let foreignCounter: Record<string, string>
  let specialist: Record<string, string>

  before(async () => {
    // The storage root sits deep inside a scratch directory, so an escape by `../..` would land in it.
    base = await mkdtemp(join(tmpdir(), 'motcua-file-uploads-'))
    root = join(base, 'a', 'b', 'files')
    staging = join(base, 'staging')
    await mkdir(staging)
    storage = new FilesystemStorage(root)
    t = await createTestApp({ files: { storage, maxFileBytes, maxDossierBytes, tempDir: staging } })
    citizen = await signedIn(t, { citizen: owner })
    otherCitizen = await signedIn(t, { citizen: { identityNumber: '056190000072', name: 'Trần Văn Bình' } })
    counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    foreignCounter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22366' }] })
    specialist = await signedIn(t, { grants: [{ role: 'specialist', agencyId: 'xa-22333' }] })
  })
  after(async () => {
    await t.close()
    await rm(base, { recursive: true, force: true })
  })

  const submit = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { ...citizen, 'idempotency-key': randomUUID() },
      payload: newDossier,
    })
    assert.equal(res.statusCode, 201, res.body)
    return res.json<DossierView>()
  }
  const upload = (dossierId: string, who: Record<string, string>, parts: readonly Part[]) => {
    const body = multipart(parts)
    return t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${dossierId}/files`,
      headers: { ...who, ...body.headers },
      payload: body.payload,
    })
  }
  const uploadFile = (dossierId: string, who: Record<string, string>, content: Buffer, filename = 'to-khai.pdf') =>
    upload(dossierId, who, [
      { name: 'component', value: component },
      { name: 'file', filename, content },
    ])
  const download = (dossierId: string, hash: string, who: Record<string, string>) =>
    t.app.inject({ method: 'GET', url: `/api/dossiers/${dossierId}/files/${hash}`, headers: who })
  const fileRows = (hash: string) => t.database.db.selectFrom('files').selectAll().where('sha256', '=', hash).execute()
  const linkRows = (dossierId: string) =>
    t.database.db.selectFrom('dossier_files').selectAll().where('dossier_id', '=', dossierId).execute()

  test('a PDF: 201, stored under its hash, and downloaded byte for byte with safe headers', async () => {
    const d = await submit()
    const content = pdf('first')
    const res = await uploadFile(d.id, citizen, content, 'Tờ khai (bản chính).pdf')
    assert.equal(res.statusCode, 201, res.body)
    assert.deepEqual(res.json(), {
      sha256: sha256(content),
      size: content.length,
      mediaType: 'application/pdf',
      component,
      name: 'Tờ khai (bản chính).pdf',
    })
    assert.deepEqual(await readFile(storage.pathOf(sha256(content))), content)
    assert.match(storage.pathOf(sha256(content)), /[/\\]([0-9a-f]{2})[/\\]([0-9a-f]{2})[/\\]\1\2[0-9a-f]{60}$/)

    const got = await download(d.id, sha256(content), citizen)
    assert.equal(got.statusCode, 200)
    assert.deepEqual(got.rawPayload, content)
    assert.equal(got.headers['content-type'], 'application/pdf')
    assert.equal(got.headers['content-length'], String(content.length))
    assert.equal(
      got.headers['content-disposition'],
      "attachment; filename*=UTF-8''T%E1%BB%9D%20khai%20%28b%E1%BA%A3n%20ch%C3%ADnh%29.pdf",
    )
    assert.equal(got.headers['x-content-type-options'], 'nosniff')
    assert.equal(got.headers['cache-control'], 'private, no-store')
    const head = await t.app.inject({
      method: 'HEAD',
      url: `/api/dossiers/${d.id}/files/${sha256(content)}`,
      headers: citizen,
    })
    assert.equal(head.statusCode, 200)
    assert.equal(head.headers['content-length'], String(content.length))
    assert.equal(head.rawPayload.length, 0)
    const [row] = await linkRows(d.id)
    assert.equal(row?.uploaded_by.length, 36)
    assert.deepEqual(await readdir(staging), [], 'the staging copy is gone')
  })

  test('PNG and JPEG are accepted, typed by their content rather than their name or declared type', async () => {
    const d = await submit()
    const image = png('scan')
    const res = await upload(d.id, citizen, [
      { name: 'component', value: component },
      { name: 'file', filename: 'scan.pdf', content: image, type: 'application/pdf' },
    ])
    assert.equal(res.statusCode, 201, res.body)
    assert.equal(res.json<{ mediaType: string }>().mediaType, 'image/png')
    assert.equal((await download(d.id, sha256(image), citizen)).headers['content-type'], 'image/png')
    // The file may come before the component field, and a required document of the procedure is a component.
    const photo = jpeg('photo')
    const second = await upload(d.id, citizen, [
      { name: 'file', filename: 'anh.jpg', content: photo },
      { name: 'component', value: requiredDocument },
    ])
    assert.equal(second.statusCode, 201, second.body)
    assert.equal(second.json<{ mediaType: string }>().mediaType, 'image/jpeg')
  })

  test('the same content twice is stored once and linked once per component', async () => {
    const d = await submit()
    const other = await submit()
    const content = pdf('twice')
    assert.equal((await uploadFile(d.id, citizen, content)).statusCode, 201)
    const again = await uploadFile(d.id, citizen, content, 'copy.pdf')
    assert.equal(again.statusCode, 201)
    const elsewhere = await upload(d.id, citizen, [
      { name: 'component', value: requiredDocument },
      { name: 'file', filename: 'same.pdf', content },
    ])
    assert.equal(elsewhere.statusCode, 201)
    assert.equal((await uploadFile(other.id, citizen, content)).statusCode, 201)
    assert.equal((await fileRows(sha256(content))).length, 1)
    assert.deepEqual((await linkRows(d.id)).map((r) => r.component_name).sort(), [component, requiredDocument].sort())
    assert.equal((await linkRows(other.id)).length, 1)
    assert.equal((await filesUnder(root)).filter((f) => f.endsWith(sha256(content))).length, 1)
  })

  test('a file over the per-file limit is 413 and nothing is stored', async () => {
    const d = await submit()
    const content = pdf('big', maxFileBytes + 1)
    const res = await uploadFile(d.id, citizen, content)
    assert.equal(res.statusCode, 413, res.body)
    assert.equal(res.json<Problem>().type, 'urn:motcua:problem:payloadTooLarge')
    assert.equal((await fileRows(sha256(content))).length, 0)
    assert.equal((await linkRows(d.id)).length, 0)
    assert.equal(await storage.exists(sha256(content)), false)
    assert.deepEqual(await readdir(staging), [])
    // Exactly at the limit is fine.
    assert.equal((await uploadFile(d.id, citizen, pdf('limit', maxFileBytes))).statusCode, 201)
  })

  test('the dossier’s files together may not pass the per-dossier limit (413)', async () => {
    const d = await submit()
    assert.equal((await uploadFile(d.id, citizen, pdf('one', 4000))).statusCode, 201)
    assert.equal((await uploadFile(d.id, citizen, pdf('two', 4000))).statusCode, 201)
    const third = pdf('three', 4000)
    const res = await uploadFile(d.id, citizen, third)
    assert.equal(res.statusCode, 413, res.body)
    assert.equal(await storage.exists(sha256(third)), false)
    // Content already in the dossier adds nothing, so linking it to another component still works.
    const relink = await upload(d.id, citizen, [
      { name: 'component', value: requiredDocument },
      { name: 'file', filename: 'one.pdf', content: pdf('one', 4000) },
    ])
    assert.equal(relink.statusCode, 201, relink.body)
  })

  test('a renamed executable (MZ… called x.pdf) is 415; an empty file 400; no file or component 400', async () => {
    const d = await submit()
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00'), Buffer.alloc(300)])
    const res = await upload(d.id, citizen, [
      { name: 'component', value: component },
      { name: 'file', filename: 'x.pdf', content: exe, type: 'application/pdf' },
    ])
    assert.equal(res.statusCode, 415, res.body)
    assert.equal(res.json<Problem>().type, 'urn:motcua:problem:unsupportedMediaType')
    assert.equal((await fileRows(sha256(exe))).length, 0)
    assert.equal(await storage.exists(sha256(exe)), false)

    const empty = await uploadFile(d.id, citizen, Buffer.alloc(0), 'empty.pdf')
    assert.equal(empty.statusCode, 400, empty.body)
    assert.equal(empty.json<Problem>().errors?.[0]?.path, 'body/file')
    const noFile = await upload(d.id, citizen, [{ name: 'component', value: component }])
    assert.equal(noFile.statusCode, 400)
    const noComponent = await upload(d.id, citizen, [{ name: 'file', filename: 'a.pdf', content: pdf('nc') }])
    assert.equal(noComponent.statusCode, 400)
    assert.equal(noComponent.json<Problem>().errors?.[0]?.path, 'body/component')
    const unknown = await upload(d.id, citizen, [
      { name: 'component', value: 'Không có trong hồ sơ' },
      { name: 'file', filename: 'a.pdf', content: pdf('unknown') },
    ])
    assert.equal(unknown.statusCode, 400)
    const twoFiles = await upload(d.id, citizen, [
      { name: 'component', value: component },
      { name: 'file', filename: 'a.pdf', content: pdf('two-a') },
      { name: 'file', filename: 'b.pdf', content: pdf('two-b') },
    ])
    assert.equal(twoFiles.statusCode, 400, twoFiles.body)
    assert.equal(await storage.exists(sha256(pdf('two-a'))), false)
    const json = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/files`,
      headers: citizen,
      payload: { component, file: 'JVBERi0=' },
    })
    assert.equal(json.statusCode, 415)
    assert.equal((await linkRows(d.id)).length, 0)
    assert.deepEqual(await readdir(staging), [])
  })

  test('a path-traversal name is only a display name: stored under the hash, nothing outside the root', async () => {
    const d = await submit()
    const content = pdf('traversal')
    const res = await upload(d.id, citizen, [
      { name: 'component', value: component },
      { name: 'file', filename: '../../etc/passwd.pdf', content },
    ])
    assert.equal(res.statusCode, 201, res.body)
    assert.equal(res.json<{ name: string }>().name, 'passwd.pdf')
    const [link] = await linkRows(d.id)
    assert.equal(link?.original_name, 'passwd.pdf')
    const got = await download(d.id, sha256(content), citizen)
    assert.equal(got.headers['content-disposition'], "attachment; filename*=UTF-8''passwd.pdf")
    assert.ok(!existsSync(join(root, '..', '..', 'etc')))
    for (const file of await filesUnder(base)) {
      assert.ok(file.startsWith(`a${sep}b${sep}files${sep}`), `${file} is outside the storage root`)
      assert.match(
        relative(join('a', 'b', 'files'), file)
          .split(sep)
          .join('/'),
        /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/,
      )
    }
  })

  test('an interrupted upload leaves no row and no stored file', async () => {
    const d = await submit()
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = t.app.server.address() as AddressInfo
    const content = pdf('interrupted', 4000)
    const body = multipart([
      { name: 'component', value: component },
      { name: 'file', filename: 'half.pdf', content },
    ])
    let sawStaging = false
    const aborted = new Promise<void>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/dossiers/${d.id}/files`,
        headers: { ...citizen, ...body.headers, 'content-length': String(body.payload.length) },
      })
      req.on('error', () => resolve())
      req.on('close', () => resolve())
      req.flushHeaders()
      req.write(body.payload.subarray(0, Math.floor(body.payload.length / 2)))
      // Once the server is writing the file, the client goes away mid-body.
      const waitForStaging = async () => {
        for (let i = 0; i < 200 && !sawStaging; i++) {
          sawStaging = (await filesUnder(staging)).length > 0
          if (!sawStaging) await sleep(10)
        }
        req.destroy()
      }
      void waitForStaging()
    })
    await aborted
    assert.ok(sawStaging, 'the server had begun writing the file when the client went away')
    for (let i = 0; i < 200 && (await readdir(staging)).length > 0; i++) await sleep(10)
    assert.deepEqual(await readdir(staging), [], 'the staging copy is removed')
    assert.equal((await linkRows(d.id)).length, 0)
    assert.equal((await fileRows(sha256(content))).length, 0)
    assert.equal(await storage.exists(sha256(content)), false)
    // The server is still fine for the next upload on a new connection.
    const next = await fetch(`http://127.0.0.1:${port}/api/dossiers/${d.id}/files`, {
      method: 'POST',
      headers: { ...citizen, ...body.headers },
      body: body.payload,
    })
    assert.equal(next.status, 201, await next.text())
  })

  test('over real HTTP, a refused upload is answered, not left hanging', async () => {
    const d = await submit()
    if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = t.app.server.address() as AddressInfo
    const big = multipart([
      { name: 'component', value: component },
      { name: 'file', filename: 'big.pdf', content: pdf('big-http', 200_000) },
    ])
    const tooBig = await fetch(`http://127.0.0.1:${port}/api/dossiers/${d.id}/files`, {
      method: 'POST',
      headers: { ...citizen, ...big.headers },
      body: big.payload,
    })
    assert.equal(tooBig.status, 413)
    const exe = multipart([
      { name: 'component', value: component },
      { name: 'file', filename: 'x.pdf', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200_000)]) },
    ])
    const refused = await fetch(`http://127.0.0.1:${port}/api/dossiers/${d.id}/files`, {
      method: 'POST',
      headers: { ...citizen, ...exe.headers },
      body: exe.payload,
    })
    assert.equal(refused.status, 415)
    assert.equal((await linkRows(d.id)).length, 0)
  })

  test('who may upload and download: applicant and receiving counter upload; readers download; others 403; anonymous 401', async () => {
    const d = await submit()
    const content = pdf('access')
    const hash = sha256(content)
    assert.equal((await uploadFile(d.id, otherCitizen, content)).statusCode, 403)
    assert.equal((await uploadFile(d.id, foreignCounter, content)).statusCode, 403)
    assert.equal((await uploadFile(d.id, {}, content)).statusCode, 401)
    assert.equal((await linkRows(d.id)).length, 0)
    assert.equal(await storage.exists(hash), false)

    assert.equal((await uploadFile(d.id, counter, content)).statusCode, 201)
    assert.equal((await download(d.id, hash, citizen)).statusCode, 200)
    assert.equal((await download(d.id, hash, otherCitizen)).statusCode, 403)
    assert.equal((await download(d.id, hash, {})).statusCode, 401)

    // Once received, the processing agency's specialist reads the files but does not add any.
    const received = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/reception`,
      headers: { ...counter, 'idempotency-key': randomUUID() },
      payload: { expectedVersion: d.version },
    })
    assert.equal(received.statusCode, 200, received.body)
    const code = received.json<DossierView>().code ?? ''
    assert.equal((await download(code, hash, specialist)).statusCode, 200, 'found by dossier code too')
    assert.equal((await uploadFile(code, specialist, pdf('specialist'))).statusCode, 403)

    // The CSRF token is required for a cookie session.
    const { 'x-csrf-token': _csrf, ...noCsrf } = citizen
    const csrf = await uploadFile(d.id, noCsrf, pdf('csrf'))
    assert.equal(csrf.statusCode, 403)
    assert.equal(csrf.json<Problem>().type, 'urn:motcua:problem:csrf')
  })

  test('a file is found only through a dossier it is linked to; bad hashes are 400', async () => {
    const d = await submit()
    const other = await submit()
    const content = pdf('linked')
    assert.equal((await uploadFile(d.id, citizen, content)).statusCode, 201)
    assert.equal((await download(other.id, sha256(content), citizen)).statusCode, 404)
    assert.equal((await download(d.id, sha256(Buffer.from('nothing')), citizen)).statusCode, 404)
    assert.equal((await download(d.id, 'ABC', citizen)).statusCode, 400)
    assert.equal((await download(d.id, `${'0'.repeat(63)}G`, citizen)).statusCode, 400)
    assert.equal((await download('no-such-dossier', sha256(content), citizen)).statusCode, 404)
  })

  test('the routes are documented under the files tag', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags: string[]; summary: string }>>
    }>()
    const post = doc.paths['/api/dossiers/{ref}/files']?.post
    const get = doc.paths['/api/dossiers/{ref}/files/{sha256}']?.get
    assert.deepEqual(post?.tags, ['files'])
    assert.deepEqual(get?.tags, ['files'])
    assert.match(get?.summary ?? '', / \/ /)
  })
})

describe(`file uploads to S3 storage on ${engineName}`, () => {
  let s3: FakeS3
  let storage: S3Storage
  let t: TestApp
  let citizen: Record<string, string>
  const credentials = { accessKeyId: 'AKIDUPLOADS', secretAccessKey: 'uploads-secret' }
  before(async () => {
    s3 = await startFakeS3({ buckets: ['dossier-files'], credentials })
    storage = new S3Storage({
      bucket: 'dossier-files',
      endpoint: s3.endpoint,
      region: s3.region,
      credentials,
      forcePathStyle: true,
    })
    t = await createTestApp({ files: { storage, maxFileBytes, maxDossierBytes } })
    citizen = await signedIn(t, { citizen: owner })
  })
  after(async () => {
    await t.close()
    storage.destroy()
    await s3.close()
  })

  test('an upload lands in the bucket under its hash and downloads the same', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: { ...citizen, 'idempotency-key': randomUUID() },
      payload: newDossier,
    })
    const d = created.json<DossierView>()
    const content = png('s3')
    const body = multipart([
      { name: 'component', value: component },
      { name: 'file', filename: 'ảnh.png', content },
    ])
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.id}/files`,
      headers: { ...citizen, ...body.headers },
      payload: body.payload,
    })
    assert.equal(res.statusCode, 201, res.body)
    assert.equal(res.json<{ name: string }>().name, 'ảnh.png')
    const stored = s3.buckets.get('dossier-files')?.get(sha256(content))
    assert.deepEqual(stored?.body, content)
    assert.equal(stored?.contentType, 'image/png')
    const got = await t.app.inject({
      method: 'GET',
      url: `/api/dossiers/${d.id}/files/${sha256(content)}`,
      headers: citizen,
    })
    assert.equal(got.statusCode, 200)
    assert.deepEqual(got.rawPayload, content)
    assert.equal(got.headers['content-disposition'], "attachment; filename*=UTF-8''%E1%BA%A3nh.png")
  })
})
