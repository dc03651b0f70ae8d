import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, test } from 'node:test'
import type { Static } from 'typebox'
import type { AssessmentView, RoundView } from '../../src/http/routes/par-index-schemas.ts'
import { closePeriod } from '../../src/store/survey/survey-store.ts'
import { engineName } from '../support/test-database.ts'
import { answeredPeriod } from '../survey/survey-fixtures.ts'
import {
  callAs,
  createParTestApp,
  departments2026,
  departmentsCast,
  type ParCast,
  type ParTestApp,
} from './par-index-http.ts'

type Assessment = Static<typeof AssessmentView>

const day = (d: string) => new Date(`${d}T03:00:00Z`)
let t: ParTestApp
let cast: ParCast
const ids = { march: randomUUID(), september: randomUUID(), november: randomUUID() }

/** A period of so-tu-phap's dossiers whose sampled respondents answered at these levels. */
const period = (id: string, name: string, fromDay: string, toDay: string, levels: readonly number[]) =>
  answeredPeriod(t.database.db, { id, name, fromDay, toDay, agencyId: 'so-tu-phap', enteredBy: cast.admin.id }, levels)

before(async () => {
  t = await createParTestApp(day('2026-12-01'))
  cast = await departmentsCast(t)
  // Satisfied 1 of 2 in March and 2 of 3 in September: pooled 3 of 5 (0.6), not the periods' mean (7/12).
  await period(ids.march, 'Tháng 3/2026', '2026-03-01', '2026-03-31', [5, 2])
  await period(ids.september, 'Tháng 9/2026', '2026-09-01', '2026-09-30', [4, 5, 3])
  await period(ids.november, 'Tháng 11/2026', '2026-11-01', '2026-11-30', [1, 1, 1])
  await closePeriod(t.database.db, ids.march)
  await closePeriod(t.database.db, ids.september)
  const opened = await callAs(t, cast.admin, 'POST', '/api/par-index/rounds', departments2026(cast.council))
  assert.equal(opened.statusCode, 201, opened.body)
})
after(async () => t.close())

const closedSource = {
  periods: [
    { id: ids.march, name: 'Tháng 3/2026', from: '2026-03-01', to: '2026-03-31' },
    { id: ids.september, name: 'Tháng 9/2026', from: '2026-09-01', to: '2026-09-30' },
  ],
  answers: 5,
}

test(`the satisfaction criterion scores the pooled answers of the year's closed periods, with its source, on ${engineName}`, async () => {
  const res = await callAs(t, cast.justice, 'GET', '/api/par-index/rounds/2026-department/units/so-tu-phap')
  assert.equal(res.statusCode, 200, res.body)
  const a = res.json<Assessment>()
  assert.deepEqual(
    [a.figures.satisfaction, a.finalScore.leaves['XHH.1'], a.sources.satisfaction],
    [0.6, 18, closedSource],
  )
})

test('a unit without answers in the closed periods has no satisfaction figure, and its source says 0 answers', async () => {
  const res = await callAs(t, cast.construction, 'GET', '/api/par-index/rounds/2026-department/units/so-xay-dung')
  const a = res.json<Assessment>()
  assert.deepEqual(
    [a.figures.satisfaction ?? null, a.finalScore.leaves['XHH.1'], a.sources.satisfaction],
    [null, 0, { periods: closedSource.periods, answers: 0 }],
  )
})

test('locking keeps the source: a period closed afterwards changes neither the figure nor its source', async () => {
  t.clock.now = day('2026-12-21')
  const locked = await callAs(t, cast.council, 'POST', '/api/par-index/rounds/2026-department/lock')
  assert.equal(locked.json<Static<typeof RoundView>>().status, 'locked', locked.body)
  await closePeriod(t.database.db, ids.november)
  const a = (
    await callAs(t, cast.justice, 'GET', '/api/par-index/rounds/2026-department/units/so-tu-phap')
  ).json<Assessment>()
  assert.deepEqual([a.figures.satisfaction, a.sources.satisfaction], [0.6, closedSource])
})
