import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sampleSize } from '../../src/domain/survey/sample-size.ts'
import { runCommand, submitOnline } from '../support/http-dossier.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { finishedInNovember, sheet } from './survey-fixtures.ts'

type Period = {
  id: string
  population: number
  sampleSize: number
  strata: { agencyId: string; population: number; sampled: number }[]
  sample: { dossierCode: string; channel: string | null }[]
}

let t: TestApp
let admin: Record<string, string>
let everyone: Period
let link: string
let dossierCode: string

async function open(body: Record<string, unknown>): Promise<Period> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/surveys',
    headers: admin,
    payload: { name: 'Khảo sát SIPAS tháng 11/2026', from: '2026-11-01', to: '2026-11-30', ...body },
  })
  assert.equal(res.statusCode, 201, res.body)
  const got = await t.app.inject({ method: 'GET', url: `/api/surveys/${res.json<Period>().id}`, headers: admin })
  return got.json<Period>()
}

before(async () => {
  t = await createTestApp()
  admin = await signedIn(t, { grants: [{ role: 'provincial_admin', agencyId: 'ubnd-tinh' }] })
  const citizen = await signedIn(t, { citizen: { identityNumber: '056090000123', name: 'Lê Văn An' } })
  const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
  const received = await runCommand(t, counter, await submitOnline(t, citizen, '0905123456'), 'reception')
  dossierCode = received.code as string
  await finishedInNovember(t, [dossierCode])
  everyone = await open({ marginBasisPoints: 1, seed: 'ca-tinh' })
  const outbox = await t.database.db
    .selectFrom('outbox')
    .select('payload')
    .where('topic', '=', 'survey.invitation')
    .execute()
  link = (outbox[0]?.payload as { link: string } | undefined)?.link ?? ''
})
after(async () => t.close())

test(`a period's sample has Yamane's size of the dossiers finished in it, strata summing to it, on ${engineName}`, async () => {
  const p = await open({ seed: 'thang-11' })
  assert.equal(p.population, 32)
  assert.equal(p.sampleSize, sampleSize(32, 500))
  assert.equal(
    p.strata.reduce((sum, s) => sum + s.sampled, 0),
    p.sampleSize,
  )
})

test('the same seed over the same dossiers draws the same sample', async () => {
  const a = await open({ seed: 'lap-lai' })
  const b = await open({ seed: 'lap-lai' })
  assert.deepEqual(
    b.sample.map((s) => s.dossierCode),
    a.sample.map((s) => s.dossierCode),
  )
})

test('a sampled dossier with the applicant’s phone gets one invitation with its link, through the outbox', async () => {
  assert.match(link, /\/khao-sat\/[A-Za-z0-9_-]{40,}$/)
})

const token = () => link.split('/').at(-1) as string

test('an answer sheet with a level out of 1..5 is a 400 problem in Vietnamese and English, and nothing is written', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/surveys/links/${token()}/answer`,
    payload: { answers: { ...sheet(4), 'access.place': 9 } },
  })
  assert.equal(res.statusCode, 400)
  const body = res.json<{ errors: { message: string; en: string }[] }>()
  assert.deepEqual(body.errors[0], {
    path: 'body/answers',
    message: 'Câu "access.place" phải có mức từ 1 đến 5',
    en: 'Question "access.place" needs a level from 1 to 5',
  })
  const view = await t.app.inject({ method: 'GET', url: `/api/surveys/links/${token()}` })
  assert.equal(view.json<{ canAnswer: boolean }>().canAnswer, true)
})

test('a link takes one answer: the second is a 409 problem', async () => {
  const url = `/api/surveys/links/${token()}/answer`
  const first = await t.app.inject({ method: 'POST', url, payload: { answers: sheet(5), suggestion: 'Tốt' } })
  assert.equal(first.statusCode, 204, first.body)
  const second = await t.app.inject({ method: 'POST', url, payload: { answers: sheet(1) } })
  assert.equal(second.statusCode, 409)
})

test('a paper form is not taken for a dossier that answered online', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/surveys/${everyone.id}/paper-answers`,
    headers: admin,
    payload: { dossierCode, answers: sheet(2) },
  })
  assert.equal(res.statusCode, 409)
})

test('an unknown link is a 404 problem', async () => {
  const res = await t.app.inject({ method: 'GET', url: `/api/surveys/links/${'x'.repeat(43)}` })
  assert.equal(res.statusCode, 404)
})

type Result = {
  agencyId: string
  answered: number
  survey: { overall: { value: number | null; low: number | null; high: number | null } }
  ratings: { rated: number; satisfied: number; share: number | null }
}

test('results give each agency its index with its interval, and its per-dossier ratings beside it', async () => {
  for (const [code, level] of [
    ['SIPAS-000', 5],
    ['SIPAS-001', 4],
    ['SIPAS-002', 3],
  ] as const) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/surveys/${everyone.id}/paper-answers`,
      headers: admin,
      payload: { dossierCode: code, answers: sheet(level) },
    })
    assert.equal(res.statusCode, 204, res.body)
  }
  const res = await t.app.inject({ method: 'GET', url: `/api/surveys/${everyone.id}/results`, headers: admin })
  const xa1 = res.json<{ items: Result[] }>().items.find((r) => r.agencyId === 'xa-1')
  const half = (1.959963984540054 * Math.sqrt(1 / 3)) / Math.sqrt(3)
  assert.equal(xa1?.answered, 3)
  assert.ok(Math.abs((xa1?.survey.overall.low ?? 0) - (2 / 3 - half)) < 1e-9)
  assert.deepEqual(xa1?.ratings, { rated: 5, satisfied: 4, share: 0.8 })
})

test('a closed period takes no more answers', async () => {
  const closed = await t.app.inject({ method: 'POST', url: `/api/surveys/${everyone.id}/closure`, headers: admin })
  assert.equal(closed.statusCode, 204, closed.body)
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/surveys/${everyone.id}/paper-answers`,
    headers: admin,
    payload: { dossierCode: 'SIPAS-010', answers: sheet(4) },
  })
  assert.equal(res.statusCode, 409)
})
