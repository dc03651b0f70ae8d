import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { answeredPetition } from './follow-up-http.ts'
import { submit } from './petition-http.ts'

// rules.md "Petitions", 5.3: the follow-up counts against the earlier petition whichever agency holds
// the follow-up — here the commune answered and the repeat sits unrouted at the service centre.
let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(async () => t.close())

test(`the commune's 766 index counts its answer followed up at the service centre against 5.3 on ${engineName}`, async () => {
  const earlier = await answeredPetition(t)
  assert.equal((await submit(t, {}, { followsUp: earlier.code })).statusCode, 201)
  const leader = await signedIn(t, { grants: [{ role: 'leader', agencyId: 'xa-22333' }] })
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/indicators/overview?from=2026-11-01&to=2026-11-30&agency=xa-22333',
    headers: leader,
  })
  assert.equal(res.statusCode, 200, res.body)
  const i = res.json<{ index766: { indicators: Record<string, { ratio: number | null }> } }>().index766.indicators
  // The commune holds one petition received in November, followed up: (1 − 1) ÷ 1.
  assert.equal(i['5.3']?.ratio, 0)
})
