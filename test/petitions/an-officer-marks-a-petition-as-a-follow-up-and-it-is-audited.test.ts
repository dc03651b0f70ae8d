import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { PetitionView } from '../../src/http/schemas/petition-view.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { answeredPetition } from './follow-up-http.ts'
import { command, submit } from './petition-http.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(async () => t.close())

test(`the handling officer marks a petition as a follow-up of an answered one ("đánh dấu là phản ánh lặp lại"), audited, once, on ${engineName}`, async () => {
  const earlier = await answeredPetition(t)
  const later = (await submit(t, {})).json<PetitionView>()
  const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
  const marked = await command(t, counter, later.code, 'follow-up', { followsUp: earlier.code })
  assert.equal(marked.statusCode, 200, marked.body)
  const view = marked.json<PetitionView>()
  assert.equal(view.followsUp, earlier.code)
  assert.equal(view.availableActions.includes('mark-follow-up'), false)
  const audit = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'after'])
    .where('subject', '=', `petition:${later.code}`)
    .orderBy('id')
    .execute()
  assert.deepEqual(
    audit.map((a) => a.action),
    ['petition.received', 'petition.follow-up-marked'],
  )
  const row = await t.database.db
    .selectFrom('petitions')
    .select('follows_up')
    .where('code', '=', later.code)
    .executeTakeFirst()
  assert.equal(row?.follows_up, earlier.code)
})
