import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Static } from 'typebox'
import type { AssessmentView, RankingView, RoundView } from '../../src/http/routes/par-index-schemas.ts'
import { engineName } from '../support/test-database.ts'
import { createParTestApp, evidencePdf, type Officer, type ParTestApp } from './par-index-http.ts'

type Round = Static<typeof RoundView>
type Assessment = Static<typeof AssessmentView>
type Ranking = Static<typeof RankingView>

const day = (d: string) => new Date(`${d}T03:00:00Z`)
let t: ParTestApp
let admin: Officer
let council: Officer
let justice: Officer
let construction: Officer
let sha256 = ''

const unitUrl = '/api/par-index/rounds/2026-department/units/so-tu-phap'
async function call(who: Officer, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: await who.headers(), ...(payload ? { payload } : {}) })
}

before(async () => {
  t = await createParTestApp(day('2026-12-01'))
  admin = await t.officer([{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }])
  council = await t.officer([{ role: 'specialist', agencyId: 'so-noi-vu' }], 'Thành viên Hội đồng')
  justice = await t.officer([{ role: 'leader', agencyId: 'so-tu-phap' }])
  construction = await t.officer([{ role: 'leader', agencyId: 'so-xay-dung' }])
})
after(async () => t.close())

test(`the provincial administrator opens 2026 for the departments with the demo set frozen on ${engineName}`, async () => {
  const res = await call(admin, 'POST', '/api/par-index/rounds', {
    year: 2026,
    unitKind: 'department',
    council: [council.id],
    selfAssessmentDeadline: '2026-12-10T17:00:00+07:00',
    explanationDeadline: '2026-12-20T17:00:00+07:00',
  })
  assert.equal(res.statusCode, 201, res.body)
  const round = res.json<Round>()
  assert.deepEqual(
    [round.status, round.criteriaSet.maxPoints, round.units.some((u) => u.id === 'so-tu-phap')],
    ['open', 100, true],
  )
})

test('a unit uploads an evidence file and self-assesses with it before the deadline', async () => {
  const up = await call(justice, 'POST', `${unitUrl}/evidence`, {
    name: 'ke-hoach-cchc-2026.pdf',
    contentBase64: evidencePdf.toString('base64'),
  })
  assert.equal(up.statusCode, 201, up.body)
  sha256 = up.json<{ sha256: string }>().sha256
  const res = await call(justice, 'POST', `${unitUrl}/self-assessment`, {
    answers: {
      '1.1': { kind: 'level', level: 'full', evidence: [sha256] },
      '5.2': { kind: 'count', count: 3, evidence: [sha256] },
    },
    note: 'Kế hoạch ban hành ngày 05/01/2026',
  })
  assert.equal(res.statusCode, 200, res.body)
  assert.deepEqual(
    [res.json<Assessment>().selfScore.leaves['1.1'], res.json<Assessment>().selfScore.leaves['5.2']],
    [3, 1.5],
  )
})

test('a self-assessment without evidence is refused, naming the criterion, and changes nothing', async () => {
  const res = await call(justice, 'POST', `${unitUrl}/self-assessment`, {
    answers: { '1.2': { kind: 'level', level: '100', evidence: [] } },
    note: '',
  })
  assert.equal(res.statusCode, 400, res.body)
  assert.equal(res.json<{ errors: { path: string }[] }>().errors[0]?.path, 'body/answers/1.2')
  const now = await call(justice, 'GET', unitUrl)
  assert.equal(now.json<Assessment>().version, 1)
})

test('another unit sees neither the assessment nor its evidence', async () => {
  const view = await call(construction, 'GET', unitUrl)
  const file = await call(construction, 'GET', `${unitUrl}/evidence/${sha256}`)
  assert.deepEqual([view.statusCode, file.statusCode], [403, 403])
})

test('the council sees no self-assessment before the deadline', async () => {
  assert.equal((await call(council, 'GET', unitUrl)).statusCode, 403)
})

test('after the deadline the unit can no longer change its self-assessment', async () => {
  t.clock.now = day('2026-12-11')
  const res = await call(justice, 'POST', `${unitUrl}/self-assessment`, {
    answers: { '1.3': { kind: 'level', level: 'full', evidence: [sha256] } },
    note: '',
  })
  assert.equal(res.statusCode, 409, res.body)
})

test('the council appraises after the deadline: its score replaces the unit’s and a penalty deducts', async () => {
  const res = await call(council, 'POST', `${unitUrl}/appraisal`, {
    answers: {
      '1.1': { kind: 'level', level: 'partial', evidence: [] },
      '5.3': { kind: 'points', points: 1, evidence: [] },
    },
    comments: { '1.1': 'Kế hoạch ban hành chậm so với hướng dẫn' },
  })
  assert.equal(res.statusCode, 200, res.body)
  const score = res.json<Assessment>().finalScore
  assert.deepEqual([score.leaves['1.1'], score.leaves['5.3'], score.total], [1.5, -1, 2])
})

test('the unit explains once within the window; a second explanation is refused', async () => {
  const first = await call(justice, 'POST', `${unitUrl}/explanation`, {
    explanation: 'Kế hoạch ban hành đúng hạn, xem văn bản kèm theo.',
  })
  const second = await call(justice, 'POST', `${unitUrl}/explanation`, { explanation: 'Lần hai' })
  assert.deepEqual([first.statusCode, second.statusCode], [200, 409])
})

test('the scores are locked only after the explanation deadline', async () => {
  const early = await call(council, 'POST', '/api/par-index/rounds/2026-department/lock')
  t.clock.now = day('2026-12-21')
  const late = await call(council, 'POST', '/api/par-index/rounds/2026-department/lock')
  assert.deepEqual([early.statusCode, late.statusCode, late.json<Round>().status], [409, 200, 'locked'])
})

test('the published ranking is seen by every unit, ties broken by the name', async () => {
  const before = await call(construction, 'GET', '/api/par-index/rounds/2026-department/ranking')
  const published = await call(admin, 'POST', '/api/par-index/rounds/2026-department/publication')
  assert.equal(published.statusCode, 200, published.body)
  const res = await call(construction, 'GET', '/api/par-index/rounds/2026-department/ranking')
  assert.equal(before.statusCode, 403)
  const ranking = res.json<Ranking>().ranking
  const rest = ranking.slice(1).map((u) => u.name)
  assert.deepEqual(
    [ranking[0]?.unitId, ranking[0]?.total, rest],
    ['so-tu-phap', 2, [...rest].sort(new Intl.Collator('vi').compare)],
  )
})

test('every change to the unit’s assessment is audited', async () => {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject', '=', 'par-assessment:2026-department:so-tu-phap')
    .orderBy('id')
    .execute()
  assert.deepEqual(
    rows.map((r) => r.action),
    ['par-index.evidence-uploaded', 'par-index.self-assessed', 'par-index.appraised', 'par-index.explained'],
  )
})
