import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { HolidayRule } from '../src/domain/calendar/holiday-rule.ts'
import { formatInstant } from '../src/domain/calendar/local-time.ts'
import { deadlineWatchRound } from '../src/jobs/deadline-watcher.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import { dossierCommands } from '../src/store/dossiers/dossier-commands.ts'
import { dossierInAppraisal } from './support/deadline-watch.ts'
import { createTestApp, fixedNow, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

// Shared rules §4: holidays are data, and "changing them recomputes open deadlines". The provincial
// administrator adds a holiday on Monday 30/11/2026 on 26/11 (the test app's now); a dossier received
// the day before, due on 2/12, must then be due a working day later — moved once, by the watcher.
const monday30: HolidayRule = {
  id: 'ngay-nghi-thu-nghiem-30-11',
  day: { kind: 'solar', month: 11, day: 30 },
  effectiveFrom: '2026-11-27',
  effectiveTo: null,
  enabled: true,
  compensated: false,
  reason: 'Ngày nghỉ thử nghiệm (30/11)',
  source: { instrument: 'Văn bản thử nghiệm', article: 'Điều 1', url: null, verified: 'kiểm thử' },
}

describe(`a calendar change moves the deadlines of open dossiers on ${engineName}`, () => {
  let t: TestApp
  let admin: Record<string, string>
  let engine: ReturnType<typeof dossierCommands>
  let dossier: { id: string; version: number }
  const watcher = () => deadlineWatchRound({ db: t.database.db, engine }, 'test-watcher', 60_000, fixedNow)
  const row = () =>
    t.database.db
      .selectFrom('dossiers')
      .select(['appointment_at', 'original_appointment_at', 'version'])
      .where('id', '=', dossier.id)
      .executeTakeFirstOrThrow()
  const shown = (d: Date | null) => (d ? formatInstant(d.getTime()) : null)

  before(async () => {
    t = await createTestApp()
    admin = await signedIn(t, { grants: [{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }], name: 'Quản Trị' })
    engine = dossierCommands(t.database.db, workingDaysFromDatabase(t.database.db))
    dossier = await dossierInAppraisal(engine, new Date('2026-11-25T02:00:00Z'))
  })
  after(async () => t.close())

  test('before the change the dossier is due on Wednesday 2/12', async () => {
    assert.equal(shown((await row()).appointment_at), '2026-12-02T09:00:00+07:00')
  })

  test('a refused change records nothing to apply', async () => {
    const officer = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/holiday-rules',
      payload: monday30,
      headers: officer,
    })
    assert.equal(res.statusCode, 403)
    assert.equal((await t.database.db.selectFrom('calendar_changes').select('id').execute()).length, 0)
  })

  test('the change records the day it turned off, in the transaction that adds the rule', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/holiday-rules',
      payload: monday30,
      headers: admin,
    })
    assert.equal(res.statusCode, 201, res.body)
    const changes = await t.database.db.selectFrom('calendar_changes').selectAll().execute()
    assert.equal(changes.length, 1)
    const days = changes[0]?.changed_days ?? []
    // Every later 30/11 that falls on a weekday is off too (without compensation for a weekend one).
    assert.deepEqual(days[0], { date: '2026-11-30', workingBefore: true })
    assert.ok(days.every((d) => d.date.endsWith('-11-30') && d.workingBefore))
  })

  test('the watcher moves the appointment a working day later, as an event of the dossier', async () => {
    await watcher()
    const now = await row()
    assert.deepEqual(
      [shown(now.appointment_at), shown(now.original_appointment_at)],
      ['2026-12-03T09:00:00+07:00', '2026-12-03T09:00:00+07:00'],
    )
    const events = await t.database.db
      .selectFrom('dossier_events')
      .select('type')
      .where('dossier_id', '=', dossier.id)
      .orderBy('seq')
      .execute()
    assert.equal(events.at(-1)?.type, 'deadlines-rescheduled')
  })

  test('the applicant is to be told: the event goes out through the outbox', async () => {
    const messages = await t.database.db
      .selectFrom('outbox')
      .select('topic')
      .where('message_key', '=', dossier.id)
      .execute()
    assert.ok(messages.some((m) => m.topic === 'dossier.deadlines-rescheduled'))
  })

  test('the change is applied once: it is marked with the one dossier it moved, and a second round moves nothing', async () => {
    const version = (await row()).version
    await watcher()
    assert.equal((await row()).version, version)
    const change = await t.database.db.selectFrom('calendar_changes').selectAll().executeTakeFirstOrThrow()
    assert.ok(change.applied_at)
    assert.equal(change.rescheduled, 1)
  })
})
