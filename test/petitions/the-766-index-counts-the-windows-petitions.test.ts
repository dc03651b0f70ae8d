import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { submit } from './petition-http.ts'

// rules.md "Decision 766 index" 5.1–5.3: the index of the province and of the agency holding the
// petitions reads them as GET /api/petitions/indicators counts them; a unit with none shares 5.2's and
// 5.3's points (METRICS row 23).
let t: TestApp
let leader: Record<string, string>
type Score = { ratio: number | null; points: number; max: number; sharedTo?: string[] }
const november = 'from=2026-11-01&to=2026-11-30'
const indicators = async (query: string): Promise<Record<string, Score>> => {
  const res = await t.app.inject({ method: 'GET', url: `/api/indicators/overview?${query}`, headers: leader })
  assert.equal(res.statusCode, 200, res.body)
  return res.json<{ index766: { indicators: Record<string, Score> } }>().index766.indicators
}

before(async () => {
  t = await createTestApp()
  assert.equal((await submit(t, {})).statusCode, 201)
  assert.equal((await submit(t, {}, { category: null })).statusCode, 201)
  leader = await signedIn(t, { grants: [{ role: 'leader', agencyId: 'ttpvhcc-22333' }] })
})
after(async () => t.close())

test(`the province's index scores 5.1–5.3 from the window's petitions on ${engineName}`, async () => {
  const i = await indicators(november)
  assert.deepEqual(
    ['5.1', '5.2', '5.3'].map((id) => [i[id]?.ratio, i[id]?.points]),
    [
      [0.5, 0], // 1 of 2 classified, information only
      [1, 6], // both open, their answers not yet due
      [1, 6], // neither rated nor late
    ],
  )
})

test(`the index of the agency holding the petitions scores them on ${engineName}`, async () => {
  const i = await indicators(`${november}&agency=ttpvhcc-22333`)
  assert.deepEqual([i['5.2']?.ratio, i['5.3']?.ratio], [1, 1])
})

test(`an agency without petitions has 5.2's and 5.3's points on 5.4 on ${engineName}`, async () => {
  const i = await indicators(`${november}&agency=xa-22333`)
  assert.deepEqual([i['5.2']?.sharedTo, i['5.3']?.sharedTo, i['5.4']?.max], [['5.4'], ['5.2', '5.4'], 18])
})
