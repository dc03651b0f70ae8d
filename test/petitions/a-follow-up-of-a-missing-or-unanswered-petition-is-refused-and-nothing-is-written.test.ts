import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { PetitionView } from '../../src/http/schemas/petition-view.ts'
import { createTestApp, signedIn, type TestApp } from '../support/test-app.ts'
import { engineName } from '../support/test-database.ts'
import { command, submit } from './petition-http.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(async () => t.close())

const written = async () => ({
  petitions: (await t.database.db.selectFrom('petitions').select('code').execute()).length,
  codes: await t.database.db.selectFrom('petition_code_counters').selectAll().execute(),
  audit: (await t.database.db.selectFrom('audit_log').select('id').execute()).length,
})

test(`a follow-up of no petition, or of one not answered, is refused with 422 in vi and en and nothing is written on ${engineName}`, async () => {
  const open = (await submit(t, {})).json<PetitionView>()
  const before = await written()
  const missing = await submit(t, {}, { followsUp: 'PAKN.20261126.9999' })
  assert.equal(missing.statusCode, 422, missing.body)
  assert.equal(missing.json<{ en: { title: string } }>().en.title, 'The earlier petition is unknown')
  const unanswered = await submit(t, {}, { followsUp: open.code })
  assert.equal(unanswered.statusCode, 422, unanswered.body)
  assert.equal(unanswered.json<{ title: string }>().title, 'Phản ánh trước đó chưa được trả lời')
  const later = (await submit(t, {})).json<PetitionView>()
  const counter = await signedIn(t, { grants: [{ role: 'counter_officer', agencyId: 'ttpvhcc-22333' }] })
  const afterLater = await written()
  const marked = await command(t, counter, later.code, 'follow-up', { followsUp: open.code })
  assert.equal(marked.statusCode, 422, marked.body)
  assert.deepEqual(await written(), afterLater)
  assert.equal(afterLater.petitions, before.petitions + 1, 'only the valid submission was written')
})
