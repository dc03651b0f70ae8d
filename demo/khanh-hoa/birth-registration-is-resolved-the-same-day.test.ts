import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { formatInstant, parseClock, parseInstant } from '../../src/domain/calendar/local-time.ts'
import { workingCalendar } from '../../src/domain/calendar/working-calendar.ts'
import { buildWorkingDays } from '../../src/domain/calendar/working-days.ts'
import type { Catalog } from '../../src/domain/catalog/catalog.ts'
import type { DecisionContext } from '../../src/domain/dossier/context.ts'
import { appointmentAtReception } from '../../src/domain/dossier/deadlines.ts'
import { Channel } from '../../src/domain/dossier/status.ts'
import { publishedDecisions } from '../../src/store/seed/published-decisions.ts'

// Đăng ký khai sinh (1.001193): recorded "ngay sau khi nhận đủ giấy tờ" (Luật Hộ tịch 2014 Art. 16(2));
// received after 15:00 and not settled at once, returned the next working day (Decree 123/2015/NĐ-CP Art. 3).
const catalog: Catalog = JSON.parse(readFileSync(new URL('./catalog.json', import.meta.url), 'utf8'))
const version = catalog.procedures.find((p) => p.code === '1.001193')?.versions[0]
assert.ok(version)
const calendar = workingCalendar(buildWorkingDays(publishedDecisions()))
const ctx: DecisionContext = {
  now: 0,
  calendar: () => calendar,
  terms: {
    code: '1.001193',
    version: version.version,
    timeLimit: version.timeLimit,
    onlineTimeLimit: version.onlineTimeLimit,
    cutoffMinute: version.cutoffTime === null ? null : parseClock(version.cutoffTime),
    steps: version.steps,
    supplementLimitDays: version.supplementLimitDays,
    competentAgencyId: 'xa-22333',
    paymentPausesClock: false,
  },
}
const appointment = (receivedAt: string, channel: Channel = Channel.InPerson) => {
  const at = appointmentAtReception(ctx, channel, parseInstant(receivedAt) as number)
  return at === null ? null : formatInstant(at)
}

test('a birth registration received at 14:00 is due at that day’s close', () => {
  assert.equal(appointment('2026-11-03T14:00:00+07:00'), '2026-11-03T17:00:00+07:00')
})

test('a birth registration received at 15:30 is due at the next working day’s close', () => {
  assert.equal(appointment('2026-11-03T15:30:00+07:00'), '2026-11-04T17:00:00+07:00')
})

test('a birth registration received on Friday at 15:30 is due on Monday at the close', () => {
  assert.equal(appointment('2026-11-06T15:30:00+07:00'), '2026-11-09T17:00:00+07:00')
})

test('an online birth registration has the same limit as at the counter', () => {
  assert.equal(appointment('2026-11-03T14:00:00+07:00', Channel.Online), '2026-11-03T17:00:00+07:00')
})
