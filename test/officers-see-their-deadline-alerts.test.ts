import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { watchDeadlines } from '../src/app/deadline-watch/watch-deadlines.ts'
import { workingDaysFromDatabase } from '../src/store/calendar/working-days-cache.ts'
import { dossierCommands } from '../src/store/dossiers/dossier-commands.ts'
import { dossierInAppraisal } from './support/deadline-watch.ts'
import { createTestApp, signedIn, type TestApp } from './support/test-app.ts'
import { engineName } from './support/test-database.ts'

// The warning and the escalation reach the officer and their leader (issue 15 §4; rules.md "Deadline
// watcher"): at GET /api/office/alerts, and as the mark on the dossier in their queue.

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

type Alert = { dossierId: string; kind: string; title: string; titleEn: string }
const alertsOf = async (headers: Record<string, string>) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/office/alerts', headers })
  assert.equal(res.statusCode, 200, res.body)
  return res.json<{ items: Alert[] }>().items
}

test(`the specialist and the leader see their alerts, another agency's officer does not, on ${engineName}`, async () => {
  const db = t.database.db
  const engine = dossierCommands(db, workingDaysFromDatabase(db))
  const { id } = await dossierInAppraisal(engine, new Date('2026-11-03T02:00:00Z'))
  await watchDeadlines({ db, engine }, new Date('2026-11-10T04:00:00Z'))

  const specialist = await signedIn(t, { grants: [{ role: 'specialist', agencyId: 'xa-22333' }] })
  const leader = await signedIn(t, { grants: [{ role: 'leader', agencyId: 'xa-22333' }] })
  const elsewhere = await signedIn(t, { grants: [{ role: 'leader', agencyId: 'xa-22366' }] })

  const forSpecialist = (await alertsOf(specialist)).filter((a) => a.dossierId === id)
  assert.ok(forSpecialist.some((a) => a.kind === 'dossier-warning'))
  assert.ok(!forSpecialist.some((a) => a.kind === 'dossier-overdue-escalation'), 'the escalation goes to the leader')
  const forLeader = (await alertsOf(leader)).filter((a) => a.dossierId === id)
  const escalation = forLeader.find((a) => a.kind === 'dossier-overdue-escalation')
  assert.ok(escalation)
  assert.match(escalation.title, /quá hạn/)
  assert.match(escalation.titleEn, /Overdue/)
  assert.deepEqual(
    (await alertsOf(elsewhere)).filter((a) => a.dossierId === id),
    [],
  )

  const queue = await t.app.inject({ method: 'GET', url: '/api/queues/specialist', headers: specialist })
  const row = queue.json<{ items: { id: string; alert: string | null }[] }>().items.find((i) => i.id === id)
  assert.equal(row?.alert, 'dossier-overdue-escalation', 'the queue marks the dossier with its newest alert')
})
