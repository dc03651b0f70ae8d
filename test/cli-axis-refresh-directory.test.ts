import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { promisify } from 'node:util'
import { type FakeDocumentAxis, startFakeDocumentAxis } from './support/fake-document-axis.ts'
import { createScratchDatabase, engineName } from './support/test-database.ts'

const motcua = join(import.meta.dirname, '..', 'bin', 'motcua')

/** `motcua axis refresh-directory` fetches the axis directory at once, outside the schedule. */
describe(`bin/motcua axis refresh-directory on ${engineName}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-axis-'))
  const env: NodeJS.ProcessEnv = { PATH: '/usr/bin:/bin' }
  let dataDir = join(dir, 'data')
  let cleanup = async () => {}
  let axis: FakeDocumentAxis
  const run = (...args: string[]) => promisify(execFile)(motcua, [...args, '--data-dir', dataDir], { env })

  before(async () => {
    if (process.env.DATABASE_URL) {
      const scratch = await createScratchDatabase(process.env.DATABASE_URL)
      env.DATABASE_URL = scratch.url
      cleanup = scratch.drop
      dataDir = 'unused'
    }
    axis = await startFakeDocumentAxis()
    Object.assign(env, {
      DOCUMENT_AXIS_BASE_URL: axis.baseUrl,
      DOCUMENT_AXIS_SYSTEM_ID: axis.systemId,
      DOCUMENT_AXIS_SECRET: axis.secret,
      DOCUMENT_AXIS_AGENCY_CODE: '000.00.00.H34',
      DOCUMENT_AXIS_AGENCY_NAME: 'Ủy ban nhân dân tỉnh Khánh Hòa',
      DOCUMENT_AXIS_SIGNING_KEY_FILE: join(dir, 'unused-key.pem'),
      DOCUMENT_AXIS_SIGNING_CERTIFICATE_FILE: join(dir, 'unused-cert.pem'),
    })
    await run('migrate')
  })
  after(async () => {
    await axis.close()
    await cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  test('a second run names the agency the axis stopped listing as absent', async () => {
    await run('axis', 'refresh-directory', '--json')
    axis.removeAgency('000.00.07.H31')
    const second = JSON.parse((await run('axis', 'refresh-directory', '--json')).stdout)
    assert.deepEqual(second, { listed: 3, absent: ['000.00.07.H31'], returned: [] })
  })
})
