import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { PetitionView } from '../../src/http/schemas/petition-view.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { submit } from './petition-http.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(async () => t.close())

test(`PAKN codes number the day’s petitions without gaps, a failed reception giving its number back (issue 16 §3) on ${engineName}`, async () => {
  const first = await submit(t, {})
  const failed = await submit(t, {}, { dossierCode: '000.00.22.H56-261126-9999' })
  assert.equal(failed.statusCode, 404, failed.body)
  const second = await submit(t, {})
  assert.deepEqual(
    [first, second].map((r) => r.json<PetitionView>().code),
    ['PAKN.20261126.0001', 'PAKN.20261126.0002'],
  )
})
