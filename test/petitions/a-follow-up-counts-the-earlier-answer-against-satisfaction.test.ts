import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { PetitionView } from '../../src/http/schemas/petition-view.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { answeredPetition } from './follow-up-http.ts'
import { submit } from './petition-http.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(async () => t.close())

test(`a petition sent as a follow-up of an answered one counts that one against 5.3 (Decision 766 formula, METRICS row 23) on ${engineName}`, async () => {
  const earlier = await answeredPetition(t)
  const sent = await submit(t, {}, { followsUp: earlier.code })
  assert.equal(sent.statusCode, 201, sent.body)
  assert.equal(sent.json<PetitionView>().followsUp, earlier.code)
  const leader = await signedIn(t, { grants: [{ role: 'leader', agencyId: 'xa-22333' }] })
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/petitions/indicators?from=2026-11-01&to=2026-11-30',
    headers: leader,
  })
  // Received in November: the earlier petition and its follow-up (open, within time) = 2; against
  // satisfaction: the earlier one = 1; (2 − 1) ÷ 2.
  assert.deepEqual(res.json<Record<string, unknown>>()['5.3'], { numerator: 1, denominator: 2, percent: 50 })
})
