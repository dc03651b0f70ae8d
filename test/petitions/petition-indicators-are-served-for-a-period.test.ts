import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { submit } from './petition-http.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(async () => t.close())

type Figure = { numerator: number; denominator: number; percent: number | null }

test(`GET /api/petitions/indicators gives 5.1–5.3 of a period from the stored petitions (Decision 766 group 5) on ${engineName}`, async () => {
  await submit(t, {})
  await submit(t, {}, { category: null })
  const leader = await signedIn(t, { grants: [{ role: 'leader', agencyId: 'xa-22333' }] })
  const url = '/api/petitions/indicators?from=2026-11-01&to=2026-11-30'
  const res = await t.app.inject({ method: 'GET', url, headers: leader })
  assert.equal(res.statusCode, 200, res.body)
  const figures = res.json<Record<'5.1' | '5.2' | '5.3', Figure>>()
  assert.deepEqual(figures['5.1'], { numerator: 1, denominator: 2, percent: 50 })
  assert.deepEqual(figures['5.2'], { numerator: 2, denominator: 2, percent: 100 })
  const before = await t.app.inject({
    method: 'GET',
    url: '/api/petitions/indicators?from=2026-10-01&to=2026-10-31',
    headers: leader,
  })
  assert.deepEqual(before.json<Record<string, Figure>>()['5.1'], { numerator: 0, denominator: 0, percent: null })
})
