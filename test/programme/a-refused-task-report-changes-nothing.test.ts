import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { pdfEvidence, planWithTask, post } from './programme-http.ts'

let t: TestApp
let admin: Record<string, string>
let taskId: string
before(async () => {
  t = await createTestApp()
  admin = await signedIn(t, { grants: [{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }] })
  taskId = await planWithTask(t, admin, 'so-tu-phap')
})
after(async () => t.close())

const reportsAndAudit = async () => {
  const db = t.database.db
  const [reports, audit, files] = await Promise.all([
    db
      .selectFrom('reform_task_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('files')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return [Number(reports.n), Number(audit.n), Number(files.n)]
}

test(`another unit's leader cannot hand a task in, and nothing is written on ${engineName}`, async () => {
  const before = await reportsAndAudit()
  const other = await signedIn(t, { grants: [{ role: 'leader', agencyId: 'so-y-te' }] })
  const r = await post(t, other, `/api/programme/tasks/${taskId}/completion-request`, {
    note: 'x',
    evidence: pdfEvidence(),
  })
  assert.deepEqual([r.statusCode, await reportsAndAudit()], [409, before])
})

test(`a completion request without its output file is a 400 problem in Vietnamese and English on ${engineName}`, async () => {
  const leader = await signedIn(t, { grants: [{ role: 'leader', agencyId: 'so-tu-phap' }] })
  const r = await post(t, leader, `/api/programme/tasks/${taskId}/completion-request`, { note: 'x', evidence: null })
  const body = r.json<{ title: string; en: { title: string } }>()
  assert.deepEqual([r.statusCode, body.title, body.en.title], [400, 'Cần tệp minh chứng', 'Evidence required'])
})

test(`an evidence file that is not a PDF, JPEG or PNG is refused on ${engineName}`, async () => {
  const leader = await signedIn(t, { grants: [{ role: 'leader', agencyId: 'so-tu-phap' }] })
  const exe = { name: 'a.pdf', contentBase64: Buffer.from('MZ\x90\x00 not a pdf').toString('base64') }
  const r = await post(t, leader, `/api/programme/tasks/${taskId}/progress-reports`, {
    percent: 10,
    note: 'x',
    evidence: exe,
  })
  assert.equal(r.statusCode, 400)
})
