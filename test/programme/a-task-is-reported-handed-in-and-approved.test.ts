import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { get, pdfEvidence, planWithTask, post, programmeId } from './programme-http.ts'

type Task = { id: string; status: string; percent: number; overdue: boolean; availableActions: string[] }

let t: TestApp
let admin: Record<string, string>
let leader: Record<string, string>
let taskId: string
let approved: Task
before(async () => {
  t = await createTestApp()
  admin = await signedIn(t, { grants: [{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }] })
  leader = await signedIn(t, { grants: [{ role: 'leader', agencyId: 'so-tu-phap' }] })
  taskId = await planWithTask(t, admin, 'so-tu-phap')
  await post(t, leader, `/api/programme/tasks/${taskId}/progress-reports`, {
    percent: 40,
    note: 'Đã rà soát 12 thủ tục',
    evidence: null,
  })
  await post(t, leader, `/api/programme/tasks/${taskId}/completion-request`, {
    note: 'Hoàn thành',
    evidence: pdfEvidence(),
  })
  approved = (
    await post(t, admin, `/api/programme/tasks/${taskId}/approval`, { approved: true, note: 'Đạt' })
  ).json<Task>()
})
after(async () => t.close())

test(`the provincial administrator's approval completes a task handed in with its output on ${engineName}`, () => {
  assert.equal(approved.status, 'done')
})

test(`the unit's board shows the task with the reported progress on ${engineName}`, async () => {
  const board = await get(t, leader, `/api/programme/${programmeId}/plans/2026?agencyId=so-tu-phap`)
  assert.deepEqual(
    board.json<{ tasks: Task[] }>().tasks.map((x) => [x.id, x.percent]),
    [[taskId, 100]],
  )
})

test(`every step of the task is audited on ${engineName}`, async () => {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject', '=', `reform-task:${taskId}`)
    .orderBy('id')
    .execute()
  assert.deepEqual(
    rows.map((r) => r.action),
    ['reform-task.assigned', 'reform-task.progress', 'reform-task.completion_requested', 'reform-task.approved'],
  )
})

test(`the output file handed in can be downloaded as evidence on ${engineName}`, async () => {
  const report = await t.database.db
    .selectFrom('reform_task_reports')
    .select('evidence_sha256')
    .where('kind', '=', 'completion_requested')
    .executeTakeFirstOrThrow()
  const file = await get(t, admin, `/api/programme/evidence/${report.evidence_sha256}`)
  assert.equal(file.body.startsWith('%PDF-'), true)
})

test(`another unit's staff do not see the task on their board on ${engineName}`, async () => {
  const other = await signedIn(t, { grants: [{ role: 'leader', agencyId: 'so-y-te' }] })
  const board = await get(t, other, `/api/programme/${programmeId}/plans/2026`)
  assert.deepEqual(board.json<{ tasks: Task[] }>().tasks, [])
})
