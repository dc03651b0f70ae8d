import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { watchDeadlines } from '../src/app/deadline-watch/watch-deadlines.ts'
import { buildDossierForm } from '../src/domain/forms/build.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import type { OpenDatabase } from '../src/store/database.ts'
import { dossierCommands } from '../src/store/dossiers/dossier-commands.ts'
import { loadDossier } from '../src/store/dossiers/dossier-queries.ts'
import { dossierInAppraisal, watchedProcedure } from './support/deadline-watch.ts'
import { actors } from './support/dossier-fixtures.ts'
import { formContext } from './support/form-context.ts'
import { createTestDatabase, engineName } from './support/test-database.ts'

// Decree 61/2018/NĐ-CP as amended by Decree 107/2021 and Decree 118/2025/NĐ-CP: when the applicant
// lets the supplement time limit the procedure sets pass, the agency stops the dossier and tells the
// applicant with the stop notice (form 05, Circular 03/2025/TT-VPCP). The watcher does it as the
// system, through the engine's one gate, audited.

let open: OpenDatabase
before(async () => {
  open = await createTestDatabase()
  await open.db
    .updateTable('procedure_versions')
    .set({ supplement_limit_days: 5 })
    .where('procedure_code', '=', watchedProcedure.code)
    .execute()
})
after(() => open.close())

test(`a supplement limit passed stops the dossier with its notice and an audit row, once, on ${engineName}`, async () => {
  const engine = dossierCommands(open.db, workingDaysFromDatabase(open.db))
  // Tuesday 3 Nov 2026, 09:00 in Vietnam: asked for a supplement at once.
  const asked = new Date('2026-11-03T02:00:00Z')
  const { id } = await dossierInAppraisal(engine, asked, [
    {
      action: 'request-supplement',
      actor: actors.specialist,
      items: ['Bản sao giấy tờ'],
      reason: 'Thiếu',
      exception: null,
    },
  ])
  const deps = { db: open.db, engine }
  // Five working days later is Tuesday 10 Nov, 09:00: the day before, nothing happens.
  const dayBefore = await watchDeadlines(deps, new Date('2026-11-09T10:00:00Z'))
  assert.equal(dayBefore.stopped, 0)
  assert.equal((await loadDossier(open.db, id))?.state.status, 5)

  const round = await watchDeadlines(deps, new Date('2026-11-10T03:00:00Z'))
  assert.equal(round.stopped, 1)
  const d = (await loadDossier(open.db, id))?.state
  assert.equal(d?.status, 8, 'stopped (status 8)')
  assert.match(d?.closing?.reason ?? '', /Quá thời hạn 5 ngày làm việc bổ sung/)
  assert.ok(d)
  const form05 = buildDossierForm('05', d, formContext)
  assert.equal(form05?.title, 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', 'the stop notice (form 05) is issued')
  const events = await open.db
    .selectFrom('dossier_events')
    .select(['type', 'payload'])
    .where('dossier_id', '=', id)
    .execute()
  const stopped = events.filter((e) => e.type === 'stopped')
  assert.equal(stopped.length, 1)
  const payload = stopped[0]?.payload as { actor: { role: string } } | undefined
  assert.equal(payload?.actor.role, 'system')
  // The notice goes to the applicant through the outbox like any stop (the notifications consumer).
  const notices = await open.db.selectFrom('outbox').select('topic').where('message_key', '=', id).execute()
  assert.ok(notices.some((m) => m.topic === 'dossier.stopped'))
  const audit = await open.db
    .selectFrom('audit_log')
    .select(['action', 'actor'])
    .where('subject', '=', `dossier:${id}`)
    .execute()
  assert.deepEqual(audit, [{ action: 'deadline-alert.supplement-expired', actor: 'deadline-watcher' }])

  const again = await watchDeadlines(deps, new Date('2026-11-10T04:00:00Z'))
  assert.deepEqual(again, { raised: 0, stopped: 0, skipped: 0 }, 'a later round does nothing more')
})
