import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'
import type { HolidayRule } from '../src/domain/calendar/holiday-rule.ts'

const motcua = join(import.meta.dirname, '..', 'bin', 'motcua')
const run = async (...args: string[]) =>
  (await promisify(execFile)(motcua, ['calendar', ...args], { env: { PATH: '/usr/bin:/bin' } })).stdout.trim()

test('motcua calendar rules lists every holiday rule with its article, Culture Day from 1 July 2026', async () => {
  const rules = JSON.parse(await run('rules', '--json')) as HolidayRule[]
  const culture = rules.find((r) => r.id === 'ngay-van-hoa-viet-nam')
  assert.equal(culture?.effectiveFrom, '2026-07-01')
  assert.ok(rules.some((r) => r.source.article === 'Điều 112 khoản 1 điểm b' && r.day.kind === 'tet_span'))
  const text = await run('rules')
  assert.match(text, /Ngày Văn hóa Việt Nam \(24\/11\) {2}— Nghị quyết 28\/2026\/QH16/)
})
