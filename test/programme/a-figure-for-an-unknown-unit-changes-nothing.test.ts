import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { pdfEvidence, post, programmeId } from './programme-http.ts'

let t: TestApp
let admin: Record<string, string>
let targetId: string
before(async () => {
  t = await createTestApp()
  admin = await signedIn(t, { grants: [{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }] })
  // A reported target any unit may report (no responsible unit): the caller names the unit.
  const created = await post(t, admin, `/api/programme/${programmeId}/targets`, {
    key: 'open_reported_share',
    title: 'Tỷ lệ báo cáo của đơn vị',
    titleEn: "A unit's reported share",
    area: 'digital_government',
    solutionGroupId: null,
    phaseId: '2026-2030',
    year: 2026,
    source: { kind: 'reported', responsibleAgencyId: null },
    comparator: 'at_least',
    value: 0.5,
    effectiveFrom: '2026-01-01',
    basis: 'test target',
    illustrative: true,
  })
  if (created.statusCode !== 201) throw new Error(created.body)
  targetId = created.json<{ id: string }>().id
})
after(async () => t.close())

const counts = async () => {
  const db = t.database.db
  const n = (table: 'reform_target_reports' | 'audit_log' | 'files') =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n))
  return Promise.all([n('reform_target_reports'), n('audit_log'), n('files')])
}

const reportFor = (agencyId: string) =>
  post(t, admin, `/api/programme/targets/${targetId}/figures`, {
    year: 2026,
    value: 0.7,
    agencyId,
    note: 'x',
    evidence: pdfEvidence(),
  })

test(`a figure for a unit not in the directory is a 422 problem in Vietnamese and English on ${engineName}`, async () => {
  const r = await reportFor('khong-ton-tai')
  const body = r.json<{ title: string; en: { title: string } }>()
  assert.deepEqual([r.statusCode, body.title, body.en.title], [422, 'Không tìm thấy cơ quan', 'Agency not found'])
})

test(`a figure for a unit not in the directory writes no report, file or audit entry on ${engineName}`, async () => {
  const before = await counts()
  await reportFor('khong-ton-tai')
  assert.deepEqual(await counts(), before)
})
