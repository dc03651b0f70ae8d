import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { test } from 'node:test'

const motcua = join(import.meta.dirname, '..', 'bin', 'motcua')
const run = (args: string[], env: Record<string, string>) =>
  spawnSync(motcua, args, { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', ...env }, timeout: 60_000 })

for (const command of [['serve', '--port', '0'], ['migrate'], ['audit', 'verify']])
  test(`bin/motcua ${command[0]} with a bad number stops before any work, naming the variable, exit code 2`, () => {
    const result = run([...command, '--data-dir', join(import.meta.dirname, '..', 'tmp', 'never-created')], {
      MOTCUA_RELAY_INTERVAL_MS: 'abc',
    })
    assert.equal(result.status, 2, result.stderr)
    assert.match(
      result.stderr,
      /MOTCUA_RELAY_INTERVAL_MS: phải là số nguyên dương \(mili giây\) \/ must be a positive integer \(milliseconds\), got "abc"/,
    )
    assert.equal(result.stdout, '')
  })

test('bin/motcua config check lists every problem of the environment, related settings included', () => {
  const result = run(['config', 'check'], { PORT: 'http', PORTAL_BASE_URL: 'https://dichvucong.gov.vn' })
  assert.equal(result.status, 2)
  assert.match(result.stderr, /^ {2}PORT: .*got "http"$/m)
  assert.match(result.stderr, /^ {2}PORTAL_API_KEY: cần đặt khi có PORTAL_BASE_URL/m)
})

test('bin/motcua config check accepts a complete environment', () => {
  const result = run(['config', 'check'], { PORTAL_BASE_URL: 'https://dichvucong.gov.vn', PORTAL_API_KEY: 'k' })
  assert.equal(result.status, 0, result.stderr)
})
