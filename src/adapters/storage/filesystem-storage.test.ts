import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { after, before, test } from 'node:test'
import { FilesystemStorage } from './filesystem-storage.ts'

const keyOf = (b: Buffer) => createHash('sha256').update(b).digest('hex')
let root: string
let storage: FilesystemStorage
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'motcua-fs-storage-'))
  storage = new FilesystemStorage(join(root, 'files'))
})
after(() => rm(root, { recursive: true, force: true }))

test('content is stored under ab/cd/abcd… and read back', async () => {
  const content = Buffer.from('%PDF-1.7\nhello\n')
  const key = keyOf(content)
  assert.equal(await storage.exists(key), false)
  assert.equal(await storage.get(key), null)
  await storage.put(key, content)
  assert.equal(storage.pathOf(key), join(root, 'files', key.slice(0, 2), key.slice(2, 4), key))
  assert.deepEqual(await readFile(storage.pathOf(key)), content)
  assert.equal(await storage.exists(key), true)
  assert.deepEqual(Buffer.concat(await ((await storage.get(key)) as Readable).toArray()), content)
  await storage.put(key, Readable.from([content.subarray(0, 3), content.subarray(3)]), { size: content.length })
  assert.deepEqual(await readFile(storage.pathOf(key)), content, 'storing again is harmless')
  assert.deepEqual(await readdir(join(root, 'files', '.incoming')), [], 'no temporary file is left')
})

test('keys other than a SHA-256 hex digest never reach the file system', async () => {
  for (const key of ['../../etc/passwd', 'A'.repeat(64), 'ab', `${'a'.repeat(63)}/`])
    await assert.rejects(storage.put(key, Buffer.from('x')), /not a SHA-256/)
  assert.throws(() => storage.pathOf('..'), /not a SHA-256/)
})

test('a failed write leaves neither the file nor a temporary copy', async () => {
  const key = keyOf(Buffer.from('broken'))
  const broken = new Readable({
    read() {
      this.push(Buffer.from('%PDF-'))
      this.destroy(new Error('connection reset'))
    },
  })
  await assert.rejects(storage.put(key, broken), /connection reset/)
  assert.equal(await storage.exists(key), false)
  await assert.rejects(storage.put(key, Buffer.from('short'), { size: 99 }), /expected 99/)
  assert.equal(await storage.exists(key), false)
  assert.deepEqual(await readdir(join(root, 'files', '.incoming')), [])
})
