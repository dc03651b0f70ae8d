import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Static } from 'typebox'
import type { CouncilCandidates, ProgressView } from '../../src/http/routes/par-index-schemas.ts'
import { engineName } from '../support/test-database.ts'
import {
  callAs,
  createParTestApp,
  departments2026,
  departmentsCast,
  evidencePdf,
  type Officer,
  type ParCast,
  type ParTestApp,
} from './par-index-http.ts'

// The round page's progress (rules.md "PAR index of departments and communes", Screens): the council
// and the provincial administrator follow who has self-assessed — counts and dates, no answers and no
// scores — before the deadline too; other officers do not.

type Progress = Static<typeof ProgressView>
const day = (d: string) => new Date(`${d}T03:00:00Z`)
const progressUrl = '/api/par-index/rounds/2026-department/progress'
let t: ParTestApp
let cast: ParCast
const call = (who: Officer, method: 'GET' | 'POST', url: string, payload?: object) =>
  callAs(t, who, method, url, payload)

before(async () => {
  t = await createParTestApp(day('2026-12-01'))
  cast = await departmentsCast(t)
  const { admin, council, justice } = cast
  const opened = await call(admin, 'POST', '/api/par-index/rounds', departments2026(council))
  assert.equal(opened.statusCode, 201, opened.body)
  const unit = '/api/par-index/rounds/2026-department/units/so-tu-phap'
  const up = await call(justice, 'POST', `${unit}/evidence`, {
    name: 'ke-hoach.pdf',
    contentBase64: evidencePdf.toString('base64'),
  })
  const sha256 = up.json<{ sha256: string }>().sha256
  const saved = await call(justice, 'POST', `${unit}/self-assessment`, {
    answers: { '1.1': { kind: 'level', level: 'full', evidence: [sha256] } },
    note: '',
  })
  assert.equal(saved.statusCode, 200, saved.body)
})
after(async () => t.close())

test(`before the deadline the council sees the unit has answered one criterion with one file, on ${engineName}`, async () => {
  const res = await call(cast.council, 'GET', progressUrl)
  assert.equal(res.statusCode, 200, res.body)
  const justiceRow = res.json<Progress>().units.find((u) => u.unitId === 'so-tu-phap')
  assert.deepEqual([justiceRow?.answered, justiceRow?.evidence, justiceRow?.selfAssessedAt !== null], [1, 1, true])
})

test('the progress carries no answers and no scores', async () => {
  const res = await call(cast.admin, 'GET', progressUrl)
  const keys = Object.keys(res.json<Progress>().units[0] ?? {}).sort()
  assert.deepEqual(keys, ['answered', 'appraisedAt', 'evidence', 'explainedAt', 'name', 'selfAssessedAt', 'unitId'])
})

test('a unit’s own staff do not see the other units’ progress', async () => {
  assert.equal((await call(cast.construction, 'GET', progressUrl)).statusCode, 403)
})

test('the council candidates list the council member’s account for the administrator', async () => {
  const res = await call(cast.admin, 'GET', '/api/par-index/council-candidates')
  const items = res.json<Static<typeof CouncilCandidates>>().items
  assert.deepEqual(
    items.filter((i) => i.id === cast.council.id).map((i) => [i.name, i.agencies]),
    [['Thành viên Hội đồng', ['so-noi-vu']]],
  )
})
