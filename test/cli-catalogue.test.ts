import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { promisify } from 'node:util'
import { type FakeNationalCatalogue, startFakeNationalCatalogue } from './support/fake-national-catalogue.ts'
import { createScratchDatabase, engineName } from './support/test-database.ts'

const motcua = join(import.meta.dirname, '..', 'bin', 'motcua')

describe(`bin/motcua catalogue sync, changes, approve on ${engineName}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-catalogue-'))
  const env: NodeJS.ProcessEnv = { PATH: '/usr/bin:/bin' }
  let dataDir = join(dir, 'data')
  let cleanup = async () => {}
  let fake: FakeNationalCatalogue
  const run = async (...args: string[]) =>
    (await promisify(execFile)(motcua, [...args, '--data-dir', dataDir], { env })).stdout.trim()

  before(async () => {
    fake = await startFakeNationalCatalogue()
    env.PORTAL_BASE_URL = fake.baseUrl
    env.PORTAL_API_KEY = fake.apiKey
    if (process.env.DATABASE_URL) {
      const scratch = await createScratchDatabase(process.env.DATABASE_URL)
      env.DATABASE_URL = scratch.url
      cleanup = scratch.drop
      dataDir = 'unused'
    }
    await run('migrate')
  })
  after(async () => {
    await fake.close()
    await cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  test('sync prints the change set with its counts and the record it could not read', async () => {
    const out = await run('catalogue', 'sync')
    assert.match(out, /^Bộ thay đổi 1: 3 thủ tục đọc được; mới 1, thay đổi 1, bãi bỏ 1; bản ghi lỗi 1/)
    assert.match(out, /lỗi 1\.099999/)
  })

  test('changes ID shows each changed field before → after', async () => {
    assert.match(
      await run('catalogue', 'changes', '1'),
      /publication\.decision: null → \{"date":"2025-06-20","number":"163\/QĐ-BTP"\}/,
    )
  })

  test('approve ID --from applies it from that date; a second approval exits 1 naming why', async () => {
    assert.match(
      await run('catalogue', 'approve', '1', '--from', '2026-12-01'),
      /từ 2026-12-01: 2 phiên bản mới, 1 thủ tục bãi bỏ/,
    )
    await assert.rejects(run('catalogue', 'approve', '1'), /đã được quyết định \/ the change set was already decided/)
  })
})
